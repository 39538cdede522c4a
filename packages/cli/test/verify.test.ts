import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { crosscheck, root } from "./Cli.js"

const fixtures = "fixtures/verify"

/** Each command line runs once, however many tests read it; two at a time, started in test order. */
const memo = new Map<string, ReturnType<typeof crosscheck>>()
let queue: ReadonlyArray<Promise<unknown>> = [Promise.resolve(), Promise.resolve()]
const once = (args: ReadonlyArray<string>, input?: string) => {
  const key = JSON.stringify([args, input])
  const hit = memo.get(key)
  if (hit) return hit
  const [lane, other] = queue as [Promise<unknown>, Promise<unknown>]
  const run = lane.then(() => crosscheck(args, input))
  queue = [other, run]
  memo.set(key, run)
  return run
}

interface Evidence {
  readonly documentId: string
  readonly claimId: string
  readonly text: string
  readonly span: { readonly start: number; readonly end: number }
}
interface Output {
  readonly id?: string | number | null
  readonly stance?: string
  readonly evidence?: ReadonlyArray<Evidence>
  readonly explanation?: string
  readonly error?: string
}

const jsonLines = (stdout: string): ReadonlyArray<Output> =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Output)

const CLAIM = "The mayor closed the old harbour bridge"

const CLAIM_ROWS = [
  ["harbour-gazette.txt", "supports", "The mayor closed the old harbour bridge on Monday"],
  ["river-times.txt", "contradicts", "are a hoax"],
  ["", "contradicts", "are a hoax"],
] as const

describe("crosscheck verify --claim", () => {
  for (const [file] of CLAIM_ROWS) void once(["verify", "--claim", CLAIM, join(fixtures, "sources", file)])
  void once(["verify", "--claim", "The football club signed a goalkeeper from Lisbon", `${fixtures}/sources`])
  it.each(CLAIM_ROWS)("against %j: %s, with the passage that decided", async (file, stance, passage) => {
    const r = await once(["verify", "--claim", CLAIM, join(fixtures, "sources", file)])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split("\n")).toHaveLength(1)
    const out = JSON.parse(r.stdout) as Output
    expect(out.stance).toBe(stance)
    expect(out.evidence?.[0]?.text).toContain(passage)
    const source = readFileSync(join(root, fixtures, "sources", file || "river-times.txt"), "utf8")
    for (const e of out.evidence ?? []) {
      expect(source).toContain(e.text)
      expect(e.span.end - e.span.start).toBe(e.text.length)
      expect(e.documentId).toMatch(/^d-/)
      expect(e.claimId).toMatch(/^c-/)
    }
  })

  it("names the outlet whose stance decided, in the explanation", async () => {
    const r = await once(["verify", "--claim", CLAIM, join(fixtures, "sources", "")])
    expect((JSON.parse(r.stdout) as Output).explanation).toMatch(/^River Times: .*"hoax" in its opening/)
  })

  it("answers a claim no source addresses with unrelated and no evidence", async () => {
    const r = await once([
      "verify",
      "--claim",
      "The football club signed a goalkeeper from Lisbon",
      `${fixtures}/sources`,
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ stance: "unrelated", evidence: [] })
  })
})

describe("crosscheck verify --pairs", () => {
  const expected = [
    { id: "states", stance: "supports" },
    { id: "hoax", stance: "contradicts" },
    { id: "reported", stance: "discusses" },
    { id: 4, stance: "unrelated" },
    { id: "values", stance: "contradicts" },
    { id: null, error: /invalid JSON.*line 6/ },
    { id: "no-text", error: /"text".*instead found fields id, claim.*line 7/ },
  ]
  const pairsFile = join(fixtures, "pairs.jsonl")
  const pairs = readFileSync(join(root, pairsFile), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{") && l.includes('"text"'))
    .map((l) => JSON.parse(l) as { id: string | number; text: string })

  void once(["verify", "--pairs", pairsFile])
  void once(["verify", "--pairs", "-"], readFileSync(join(root, pairsFile), "utf8"))
  it.each([
    ["a file", [pairsFile], undefined],
    ["stdin", ["-"], readFileSync(join(root, pairsFile), "utf8")],
  ])(
    "from %s: one line per input line, in order; a bad line is an error line and the run goes on",
    async (_from, files, input) => {
      const r = await once(["verify", "--pairs", ...files], input)
      expect(r.code).toBe(3)
      const lines = jsonLines(r.stdout)
      expect(lines).toHaveLength(expected.length)
      lines.forEach((line, i) => {
        const want = expected[i]
        expect(line.id).toBe(want?.id)
        if (want && "error" in want) {
          expect(line.error).toMatch(want.error as RegExp)
          expect(line.stance).toBeUndefined()
        } else expect(line.stance).toBe(want?.stance)
      })
    },
  )

  it("gives evidence whose span is the passage in the pair's text", async () => {
    const r = await once(["verify", "--pairs", pairsFile])
    const lines = jsonLines(r.stdout)
    const withEvidence = lines.filter((l) => (l.evidence ?? []).length > 0)
    expect(withEvidence.length).toBeGreaterThanOrEqual(4)
    for (const line of withEvidence) {
      const text = pairs.find((p) => p.id === line.id)?.text ?? ""
      for (const e of line.evidence ?? []) expect(text.slice(e.span.start, e.span.end)).toBe(e.text)
    }
  })

  it("explains a value contradiction with both values", async () => {
    const r = await once(["verify", "--pairs", pairsFile])
    const values = jsonLines(r.stdout).find((l) => l.id === "values")
    // The pair judgement's wording, the same as a report's: each side's figure and value, then the rule's reason.
    expect(values?.explanation).toContain('"9 million euros" = 9,000,000 EUR (exact)')
    expect(values?.explanation).toContain('"2.4 million euros" = 2,400,000 EUR (exact)')
    expect(values?.explanation).toContain("do not overlap")
  })
})

const USAGE_ROWS: ReadonlyArray<[ReadonlyArray<string>, RegExp]> = [
  [["verify", fixtures], /expected --claim TEXT <path>\.\.\. or --pairs FILE, instead found neither/],
  [["verify", "--claim", CLAIM], /expected at least one file or folder to check --claim against/],
  [["verify", "--claim", "  ", fixtures], /expected --claim to hold the claim's text/],
  [["verify", "--claim", CLAIM, "--pairs", "x.jsonl", fixtures], /instead found both/],
  [["verify", "--pairs", "no/such/pairs.jsonl"], /expected --pairs to name a readable JSON Lines file/],
  [["verify", "--pairs", `${fixtures}/pairs.jsonl`, fixtures], /expected no paths with --pairs/],
  [["verify", "--claim", CLAIM, "no/such/folder"], /expected a file or folder, instead found nothing/],
]

describe("crosscheck verify: bad usage", () => {
  for (const [args] of USAGE_ROWS) void once(args)
  it.each(USAGE_ROWS)("%j gives one line on stderr and exit code 2", async (args, message) => {
    const r = await once(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.trim().split("\n")).toHaveLength(1)
    expect(r.stderr).toMatch(message)
  })
})
