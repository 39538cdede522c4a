/**
 * The analysis as a store runs it batch by batch: new documents are placed among the stories found
 * through their keys, and only the stories they touch (and those linked by the cross-story rule) are judged again.
 */
import type { Document } from "@crosscheck/domain"
import { Outlets } from "@crosscheck/sources"
import type { Store } from "@crosscheck/store"
import { Clustering, Keys, StoryState, StoryStateRows } from "@crosscheck/stories"
import * as Pipeline from "./Pipeline.js"
import * as StoryAlignment from "./StoryAlignment.js"

/**
 * The version of stories, alignment and judgement, stamped on every stored finding. Bump it when a
 * change alters findings: a store analysed by another version is analysed whole on its next batch.
 */
export const ANALYSIS_VERSION = "analysis-71"

/** The store's incremental analysis, reporting each stage as `onPhase` does for a whole run. */
export const make = (
  onPhase: Pipeline.OnPhase = () => {},
  version: string = ANALYSIS_VERSION,
  precomputed?: Pipeline.Precomputed,
): Store.Incremental => {
  // The same document object each time a placement from part of the state places again, so its scan is kept.
  const canonical = new WeakMap<Document.Document, Document.Document>()
  const withCanonical = (d: Document.Document): Document.Document => {
    const hit = canonical.get(d)
    if (hit) return hit
    const out = Outlets.withCanonical(d)
    canonical.set(d, out)
    return out
  }
  const storing = <A extends { readonly findings: ReadonlyArray<unknown> }>(analysis: A): A => {
    onPhase("storing", analysis.findings.length)
    return analysis
  }
  return {
    version,
    storyKeys: (d) => Keys.of(d),
    stateKeys: (d) => StoryStateRows.keysOf(Clustering.termsOf(d)),
    postingsPerKey: Clustering.READ_POSTINGS,
    // With the store's saved state, stored documents keep their stories unread and the new ones are scored
    // with the whole store's term statistics; without one, the candidate stories are rebuilt from their documents.
    place: (stored, fresh, state) => {
      onPhase("stories", stored.length + fresh.length)
      if (state?.read) {
        // Part of the state: the counters of the new documents' terms, and the stories read so far.
        const { state: saved, part } = StoryStateRows.fromPart(state)
        const placed = Clustering.assign([...stored, ...fresh].map(withCanonical), {}, saved, part)
        if (placed.needs) return { needs: StoryStateRows.needsOf(saved, placed.needs) }
        // Placed for good: the copies placing scanned are let go, and their scans with them (about 19 KB
        // an article, held through the batch's analysis and write before).
        for (const d of stored) canonical.delete(d)
        for (const d of fresh) canonical.delete(d)
        return { ...placed, state: StoryStateRows.change(saved, placed.state) }
      }
      const saved = state === null ? StoryState.empty : StoryStateRows.fromRows(state)
      const placed = Clustering.assign([...stored, ...fresh].map(Outlets.withCanonical), {}, saved)
      // Only what placing them changed is written: the stories they joined or started, and the counts.
      return { ...placed, state: StoryStateRows.change(saved, placed.state) }
    },
    claimKeys: (claims, documents) => StoryAlignment.frameKeys(claims, documents),
    analyse: (documents, claims) => storing(Pipeline.analysePlaced(documents, claims, onPhase, precomputed)),
    analyseAll: (documents, claims) => {
      const analysis = storing(Pipeline.analyse(documents, claims, onPhase, precomputed))
      return { ...analysis, storyState: StoryStateRows.toRows(analysis.storyState) }
    },
  }
}
