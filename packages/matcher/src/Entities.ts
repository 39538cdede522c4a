/**
 * Names and their variants: gazetteer aliases ("Pyongyang", "the North"), short names resolved to the
 * last full name in the document ("Lee" after "Lee Jae Myung"), pronouns, and names found by capitalisation.
 */
import { Either, Schema } from "effect"
import defaults from "./gazetteer.json" with { type: "json" }

export const EntityType = Schema.Literal("person", "place", "organisation", "other")

export const Entry = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  type: EntityType,
  aliases: Schema.Array(Schema.String),
  contextual: Schema.optional(Schema.Array(Schema.String)),
  short: Schema.optional(Schema.Array(Schema.String)),
}).annotations({ identifier: "GazetteerEntry" })
export type Entry = typeof Entry.Type

export const Gazetteer = Schema.Struct({
  description: Schema.optional(Schema.String),
  entities: Schema.Array(Entry),
}).annotations({ identifier: "Gazetteer" })
export type Gazetteer = typeof Gazetteer.Type

/** Parses a newsroom's own gazetteer (the shape of `gazetteer.json`), with a message naming what is wrong. */
export const decode = (input: unknown): Either.Either<Gazetteer, string> =>
  Schema.decodeUnknownEither(Gazetteer)(input).pipe(
    Either.mapLeft((e) => `matcher: expected a gazetteer like gazetteer.json, instead ${e.message}`),
  )

/** The gazetteer shipped with crosscheck. */
export const builtin: Gazetteer = Schema.decodeUnknownSync(Gazetteer)(defaults)

/** Later gazetteers win: an entry with an existing id replaces it. */
export const merge = (...gazetteers: ReadonlyArray<Gazetteer>): Gazetteer => {
  const byId = new Map<string, Entry>()
  for (const g of gazetteers) for (const e of g.entities) byId.set(e.id, e)
  return { entities: [...byId.values()] }
}

export type Rule = "alias" | "contextual" | "short" | "pronoun" | "name" | "surname"

export interface Mention {
  /** Gazetteer id, or "name:<lowercased name>" for a name found by capitalisation. */
  readonly entity: string
  /** The entity's canonical name, for explanations. */
  readonly name: string
  readonly text: string
  readonly start: number
  readonly end: number
  readonly rule: Rule
  readonly person: boolean
}

export interface Options {
  readonly gazetteer?: Gazetteer
  /** Words so common that a capitalised one is no name ("Minister", "Although"); the lexicon's answer. */
  readonly isCommonWord?: (word: string) => boolean
  /** Titles that open a name without being part of it ("Mayor", "Colonel"). */
  readonly isTitle?: (word: string) => boolean
  readonly isStopword?: (word: string) => boolean
}

export interface Resolver {
  /** Every mention in one document's text, left to right, each resolved against what came before it. */
  readonly mentions: (text: string) => ReadonlyArray<Mention>
  /** The canonical name of an entity id. */
  readonly nameOf: (entity: string) => string
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const BOUNDED = (alternatives: ReadonlyArray<string>): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu")

const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}’'-]+(?:[ -]\p{Lu}[\p{Ll}’'-]+)*(?![\p{L}\p{N}])/gu
const PRONOUN = /(?<![\p{L}\p{N}])(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)(?![\p{L}\p{N}])/gu
/** A pronoun further than this from the last person named is left unresolved. */
const PRONOUN_REACH = 400

type Kind = "alias" | "contextual" | "short"

/**
 * A place and its people's adjective share one id: "Marovian" and "Marovia", "Dastani" and "Dastan".
 * Applied to every single-word name alike, so a wrong stem ("Helsink") is at least the same in every document.
 */
export const demonymStem = (word: string): string => {
  const w = word.toLowerCase().replace(/['’]s$/, "")
  if (/[ie]ans?$/.test(w)) return w.replace(/ns?$/, "")
  if (/[^aeiou]is?$/.test(w) && w.length > 4) return w.replace(/is?$/, "")
  return w
}

export const make = (options: Options = {}): Resolver => {
  const gazetteer = options.gazetteer ?? builtin
  const isCommon = options.isCommonWord ?? (() => false)
  const isTitle = options.isTitle ?? (() => false)
  const isStopword = options.isStopword ?? (() => false)
  const byId = new Map(gazetteer.entities.map((e) => [e.id, e]))
  const forms = new Map<string, { kind: Kind; ids: string[] }>()
  const add = (form: string, kind: Kind, id: string) => {
    const entry = forms.get(form) ?? { kind, ids: [] }
    if (!entry.ids.includes(id)) entry.ids.push(id)
    forms.set(form, entry)
  }
  for (const e of gazetteer.entities) {
    for (const a of e.aliases) add(a, "alias", e.id)
    for (const a of e.contextual ?? []) {
      add(a, "contextual", e.id)
      // "the North" opens sentences too.
      if (/^the /.test(a)) add(`T${a.slice(1)}`, "contextual", e.id)
    }
    for (const s of e.short ?? []) add(s, "short", e.id)
  }
  const pattern = BOUNDED([...forms.keys()].sort((a, b) => b.length - a.length))
  const nameOf = (entity: string): string =>
    byId.get(entity)?.name ?? entity.replace(/^name:/, "").replace(/\b\p{L}/gu, (c) => c.toUpperCase())

  const mentions = (text: string): ReadonlyArray<Mention> => {
    interface Raw {
      start: number
      end: number
      text: string
      kind: Kind | "name" | "pronoun"
    }
    const raw: Raw[] = []
    const taken = new Uint8Array(text.length)
    for (const m of text.matchAll(pattern)) {
      const form = forms.get(m[0])
      if (!form) continue
      raw.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: form.kind })
      taken.fill(1, m.index, m.index + m[0].length)
    }
    for (const m of text.matchAll(NAME)) {
      const words = [...m[0].matchAll(/[^ -]+/g)]
      // A run of common words ("Defense Minister", "Although") is no name; otherwise leading titles
      // and stopwords go ("Mayor", "The") and the rest stays, common first names included ("Ruth Okafor").
      if (words.every((w) => isCommon(w[0]))) continue
      let first = 0
      while (first < words.length - 1 && (isTitle(words[first]?.[0] ?? "") || isStopword(words[first]?.[0] ?? "")))
        first++
      const start = m.index + (words[first]?.index ?? 0)
      const end = m.index + m[0].length
      if (taken.subarray(start, end).some((x) => x === 1)) continue
      // "Brennock's Larkgate Centre": an owner's name and the name it owns are two names, so that "the
      // Larkgate Centre" later is the same one.
      let from = first
      for (let w = first; w < words.length; w++) {
        const word = words[w] as RegExpMatchArray
        if (w < words.length - 1 && !/['’]s$/.test(word[0])) continue
        const at = m.index + (words[from]?.index ?? 0)
        const name = text.slice(at, m.index + (word.index ?? 0) + word[0].length).replace(/['’]s$/, "")
        if (!words.slice(from, w + 1).every((x) => isCommon(x[0].replace(/['’]s$/, ""))))
          raw.push({ start: at, end: at + name.length, text: name, kind: "name" })
        from = w + 1
      }
    }
    for (const m of text.matchAll(PRONOUN)) {
      if (!taken[m.index]) raw.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: "pronoun" })
    }
    raw.sort((a, b) => a.start - b.start)

    // Entities this document names outright: the condition for its contextual aliases.
    const named = new Set(raw.flatMap((r) => (r.kind === "alias" ? (forms.get(r.text)?.ids ?? []) : [])))
    const lastByWord = new Map<string, string>()
    let lastPerson: { entity: string; end: number } | null = null
    const out: Mention[] = []
    const push = (r: Raw, entity: string, rule: Rule, person: boolean) => {
      out.push({ entity, name: nameOf(entity), text: r.text, start: r.start, end: r.end, rule, person })
      if (person) lastPerson = { entity, end: r.end }
    }
    for (const r of raw) {
      if (r.kind === "pronoun") {
        const p = lastPerson as { entity: string; end: number } | null
        if (p && r.start - p.end <= PRONOUN_REACH) push(r, p.entity, "pronoun", true)
        continue
      }
      if (r.kind === "name") {
        const words = r.text.split(/[ -]/)
        if (words.length === 1) {
          const earlier = lastByWord.get(r.text)
          if (earlier) {
            push(r, earlier, "surname", true)
            continue
          }
        }
        const entity = `name:${words.length === 1 ? demonymStem(r.text) : r.text.toLowerCase()}`
        // A multi-word name may be a person's; its first and last words can stand for it later.
        if (words.length > 1) {
          for (const w of [words[0], words[words.length - 1]]) if (w) lastByWord.set(w, entity)
        }
        push(r, entity, "name", words.length > 1 && !isCommon(words[words.length - 1] ?? ""))
        continue
      }
      const ids = forms.get(r.text)?.ids ?? []
      if (r.kind === "alias") {
        for (const id of ids) {
          const entry = byId.get(id)
          const person = entry?.type === "person"
          push(r, id, "alias", person)
          for (const s of entry?.short ?? []) lastByWord.set(s, id)
        }
      } else if (r.kind === "contextual") {
        const id = ids.find((x) => named.has(x))
        if (id) push(r, id, "contextual", byId.get(id)?.type === "person")
      } else {
        // A short name: the last full name using it in this document, else the only entity that has it.
        const id = lastByWord.get(r.text) ?? (ids.length === 1 ? ids[0] : undefined)
        if (id) push(r, id, "short", byId.get(id)?.type === "person")
      }
    }
    return out
  }
  return { mentions, nameOf }
}
