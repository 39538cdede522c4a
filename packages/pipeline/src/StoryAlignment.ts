/**
 * Alignment within stories: claims are aligned story by story, so figures about two events never meet.
 * A statement may join one of another story only under a strict rule: same named actor, action, object.
 */
import { type AlignedGroup, type Claim, type Document, Ids } from "@crosscheck/domain"
import { Alignment, Entities, Lexicon } from "@crosscheck/matcher"

type Group = AlignedGroup.AlignedGroup

/** The rule's name, as findings and reasons cite it. */
export const CROSS_STORY_RULE = "cross-story-statement"

/** Action relations that count as "the same action": itself, a synonym, a kind of it, or its opposite. */
const ACTION_RELATIONS: ReadonlySet<Lexicon.RelationKind> = new Set(["same", "synonym", "related", "antonym"])

export interface Options {
  readonly lexicon?: Lexicon.Service
  readonly alignment?: Alignment.Options
  /** Stories already aligned elsewhere (by workers), used instead of aligning them again. */
  readonly precomputed?: Precomputed
}

const byDocument = (a: AlignedGroup.Member, b: AlignedGroup.Member): number =>
  a.claim.documentId < b.claim.documentId ? -1 : a.claim.documentId > b.claim.documentId ? 1 : 0

/**
 * The figures of a lone article that may be one figure's points in time: numeric claims with a written
 * time of their own, when at least two times are written. Only these are aligned in a one-article story.
 */
const timedFigures = (claims: ReadonlyArray<Claim.Claim>): ReadonlyArray<Claim.Claim> => {
  const timed = claims.filter((c) => c.quantities.length > 0 && c.time !== null && !c.time.defaulted)
  return new Set(timed.map((c) => c.time?.text.toLowerCase())).size >= 2 ? timed : []
}

/** One story's alignment input: its claims that are aligned, and its documents. */
export interface StoryInput {
  /** The story's id, or `doc:<id>` for a document in no story. */
  readonly story: string
  readonly claims: ReadonlyArray<Claim.Claim>
  readonly documents: ReadonlyArray<Document.Document>
}

/**
 * What each story aligns, in the order alignment visits them. A story of one document gives only the
 * timelines its article writes ("5,000 a day in July", "15,000 a day months later").
 */
export const storyInputs = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
): ReadonlyArray<StoryInput> => {
  const storyOf = new Map(documents.map((d) => [d.id as string, d.storyId ?? `doc:${d.id}`]))
  const docsOf = new Map<string, Document.Document[]>()
  for (const d of documents) {
    const s = storyOf.get(d.id) ?? ""
    const list = docsOf.get(s)
    if (list) list.push(d)
    else docsOf.set(s, [d])
  }
  const claimsOf = new Map<string, Claim.Claim[]>()
  for (const c of claims) {
    const s = storyOf.get(c.documentId) ?? `doc:${c.documentId}`
    const list = claimsOf.get(s)
    if (list) list.push(c)
    else claimsOf.set(s, [c])
  }
  const inputs: StoryInput[] = []
  for (const [story, own] of claimsOf) {
    const docs = docsOf.get(story) ?? []
    const aligned = docs.length < 2 ? timedFigures(own) : own
    if (aligned.length >= 2) inputs.push({ story, claims: aligned, documents: docs })
  }
  return inputs
}

/** One story's aligned groups, each tagged with its story. */
export const alignStory = (input: StoryInput, options: Alignment.Options = {}): Group[] =>
  Alignment.align(input.claims, input.documents, options).map((g) => ({
    ...g,
    storyId: input.story.startsWith("doc:") ? null : input.story,
  }))

/**
 * Names a story's alignment input: the same key is the same input, so a story aligned elsewhere (by a
 * worker) can stand in for aligning it here. Claim ids name their text; documents add what alignment reads.
 */
export const inputKey = (input: StoryInput): string =>
  Ids.hashId(
    "a",
    input.story,
    ...input.claims.map((c) => c.id),
    ...input.documents.map((d) =>
      JSON.stringify([d.id, d.outlet, d.canonicalOutlet ?? null, d.publishedAt, d.syndicationGroup, d.storyId ?? null]),
    ),
  )

/** A story aligned elsewhere: its groups, and how many of its candidate blocks were split or left out. */
export interface Aligned {
  readonly groups: ReadonlyArray<Group>
  readonly blocks: { readonly split: number; readonly skipped: number }
}

/** A story's alignment done elsewhere, when there is one for this input. */
export type Precomputed = (input: StoryInput) => Aligned | undefined

/** Aligned groups of every story, each tagged with its story, sorted by key. */
const withinStories = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
  options: Alignment.Options,
  precomputed: Precomputed,
): Group[] => {
  const groups: Group[] = []
  for (const input of storyInputs(claims, documents)) {
    const done = precomputed(input)
    // Its blocks are counted as if aligned here, so a left-out block is never silent.
    if (done) options.onBlocks?.(done.blocks)
    groups.push(...(done ? done.groups : alignStory(input, options)))
  }
  return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

interface Frame {
  readonly claim: Claim.Claim
  readonly story: string
  readonly actor: string
  readonly actorName: string
  readonly action: string
  readonly object: string
}

/** Each lexicon's entity resolver, and the mentions it found in each document object while that is held. */
const resolvers = new WeakMap<
  Lexicon.Service,
  { readonly resolver: Entities.Resolver; readonly found: WeakMap<Document.Document, ReadonlyArray<Entities.Mention>> }
>()

/**
 * A document's entity mentions, found once per document object: a store's batch reads its frames to
 * align and again to file its claims under their keys, over the same documents.
 */
const mentionsWith = (lexicon: Lexicon.Service) => {
  let cached = resolvers.get(lexicon)
  if (!cached) {
    const resolver = Entities.make({
      isCommonWord: lexicon.isCommonWord,
      isTitle: lexicon.isTitle,
      isStopword: lexicon.isStopword,
    })
    cached = { resolver, found: new WeakMap() }
    resolvers.set(lexicon, cached)
  }
  const { resolver, found } = cached
  return (d: Document.Document): ReadonlyArray<Entities.Mention> => {
    const hit = found.get(d)
    if (hit) return hit
    const mentions = resolver.mentions(d.text)
    found.set(d, mentions)
    return mentions
  }
}

/**
 * A statement's actor, action and object, when its actor is a named entity (resolved in its own
 * document, so "the North" is North Korea where the article names North Korea) and it has an object.
 */
const framesOf = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
  lexicon: Lexicon.Service,
): Frame[] => {
  const docs = new Map(documents.map((d) => [d.id as string, d]))
  const candidates = claims.filter(
    (c) =>
      c.kind === "statement" &&
      c.quantities.length === 0 &&
      c.subject !== null &&
      /\p{Lu}/u.test(c.subject) &&
      c.predicate !== null &&
      c.object !== null,
  )
  if (candidates.length === 0) return []
  const mentionsOf = mentionsWith(lexicon)
  const frames: Frame[] = []
  for (const c of candidates) {
    const d = docs.get(c.documentId)
    if (!d) continue
    const mentions = mentionsOf(d)
    const subject = (c.subject ?? "").toLowerCase()
    const actor = mentions.find(
      (m) =>
        m.start < c.span.end &&
        m.end > c.span.start &&
        (m.text.toLowerCase().includes(subject) || subject.includes(m.text.toLowerCase())),
    )
    const head = (c.object ?? "").toLowerCase().match(/[\p{L}\p{N}]+$/u)?.[0]
    if (!actor || !head) continue
    frames.push({
      claim: c,
      story: d.storyId ?? `doc:${d.id}`,
      actor: actor.entity,
      actorName: actor.name,
      action: lexicon.lemmas(c.predicate ?? "")[0] ?? c.predicate ?? "",
      object: lexicon.lemmas(head)[0] ?? head,
    })
  }
  return frames
}

/** A statement frame's key: claims of two stories are only ever joined when they share it. */
const frameKey = (f: Frame): string => `${f.actor}|${f.object}`

/**
 * The cross-story keys of some claims, as [claim id, key]: a store files its claims under them, so a
 * new claim is compared across stories only with the stored claims that share one.
 */
export const frameKeys = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
  options: Options = {},
): ReadonlyArray<readonly [string, string]> =>
  framesOf(claims, documents, options.lexicon ?? Lexicon.get()).map((f) => [f.claim.id, frameKey(f)] as const)

interface CrossPair {
  readonly a: Frame
  readonly b: Frame
  readonly reason: string
}

/** Pairs of statements from different stories with the same actor, the same (or opposite) action, the same object. */
const crossPairs = (frames: ReadonlyArray<Frame>, lexicon: Lexicon.Service): CrossPair[] => {
  const buckets = new Map<string, Frame[]>()
  for (const f of frames) {
    const key = frameKey(f)
    const list = buckets.get(key)
    if (list) list.push(f)
    else buckets.set(key, [f])
  }
  const pairs: CrossPair[] = []
  for (const bucket of buckets.values()) {
    // Indexed, not sliced: a bucket of one wire story's copies in many stories is large.
    bucket.forEach((a, i) => {
      for (let j = i + 1; j < bucket.length; j++) {
        const b = bucket[j] as Frame
        if (a.story === b.story || a.claim.documentId === b.claim.documentId) continue
        const relation = a.action === b.action ? null : lexicon.relate(a.action, b.action)
        if (a.action !== b.action && !(relation && ACTION_RELATIONS.has(relation.kind))) continue
        const action = relation ? relation.detail : `"${a.action}" both`
        pairs.push({
          a,
          b,
          reason: `across stories by rule ${CROSS_STORY_RULE}: actor ${a.actorName} in both, action ${action}, object "${a.object}" in both`,
        })
      }
    })
  }
  return pairs
}

/**
 * Joins each cross-story pair's groups (or lone claims) into one statement group, unless that would
 * put two claims of one document together. The joined group belongs to no single story.
 */
const joinAcross = (groups: ReadonlyArray<Group>, pairs: ReadonlyArray<CrossPair>): Group[] => {
  const out: Array<Group | null> = [...groups]
  const at = new Map<string, number>()
  out.forEach((g, i) => {
    for (const m of g?.members ?? []) if (g?.kind === "statement") at.set(m.claim.id, i)
  })
  const groupOf = (f: Frame): number => {
    const i = at.get(f.claim.id)
    if (i !== undefined) return i
    out.push({
      kind: "statement",
      key: `s:${f.action}|${f.actorName}`,
      members: [{ claim: f.claim, quantity: null }],
      reasons: [],
      storyId: f.story.startsWith("doc:") ? null : f.story,
    })
    at.set(f.claim.id, out.length - 1)
    return out.length - 1
  }
  for (const p of pairs) {
    const [i, j] = [groupOf(p.a), groupOf(p.b)]
    const [ga, gb] = [out[i], out[j]]
    if (i === j || !ga || !gb) continue
    const docs = new Set(ga.members.map((m) => m.claim.documentId))
    if (gb.members.some((m) => docs.has(m.claim.documentId))) continue
    const joined: Group = {
      kind: "statement",
      key: ga.key,
      members: [...ga.members, ...gb.members].sort(byDocument),
      reasons: [...new Set([...ga.reasons, ...gb.reasons, p.reason])],
      ...(ga.score !== undefined && gb.score !== undefined ? { score: (ga.score + gb.score) / 2 } : {}),
      storyId: null,
    }
    out[i] = joined
    out[j] = null
    for (const m of gb.members) at.set(m.claim.id, i)
  }
  return out.filter((g): g is Group => g !== null && g.members.length > 1)
}

/** Aligned groups: within each story, plus statements joined across stories by the strict rule. */
export const align = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
  options: Options = {},
): ReadonlyArray<Group> => {
  const groups = withinStories(claims, documents, options.alignment ?? {}, options.precomputed ?? (() => undefined))
  const lexicon = options.lexicon ?? Lexicon.get()
  const pairs = crossPairs(framesOf(claims, documents, lexicon), lexicon)
  return pairs.length === 0 ? groups : joinAcross(groups, pairs)
}
