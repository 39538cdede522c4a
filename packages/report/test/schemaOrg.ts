/**
 * A checker for JSON-LD against schema.org's definitions of the types a ClaimReview uses: every
 * property must belong to its object's type (or a parent type) and hold a value of the expected type.
 */

/** schema.org's types used here, each with its parent and its own properties' expected types (schema.org/ClaimReview, /Claim, /Rating, /NewsArticle). */
const TYPES: Readonly<
  Record<string, { readonly parent?: string; readonly properties: Record<string, ReadonlyArray<string>> }>
> = {
  Thing: {
    properties: {
      name: ["Text"],
      url: ["URL"],
      identifier: ["Text", "URL"],
      alternateName: ["Text"],
      description: ["Text"],
    },
  },
  CreativeWork: {
    parent: "Thing",
    properties: {
      author: ["Organization", "Person"],
      publisher: ["Organization", "Person"],
      datePublished: ["Date", "DateTime"],
      headline: ["Text"],
    },
  },
  Review: {
    parent: "CreativeWork",
    properties: { itemReviewed: ["Thing"], reviewRating: ["Rating"], reviewBody: ["Text"] },
  },
  ClaimReview: { parent: "Review", properties: { claimReviewed: ["Text"] } },
  Claim: { parent: "CreativeWork", properties: { appearance: ["CreativeWork"], firstAppearance: ["CreativeWork"] } },
  Article: { parent: "CreativeWork", properties: { articleBody: ["Text"] } },
  NewsArticle: { parent: "Article", properties: {} },
  Intangible: { parent: "Thing", properties: {} },
  Rating: {
    parent: "Intangible",
    properties: {
      ratingValue: ["Number", "Text"],
      bestRating: ["Number", "Text"],
      worstRating: ["Number", "Text"],
      ratingExplanation: ["Text"],
      author: ["Organization", "Person"],
    },
  },
  Organization: { parent: "Thing", properties: {} },
  Person: { parent: "Thing", properties: {} },
}

const DATA_TYPES: Readonly<Record<string, (v: unknown) => boolean>> = {
  Text: (v) => typeof v === "string" && v.length > 0,
  Number: (v) => typeof v === "number",
  URL: (v) => typeof v === "string" && /^https?:\/\/[^\s]+$/.test(v),
  Date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
  DateTime: (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v),
}

const isA = (type: string, wanted: string): boolean =>
  type === wanted || (TYPES[type]?.parent !== undefined && isA(TYPES[type]?.parent as string, wanted))

const propertyOf = (type: string, property: string): ReadonlyArray<string> | undefined => {
  const entry = TYPES[type]
  return entry?.properties[property] ?? (entry?.parent ? propertyOf(entry.parent, property) : undefined)
}

/** Every way `value` departs from schema.org when it should be one of `expected`, each with where. */
export const violations = (value: unknown, expected: ReadonlyArray<string>, at = "$"): ReadonlyArray<string> => {
  if (Array.isArray(value)) return value.flatMap((v, i) => violations(v, expected, `${at}[${i}]`))
  if (value === null || typeof value !== "object")
    return expected.some((t) => DATA_TYPES[t]?.(value))
      ? []
      : [`${at}: ${JSON.stringify(value)} is not ${expected.join(" or ")}`]
  const type = (value as Record<string, unknown>)["@type"]
  if (typeof type !== "string" || !TYPES[type]) return [`${at}: unknown @type ${JSON.stringify(type)}`]
  if (!expected.some((t) => isA(type, t))) return [`${at}: a ${type} where ${expected.join(" or ")} belongs`]
  return Object.entries(value).flatMap(([property, v]) => {
    if (property === "@type" || property === "@context") return []
    const range = propertyOf(type, property)
    return range ? violations(v, range, `${at}.${property}`) : [`${at}: ${type} has no property ${property}`]
  })
}
