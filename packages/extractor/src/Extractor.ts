/**
 * The extraction service: Document in, claims out. The wink model is loaded once, when the layer
 * is built, and shared by every document of the run.
 */
import { Attribution, type Claim, type Document, Ids } from "@crosscheck/domain"
import { Context, Effect, Layer } from "effect"
import model from "wink-eng-lite-web-model"
import winkNLP, { type WinkMethods } from "wink-nlp"
import * as Analysis from "./Analysis.js"
import * as Quantities from "./Quantities.js"
import * as Statements from "./Statements.js"
import * as TimeExpressions from "./TimeExpressions.js"

export interface Options {
  /** Anchor for relative times when a document has no publication date. */
  readonly asOf?: string | null
}

export interface Service {
  readonly extract: (document: Document.Document) => ReadonlyArray<Claim.Claim>
}

export class Extractor extends Context.Tag("@crosscheck/extractor/Extractor")<Extractor, Service>() {}

const HEDGES = new Set([
  "may",
  "might",
  "could",
  "suggest",
  "appear",
  "reportedly",
  "estimate",
  "likely",
  "possibly",
  "seem",
])

/** Extracts claims with an already-loaded wink instance. */
export const extractWith = (
  nlp: WinkMethods,
  document: Document.Document,
  options: Options = {},
): ReadonlyArray<Claim.Claim> => {
  const analysis = Analysis.analyse(nlp, document.text)
  const anchorText = document.publishedAt ?? options.asOf ?? null
  const anchor = anchorText && !Number.isNaN(Date.parse(anchorText)) ? new Date(anchorText) : null
  const claims: Claim.Claim[] = []
  for (const sentence of analysis.sentences) {
    const tokens = Analysis.sentenceTokens(analysis, sentence)
    const text = document.text.slice(sentence.span.start, sentence.span.end)
    const quantities = Quantities.find(document.text, tokens)
    const svo = Statements.triple(tokens)
    if (quantities.length === 0 && svo.predicate === null) continue
    const hedged = tokens.some((t) => HEDGES.has(t.lemma) || HEDGES.has(t.text.toLowerCase()))
    claims.push({
      id: Ids.claimId(document.id, sentence.span.start, sentence.span.end),
      documentId: document.id,
      kind: quantities.length > 0 ? "numeric" : "statement",
      text,
      span: sentence.span,
      attribution: Attribution.asserted(hedged),
      subject: svo.subject,
      predicate: svo.predicate,
      object: svo.object,
      polarity: svo.polarity,
      quantities,
      time: TimeExpressions.find(text, anchor),
    })
  }
  return claims
}

export const loadModel = (): WinkMethods => winkNLP(model)

export const make = (options: Options = {}): Effect.Effect<Service> =>
  Effect.sync(() => {
    const nlp = loadModel()
    return { extract: (document) => extractWith(nlp, document, options) }
  })

export const layer = (options: Options = {}): Layer.Layer<Extractor> => Layer.effect(Extractor, make(options))
