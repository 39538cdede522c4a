import { readFileSync } from "node:fs"
import { Report } from "@crosscheck/domain"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const minimal = {
  schemaVersion: 5,
  generatedAt: "2025-08-15T00:00:00.000Z",
  asOf: null,
  documents: [
    {
      id: "d-1",
      outlet: "Example",
      title: null,
      publishedAt: null,
      url: null,
      origin: { path: "a.txt", index: 0 },
      syndicationGroup: null,
      text: "Some text.",
    },
  ],
  claims: [],
  findings: [],
  errors: [],
}

/** A finding of two claims from two sources, with what a row changes. */
const findingWith = (more: Record<string, unknown>) => ({
  id: "f-1",
  verdict: "contradict",
  claimIds: ["c-1", "c-2"],
  independentSources: 2,
  summary: "",
  explanation: "",
  ...more,
})

describe("Report schema", () => {
  it("decodes a minimal report", () => {
    expect(Either.isRight(Report.decodeEither(minimal))).toBe(true)
  })

  it("reads a report of version 2, 3 or 4, which lack only what 3, 4 and 5 added", () => {
    expect(Either.isRight(Report.decodeEither({ ...minimal, schemaVersion: 2 }))).toBe(true)
    expect(Either.isRight(Report.decodeEither({ ...minimal, schemaVersion: 3 }))).toBe(true)
    expect(Either.isRight(Report.decodeEither({ ...minimal, schemaVersion: 4 }))).toBe(true)
  })

  it("decodes a finding's figures, and rejects one without its place", () => {
    const finding = findingWith({
      figures: [
        { claimId: "c-1", text: "About 120", span: { start: 0, end: 9 } },
        { claimId: "c-2", text: "More than 200", span: { start: 4, end: 17 } },
      ],
    })
    expect(Either.isRight(Report.decodeEither({ ...minimal, findings: [finding] }))).toBe(true)
    const unplaced = { ...finding, figures: [{ claimId: "c-1", text: "About 120" }] }
    expect(Either.isLeft(Report.decodeEither({ ...minimal, findings: [unplaced] }))).toBe(true)
  })

  it("decodes what an outdated store adds, and rejects it half filled", () => {
    const outdatedStore = { documents: 3, staleDocuments: 2, analysisVersion: "analysis-6", analysisNow: "analysis-14" }
    expect(Either.isRight(Report.decodeEither({ ...minimal, outdatedStore }))).toBe(true)
    expect(
      Either.isRight(Report.decodeEither({ ...minimal, outdatedStore: { ...outdatedStore, analysisVersion: null } })),
    ).toBe(true)
    expect(Either.isLeft(Report.decodeEither({ ...minimal, outdatedStore: { documents: 3 } }))).toBe(true)
  })

  it("rejects a wrong schemaVersion and an unknown verdict", () => {
    expect(Either.isLeft(Report.decodeEither({ ...minimal, schemaVersion: 1 }))).toBe(true)
    const finding = findingWith({ verdict: "maybe" })
    expect(Either.isLeft(Report.decodeEither({ ...minimal, findings: [finding] }))).toBe(true)
  })

  it("rejects a finding with fewer than two claims", () => {
    const finding = findingWith({ verdict: "agree", claimIds: ["c-1"], independentSources: 1 })
    expect(Either.isLeft(Report.decodeEither({ ...minimal, findings: [finding] }))).toBe(true)
  })

  it("reads a quantity's bounds as finite numbers only, naming the field it refuses", () => {
    const claim = (low: unknown) => ({
      id: "c-1",
      documentId: "d-1",
      kind: "numeric",
      text: "Some text.",
      span: { start: 0, end: 10 },
      attribution: { source: null, cue: null, content: null, mode: "asserted", stance: "asserts", hedged: false },
      subject: null,
      predicate: null,
      object: null,
      polarity: "positive",
      quantities: [
        {
          text: "Some",
          span: { start: 0, end: 4 },
          low,
          high: 4,
          approximate: "exact",
          unit: null,
          counted: null,
          per: null,
        },
      ],
      time: null,
    })
    expect(Either.isRight(Report.decodeEither({ ...minimal, claims: [claim(4)] }))).toBe(true)
    for (const low of [null, Number.POSITIVE_INFINITY, Number.NaN]) {
      const decoded = Report.decodeEither({ ...minimal, claims: [claim(low)] })
      expect(Either.isLeft(decoded)).toBe(true)
      if (Either.isLeft(decoded)) expect(String(decoded.left)).toContain('["low"]')
    }
  })

  it("generates a JSON Schema naming every report field and the verdict literals", () => {
    const schema = JSON.stringify(Report.jsonSchema())
    for (const field of [
      "schemaVersion",
      "generatedAt",
      "asOf",
      "documents",
      "claims",
      "findings",
      "errors",
      "outdatedStore",
    ]) {
      expect(schema).toContain(`"${field}"`)
    }
    for (const verdict of ["agree", "contradict", "disputed", "compatible", "single-source"]) {
      expect(schema).toContain(`"${verdict}"`)
    }
    expect(schema).toContain('"syndicationGroup"')
    expect(schema).toContain('"approximate"')
  })
})

describe("docs/report.schema.json", () => {
  it("is the JSON Schema the code generates (regenerate with `pnpm --silent crosscheck schema > docs/report.schema.json`)", () => {
    const path = new URL("../../../docs/report.schema.json", import.meta.url)
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(JSON.parse(JSON.stringify(Report.jsonSchema())))
  })
})
