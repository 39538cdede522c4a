/**
 * The hostile-input battery (issue #16), end to end through the bundled CLI, every input generated
 * here: each case ends with exit 0 or 3 and an explanation, in bounded space, with nothing injected.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Report } from "@crosscheck/domain"
import { beforeAll, describe, expect, it } from "vitest"
import { crosscheck, type Result } from "./Cli.js"
import { generators } from "./Hostile.js"

/** Escape, bell, CSI, a right-to-left override and a zero-width space: none may pass from input to output. */
const HIDDEN = ["\u001b", "\u0007", "\u009b", "\u202e", "\u200b"]

const temp = (name: string) => mkdtempSync(join(tmpdir(), `crosscheck-hostile-${name}-`))

/** The cases of the issue at the sizes it names. */
const SIZES: Record<string, number> = {
  dashes: 100_000,
  dollars: 100_000,
  "data URL": 100_000,
  said: 500_000,
  "nested tables": 3_000 * 33,
  "Kim said": 90_000,
  // A claim a sentence, past the article's budget: what it drops is counted.
  "Kim said 5": 90_000,
}

interface Case {
  readonly name: string
  readonly input: string
  readonly bytes: number
  readonly db: string
  readonly out: string
  result: Result
}

const storeBytes = (db: string): number =>
  ["", "-wal", "-shm"].reduce((n, s) => n + (statSync(`${db}${s}`, { throwIfNoEntry: false })?.size ?? 0), 0)

describe("crosscheck run over generated hostile articles", () => {
  const cases: Case[] = generators
    .filter((g) => SIZES[g.name])
    .map((g) => {
      const dir = temp(g.name.replace(/ /g, "-"))
      const input = join(dir, "in")
      mkdirSync(input)
      const text = g.make(SIZES[g.name] ?? 0)
      writeFileSync(join(input, `article${g.ext}`), text)
      return {
        name: g.name,
        input,
        bytes: Buffer.byteLength(text),
        db: join(dir, "store.db"),
        out: join(dir, "out"),
        result: { code: null, signal: null, stdout: "", stderr: "" },
      }
    })

  beforeAll(async () => {
    // Two at a time: each loads its own model, and the machine may have two cores.
    for (let i = 0; i < cases.length; i += 2)
      await Promise.all(
        cases.slice(i, i + 2).map(async (c) => {
          c.result = await crosscheck(["run", c.input, "--db", c.db, "--out", c.out])
        }),
      )
  }, 120_000)

  it.each(generators.filter((g) => SIZES[g.name]).map((g) => g.name))(
    "%s: ends with exit 0, or 3 with the reason on stderr, and writes a report",
    (name) => {
      const c = cases.find((x) => x.name === name) as Case
      expect([0, 3], c.result.stderr).toContain(c.result.code)
      if (c.result.code === 3)
        expect(c.result.stderr).toMatch(/^crosscheck: (?:could not read|kept part of) .+: \w+: /m)
      const report = Report.decode(JSON.parse(readFileSync(join(c.out, "report.json"), "utf8")))
      expect(report.documents.length + report.errors.length).toBeGreaterThan(0)
    },
  )

  it.each(["Kim said", "Kim said 5"])(
    "keeps the store of an article of repeated speakers within 50 times its size: %s",
    (name) => {
      const c = cases.find((x) => x.name === name) as Case
      expect(storeBytes(c.db)).toBeLessThanOrEqual(50 * c.bytes)
      const report = Report.decode(JSON.parse(readFileSync(join(c.out, "report.json"), "utf8")))
      expect(report.claims.length).toBeLessThanOrEqual(500)
    },
  )

  it("counts the claims an article past its budget dropped", () => {
    // "Kim said Kim said ..." is one speaker's report nested in another's, a few claims; a claim a sentence is not.
    const c = cases.find((x) => x.name === "Kim said 5") as Case
    const report = Report.decode(JSON.parse(readFileSync(join(c.out, "report.json"), "utf8")))
    const dropped = report.errors.reduce((n, e) => n + (e.dropped ?? 0), 0)
    expect(dropped).toBeGreaterThan(0)
  })
})

describe("crosscheck against injection from input", () => {
  const dir = temp("inject")
  const input = join(dir, "in")
  const out = join(dir, "out")
  const db = join(dir, "store.db")
  const claimreview = join(dir, "claims.jsonld")
  let run: Result
  let claims: Result
  let stories: Result
  let storiesJson: Result

  beforeAll(async () => {
    mkdirSync(input)
    const article = (outlet: string, title: string, url: string) =>
      `---\noutlet: "${outlet}"\ntitle: "${title}"\nurl: "${url}"\npublished: 2025-08-15\n---\nThe council approved 40 new homes on Tuesday, the mayor said.\n`
    writeFileSync(
      join(input, "a.md"),
      article(
        "\u001b[31mRed\u001b]0;owned\u0007 Gazette",
        "<img src=x onerror=alert(1)> [x](javascript:alert(1))",
        "javascript:alert(1)",
      ),
    )
    writeFileSync(
      join(input, "b.md"),
      article("Right \u202Eevil Times", "*Homes* \u200B approved", "data:text/html;base64,PHNjcmlwdD4="),
    )
    run = await crosscheck(["run", input, "--db", db, "--out", out, "--claimreview", claimreview])
    claims = await crosscheck(["claims", "--db", db])
    stories = await crosscheck(["stories", "--db", db])
    storiesJson = await crosscheck(["stories", "--db", db, "--json"])
  }, 60_000)

  it("reads the articles, and writes report.md with no markup, link or hidden character from them", () => {
    expect(run.code, run.stderr).toBe(0)
    const md = readFileSync(join(out, "report.md"), "utf8")
    expect(md).toContain("\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1))")
    expect(md).not.toMatch(/(?<!\\)<img|(?<!\\)\]\(/)
    for (const hidden of HIDDEN) expect(md).not.toContain(hidden)
    expect(md).toContain("Right ⟨U+202E⟩evil Times")
  })

  it("writes ClaimReview with no script or data URL", () => {
    const ld = readFileSync(claimreview, "utf8")
    expect(ld).toContain("ClaimReview")
    // Titles may mention such URLs as text; no `url` holds one: each is http(s), or the report page's
    // path relative to the JSON-LD file (no scheme at all).
    const urls = [...ld.matchAll(/"url": "([^"]*)"/g)].map((m) => m[1] ?? "")
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(/^https?:/.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url), url).toBe(true)
    expect(ld).not.toContain("data:text")
  })

  it("prints no escape sequence or reordering character from an outlet's name to the terminal", () => {
    expect(claims.code).toBe(0)
    for (const text of [run.stdout, run.stderr, claims.stdout, claims.stderr])
      for (const hidden of HIDDEN) expect(text).not.toContain(hidden)
    expect(claims.stdout).toContain("<U+001B>[31mRed<U+001B>]0;owned<U+0007> Gazette")
    expect(claims.stdout).toContain("Right <U+202E>evil Times")
  })

  it("lists stories with their outlets' names inert, in text and in JSON", () => {
    expect(stories.code).toBe(0)
    for (const text of [stories.stdout, storiesJson.stdout])
      for (const hidden of HIDDEN) expect(text).not.toContain(hidden)
    expect(stories.stdout).toContain("<U+001B>[31mRed<U+001B>]0;owned<U+0007> Gazette")
    expect(storiesJson.stdout).toContain("\\u202e")
  })
})

describe("crosscheck at the edges: dates, stdin, files", () => {
  const dir = temp("edges")
  const input = join(dir, "in")
  mkdirSync(input)
  writeFileSync(join(input, "a.md"), "---\noutlet: Gazette\n---\nThe council approved 40 new homes, the mayor said.\n")

  it("refuses 30 February with exit 2, for --as-of and --since alike", async () => {
    const [asOf, since] = await Promise.all([
      crosscheck(["run", input, "--db", ":memory:", "--out", join(dir, "feb"), "--as-of", "2025-02-30"]),
      crosscheck(["report", "--db", join(dir, "none.db"), "--since", "2025-02-30T09:00"]),
    ])
    for (const r of [asOf, since]) {
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(
        /expected --(?:as-of|since) to be an ISO date such as 2025-08-15(?: or a run.s id such as 12)?, instead found "2025-02-30/,
      )
    }
  })

  it("reads stdin that opens with a byte-order mark, and answers a line over the limit with its error", async () => {
    const line = JSON.stringify({ id: "a1", text: "Officials said 11,000 troops were sent." })
    const bom = await crosscheck(["extract"], `\uFEFF${line}\n`)
    expect(bom.code, bom.stderr).toBe(0)
    expect(JSON.parse(bom.stdout)).toMatchObject({ id: "a1", claims: [expect.objectContaining({ kind: "numeric" })] })
    const endless = await crosscheck(["extract"], `${line}\n${"x".repeat(11 * 1024 * 1024)}\n${line}\n`)
    expect(endless.code).toBe(3)
    const answers = endless.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(answers.map((a) => a.id)).toEqual(["a1", null, "a1"])
    expect(answers[1].error).toMatch(
      /^sources: expected a JSON line of at most 10\.0 MB, instead found 11\.0 MB; skipped \(stdin line 2\)$/,
    )
  }, 60_000)

  it("reads the same documents again when --out lies inside the input folder, and cleans a killed run's leftovers", async () => {
    const folder = join(dir, "with-out")
    mkdirSync(folder)
    writeFileSync(join(folder, "a.md"), readFileSync(join(input, "a.md")))
    const out = join(folder, "report")
    mkdirSync(out)
    // What a run killed while writing its report leaves: a temporary file named after a process long gone.
    writeFileSync(join(out, "report.md.999999999.partial"), "# half a rep")
    writeFileSync(join(out, ".crosscheck-writing"), JSON.stringify({ run: 7, since: "2025-08-15T09:00:00.000Z" }))
    const args = ["run", folder, "--db", join(dir, "with-out.db"), "--out", out, "--json"]
    const first = await crosscheck(args)
    const second = await crosscheck(args)
    const one = JSON.parse(first.stdout)
    const two = JSON.parse(second.stdout)
    expect(one.documents).toBe(1)
    expect(two.documents).toBe(1)
    expect(two.alreadyStored).toBe(1)
    // The first run says where the killed run's changes are; the second has nothing to recover.
    expect(one.interrupted).toEqual({ run: 7, since: "2025-08-15T09:00:00.000Z" })
    expect(first.stderr).toMatch(/run 7 was stopped while writing its report; .*--since 2025-08-15T09:00:00\.000Z/)
    expect(two.interrupted).toBeUndefined()
    expect(readdirSync(out).filter((f) => f.endsWith(".partial"))).toEqual([])
  }, 60_000)

  it("lists a named pipe in the input folder as skipped, with exit 3, instead of waiting on it", async () => {
    const folder = join(dir, "with-fifo")
    mkdirSync(folder)
    writeFileSync(join(folder, "a.md"), readFileSync(join(input, "a.md")))
    execFileSync("mkfifo", [join(folder, "pipe.txt")])
    const r = await crosscheck(["run", folder, "--db", ":memory:", "--out", join(dir, "fifo-out")])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /could not read .*pipe\.txt: sources: expected a regular file or folder, instead found a named pipe/,
    )
  }, 60_000)
})
