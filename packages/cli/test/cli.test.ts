import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Report } from "@crosscheck/domain"
import Database from "better-sqlite3"
import { beforeAll, describe, expect, it } from "vitest"
import * as Style from "../src/Style.js"
import { bundle, crosscheck, type Result } from "./Cli.js"

const temp = (name: string) => mkdtempSync(join(tmpdir(), `crosscheck-${name}-`))

describe("crosscheck run seeds/", () => {
  const out = temp("cli")
  let r: Result
  let report: Report.Report
  beforeAll(async () => {
    r = await crosscheck(["run", "seeds/", "--out", out])
    report = Report.decode(JSON.parse(readFileSync(join(out, "report.json"), "utf8")))
  }, 120_000)

  it("exits 0 and prints where the report is, nothing else on stdout", () => {
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^crosscheck: 4 documents, \d+ claims, \d+ findings/)
    expect(r.stdout).toContain(join(out, "report.html"))
  })

  it("keeps its store beside the report by default", () => {
    expect(r.stdout).toContain(`store: ${join(out, "crosscheck.db")}`)
    expect(existsSync(join(out, "crosscheck.db"))).toBe(true)
  })

  it("writes a report.json that decodes with the domain schema, with the four articles", () => {
    expect(report.documents.map((d) => d.outlet)).toEqual([
      "The Conversation",
      "Asahi Shimbun",
      "Asahi Shimbun",
      "Japan Today",
    ])
    expect(report.errors).toEqual([])
  })

  it("keeps every claim's text equal to its document's slice", () => {
    const docs = new Map(report.documents.map((d) => [d.id, d]))
    expect(report.claims.length).toBeGreaterThan(0)
    for (const c of report.claims) expect(docs.get(c.documentId)?.text.slice(c.span.start, c.span.end)).toBe(c.text)
  })

  // What a desk must see on the seed page (issue 7): the claims behind each verdict, by their words.
  const findingWith = (...quotes: ReadonlyArray<string>) => {
    const claims = new Map(report.claims.map((c) => [c.id as string, c]))
    return report.findings.filter((f) => quotes.every((q) => f.claimIds.some((id) => claims.get(id)?.text.includes(q))))
  }

  it("flags the North's speakers as disputed, the two AP copies counted as one source", () => {
    const [disputed] = findingWith("dismantled its own propaganda speakers", "removed its own frontline speakers")
    expect(disputed?.verdict).toBe("disputed")
    expect(disputed?.independentSources).toBe(2)
    expect(disputed?.explanation).toContain("Kim Yo Jong")
  })

  it("finds the South's speakers removal agreed, and thousands of troops compatible with 11,000", () => {
    expect(
      findingWith("ordered propaganda speakers to be removed", "removal of South Korean frontline loudspeakers")[0]
        ?.verdict,
    ).toBe("agree")
    expect(findingWith("11,000 North Korean troops", "thousands of troops")[0]?.verdict).toBe("compatible")
  })

  it("calls nothing on the page a contradiction, least of all 5,000 and 15,000 shells a day", () => {
    expect(report.findings.filter((f) => f.verdict === "contradict")).toEqual([])
  })

  it("reads 5,000 shells a day then 15,000 a day months later as one figure that changed, with its timeline", () => {
    const [shells] = findingWith("5,000 artillery shells", "15,000 per day")
    expect(shells?.verdict).toBe("changed")
    expect(shells?.timeline?.map((e) => [e.value, e.written])).toEqual([
      ["about 5,000", "Around that time"],
      ["15,000", "several months later"],
    ])
  })

  it("writes the Markdown and HTML reports", () => {
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("# crosscheck report")
    const html = readFileSync(join(out, "report.html"), "utf8")
    expect(html).toContain("Content-Security-Policy")
    expect(html).not.toMatch(/<script[^>]+src=/)
  })
})

describe("a run in parts, measured (CROSSCHECK_RESOURCES)", () => {
  interface Phase {
    readonly name: string
    readonly maxRssBytes: number
    readonly rssBytes: number
    readonly heapBytes: number
  }
  const dir = temp("parts")
  let result: Result | undefined
  beforeAll(async () => {
    result = await crosscheck(
      ["run", "seeds/", "--db", join(dir, "desk.db"), "--out", join(dir, "out"), "--json"],
      "",
      bundle,
      { CROSSCHECK_RESOURCES: "1", CROSSCHECK_PART_DOCUMENTS: "2" },
    )
  }, 240_000)
  const phases = (): ReadonlyArray<Phase> => {
    const line = (result?.stderr ?? "").split("\n").find((l) => l.startsWith("crosscheck: resources "))
    return line ? (JSON.parse(line.slice("crosscheck: resources ".length)).phases as Phase[]) : []
  }

  it("stores the four seed articles in two parts of two", () => {
    expect(result?.code).toBe(0)
    expect(JSON.parse(result?.stdout ?? "").added.documents).toBe(4)
  })

  it("marks each part's extraction, its placing of stories and its analysis, then the report", () => {
    expect(phases().map((p) => p.name)).toEqual([
      "read+extract",
      "stories",
      "part 1",
      "part 2 read+extract",
      "part 2 stories",
      "part 2",
      "store+analyse",
      "write",
    ])
  })

  it("gives each mark the resident set and live heap as it ends, the heap a part of the resident set", () => {
    for (const p of phases()) {
      expect(p.heapBytes).toBeGreaterThan(0)
      expect(p.rssBytes).toBeGreaterThan(p.heapBytes)
      expect(p.maxRssBytes).toBeGreaterThan(0)
    }
  })
})

describe("a store across runs", () => {
  const dir = temp("store")
  const db = join(dir, "desk.db")
  const results: Record<string, Result> = {}
  beforeAll(async () => {
    results.first = await crosscheck(["run", "seeds/", "--db", db, "--out", join(dir, "a"), "--json", "--progress"])
    const [second, report, claims, byOutlet] = await Promise.all([
      crosscheck(["run", "seeds/", "--db", db, "--out", join(dir, "b"), "--json"]),
      crosscheck(["report", "--db", db, "--out", join(dir, "r"), "--json"]),
      crosscheck(["claims", "--db", db, "--entity", "kim jong un", "--json"]),
      crosscheck(["claims", "--db", db, "--outlet", "japan today"]),
    ])
    Object.assign(results, { second, report, claims, byOutlet })
  }, 240_000)

  it("stores the seeds once; the second run adds nothing and changes nothing", () => {
    const first = JSON.parse(results.first?.stdout ?? "")
    const second = JSON.parse(results.second?.stdout ?? "")
    expect(first.added.documents).toBe(4)
    expect(first.changes.length).toBe(Object.values(first.findings as Record<string, number>).reduce((a, b) => a + b))
    expect(second.added).toEqual({ documents: 0, claims: 0 })
    expect(second.alreadyStored).toBe(4)
    expect(second.changes).toEqual([])
    expect(second.findings).toEqual(first.findings)
  })

  it("shows progress on stderr with --progress, never on stdout", () => {
    expect(results.first?.stderr).toMatch(/extracting \[.*\] \d+\/4 documents/)
    // Each stage names itself as it starts, with what it counts, so no step looks frozen.
    const phases = [...(results.first?.stderr ?? "").matchAll(/^crosscheck: ([a-z ]+) \((\d+) ([a-z ]+)\)$/gm)]
    expect(phases.map((m) => m[1])).toEqual([
      "reading",
      "extracting",
      "stories",
      "aligning",
      "judging",
      "storing",
      "writing reports",
    ])
    expect(phases[1]?.slice(2)).toEqual(["4", "new documents"])
    expect(() => JSON.parse(results.first?.stdout ?? "")).not.toThrow()
  })

  it("writes the stored report", () => {
    expect(results.report?.code).toBe(0)
    expect(JSON.parse(results.report?.stdout ?? "").documents).toBe(4)
    const report = Report.decode(JSON.parse(readFileSync(join(dir, "r", "report.json"), "utf8")))
    expect(report.documents).toHaveLength(4)
  })

  it("reads back from the store the rule of every finding and the shells' timeline, as the run's own report has them", () => {
    const read = (folder: string) => Report.decode(JSON.parse(readFileSync(join(dir, folder, "report.json"), "utf8")))
    const ruleAndTimeline = (report: Report.Report) =>
      report.findings
        .map((f) => ({ id: f.id, verdict: f.verdict, rule: f.rule, timeline: f.timeline }))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
    const run = ruleAndTimeline(read("a"))
    const stored = ruleAndTimeline(read("r"))
    expect(run.length).toBeGreaterThan(0)
    for (const f of run) expect(f.rule).toEqual(expect.any(String))
    expect(run.filter((f) => f.verdict === "changed").map((f) => f.timeline?.map((e) => e.value))).toEqual([
      ["about 5,000", "15,000"],
    ])
    expect(stored).toEqual(run)
  })

  it("lists stored claims by entity (JSON Lines) and by outlet", () => {
    const lines = (results.claims?.stdout ?? "")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(lines.length).toBeGreaterThan(0)
    // The entity may be named in the text or only in a resolved field ("Kim" resolved to Kim Jong Un).
    for (const l of lines) {
      const c = l.claim
      const fields = [c.text, c.subject, c.object, c.attribution.source?.text].join(" ").toLowerCase()
      expect(fields).toContain("kim jong un")
    }
    const byOutlet = (results.byOutlet?.stdout ?? "").trim().split("\n")
    expect(byOutlet.length).toBeGreaterThan(0)
    for (const l of byOutlet) expect(l).toMatch(/^Japan Today {2}(numeric|statement) {2}/)
    expect(results.byOutlet?.stderr).toBe("")
  })
})

describe("crosscheck report --since a run", () => {
  it("holds the stories changed after that run, whole, with the claims their findings cite", async () => {
    const dir = temp("since")
    const db = join(dir, "desk.db")
    const later = join(dir, "later")
    mkdirSync(later)
    // A made-up event, far from the seeds' in time and words: a story of its own.
    for (const [name, outlet, boats] of [
      ["a.md", "Harbour Daily", "12"],
      ["b.md", "Coast Radio", "19"],
    ] as const)
      writeFileSync(
        join(later, name),
        `---\noutlet: ${outlet}\npublished: 2026-03-02\n---\nThe harbour office said ${boats} fishing boats were lost in the gale on Sunday.\n`,
      )
    const first = JSON.parse(
      (await crosscheck(["run", "seeds/", "--db", db, "--out", join(dir, "a"), "--json"])).stdout,
    )
    const second = JSON.parse((await crosscheck(["run", later, "--db", db, "--out", join(dir, "b"), "--json"])).stdout)
    const [sinceFirst, sinceSecond, whole] = await Promise.all([
      crosscheck(["report", "--db", db, "--since", String(first.run), "--out", join(dir, "r1"), "--json"]),
      crosscheck(["report", "--db", db, "--since", String(second.run), "--out", join(dir, "r2"), "--json"]),
      crosscheck(["report", "--db", db, "--out", join(dir, "all"), "--json"]),
    ])
    const r1 = Report.decode(JSON.parse(readFileSync(join(dir, "r1", "report.json"), "utf8")))
    expect(sinceFirst.code).toBe(0)
    expect(r1.documents.map((d) => d.outlet)).toEqual(["Harbour Daily", "Coast Radio"])
    expect(r1.stories).toHaveLength(1)
    expect(r1.findings.length).toBeGreaterThan(0)
    const cited = new Set(r1.findings.flatMap((f) => f.claimIds))
    expect(r1.claims.every((c) => cited.has(c.id))).toBe(true)
    expect(JSON.parse(sinceSecond.stdout)).toMatchObject({ since: second.run, documents: 0, claims: 0, findings: {} })
    const all = Report.decode(JSON.parse(readFileSync(join(dir, "all", "report.json"), "utf8")))
    expect(all.documents).toHaveLength(6)
    // The whole store's report cites what its findings cite; `claims` lists every stored claim.
    const citedAll = new Set(all.findings.flatMap((f) => f.claimIds))
    expect(new Set(all.claims.map((c) => c.id))).toEqual(citedAll)
    expect(JSON.parse(whole.stdout).layout).toBe("one")
  }, 180_000)
  it("lists the input errors of the runs it covers: with --since those runs', without it those still standing", async () => {
    const dir = temp("errors")
    const db = join(dir, "desk.db")
    // Two empty files the first run cannot read; the second reads one of them, written since.
    const empty = join(dir, "empty.md")
    const later = join(dir, "later.md")
    writeFileSync(empty, "")
    writeFileSync(later, "")
    const first = await crosscheck(["run", "seeds/", empty, later, "--db", db, "--out", join(dir, "a"), "--json"])
    expect(first.code).toBe(3)
    writeFileSync(
      later,
      "---\noutlet: Harbour Daily\npublished: 2026-03-02\n---\nThe harbour office said 12 fishing boats were lost in the gale on Sunday.\n",
    )
    const second = await crosscheck(["run", later, "--db", db, "--out", join(dir, "b"), "--json"])
    expect(second.code).toBe(0)
    const firstRun = JSON.parse(first.stdout).run
    const [whole, sinceFirst, sinceStart] = await Promise.all([
      crosscheck(["report", "--db", db, "--out", join(dir, "all")]),
      crosscheck(["report", "--db", db, "--since", String(firstRun), "--out", join(dir, "r1")]),
      crosscheck(["report", "--db", db, "--since", String(firstRun - 1), "--out", join(dir, "r0")]),
    ])
    for (const r of [whole, sinceFirst, sinceStart]) expect(r.code).toBe(0)
    const errorsOf = (out: string) =>
      Report.decode(JSON.parse(readFileSync(join(dir, out, "report.json"), "utf8"))).errors.map((e) => e.path)
    // The file stored since is no longer an error of the store; the one never read still is.
    expect(errorsOf("all")).toEqual([empty])
    expect(readFileSync(join(dir, "all", "report.md"), "utf8")).toContain(empty)
    expect(readFileSync(join(dir, "all", "report.html"), "utf8")).toContain(JSON.stringify(empty).slice(1, -1))
    expect(errorsOf("r1")).toEqual([])
    expect(errorsOf("r0")).toEqual([empty, later])
  }, 180_000)
})

describe("a store an older crosscheck made", () => {
  it("is reported with a warning naming what is stale, and `run --db` with no paths brings it up to date", async () => {
    const dir = temp("outdated")
    const db = join(dir, "desk.db")
    const first = await crosscheck(["run", "seeds/", "--db", db, "--out", join(dir, "a"), "--json"])
    expect(first.code).toBe(0)
    // What an older crosscheck would have left: two articles read by an older extractor, findings by an older analysis.
    const store = new Database(db)
    store.prepare("UPDATE meta SET value = 'analysis-0' WHERE key = 'analysis_version'").run()
    store
      .prepare(
        "UPDATE documents SET extractor_version = 'extractor-0' WHERE seq IN (SELECT seq FROM documents ORDER BY seq LIMIT 2)",
      )
      .run()
    store.close()
    const outdated = await crosscheck(["report", "--db", db, "--out", join(dir, "r1"), "--json"])
    expect(outdated.code).toBe(0)
    expect(outdated.stderr).toMatch(
      /2 of its 4 documents were extracted by an older crosscheck; its findings were judged by analysis-0/,
    )
    expect(outdated.stderr).toContain(`crosscheck run --db ${db}\` (no paths)`)
    expect(JSON.parse(outdated.stdout).store).toMatchObject({
      current: false,
      staleDocuments: 2,
      analysisVersion: "analysis-0",
    })
    // The report files say it too, where an editor reads them, not only the terminal that made them.
    const stale = JSON.parse(readFileSync(join(dir, "r1", "report.json"), "utf8"))
    expect(stale.schemaVersion).toBe(5)
    expect(stale.outdatedStore).toEqual({
      documents: 4,
      staleDocuments: 2,
      analysisVersion: "analysis-0",
      analysisNow: expect.stringMatching(/^analysis-\d+$/),
    })
    for (const file of ["report.md", "report.html"])
      expect(readFileSync(join(dir, "r1", file), "utf8")).toContain(
        "This report shows the store as an older crosscheck left it: 2 of its 4 documents were extracted by an older crosscheck",
      )

    const updated = await crosscheck(["run", "--db", db, "--out", join(dir, "b"), "--json"])
    expect(updated.code).toBe(0)
    const summary = JSON.parse(updated.stdout)
    expect(summary.added).toEqual({ documents: 0, claims: 0 })
    expect(summary.findings).toEqual(JSON.parse(first.stdout).findings)

    const current = await crosscheck(["report", "--db", db, "--out", join(dir, "r2"), "--json"])
    expect(current.stderr).toBe("")
    expect(JSON.parse(current.stdout).store).toMatchObject({ current: true, staleDocuments: 0 })
    expect(JSON.parse(readFileSync(join(dir, "r2", "report.json"), "utf8"))).not.toHaveProperty("outdatedStore")
    expect(readFileSync(join(dir, "r2", "report.md"), "utf8")).not.toContain("older crosscheck")
  }, 180_000)
})

describe("crosscheck stories", () => {
  it("lists the stored stories, largest first, as text and as JSON lines", async () => {
    const dir = temp("stories")
    const db = join(dir, "desk.db")
    await crosscheck(["run", "seeds/", "--db", db, "--out", join(dir, "a")])
    const [text, json] = await Promise.all([
      crosscheck(["stories", "--db", db]),
      crosscheck(["stories", "--db", db, "--json"]),
    ])
    const lines = (json.stdout ?? "")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(lines.reduce((n, s) => n + s.documentIds.length, 0)).toBe(4)
    // The AP copies and the article they were reprinted beside tell one story: the largest, listed first.
    expect(lines[0].outlets).toEqual(expect.arrayContaining(["Asahi Shimbun", "Japan Today"]))
    const first = (text.stdout ?? "").split("\n")[0] ?? ""
    expect(first).toContain(lines[0].label)
    expect(first).toMatch(/undated {2}\d+ articles from /)
    expect(text.code).toBe(0)
    expect(text.stderr).toBe("")
  }, 120_000)
})

describe("crosscheck extract", () => {
  it("answers each stdin line in order, a bad line with its error", async () => {
    const r = await crosscheck(
      ["extract"],
      [
        '{"id": "a1", "text": "Officials said 11,000 troops were sent to Russia."}',
        "not json",
        '{"id": 7, "title": "no text"}',
        '{"text": "The weather was mild."}',
      ].join("\n"),
    )
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => [l.id, "claims" in l ? "claims" : "error"])).toEqual([
      ["a1", "claims"],
      [null, "error"],
      [7, "error"],
      [null, "claims"],
    ])
    expect(lines[0].claims[0].quantities[0]).toMatchObject({ low: 11000, high: 11000 })
    expect(lines[1].error).toMatch(/invalid JSON.*stdin line 2/)
    expect(lines[2].error).toMatch(/expected a "text" string.*stdin line 3/)
    expect(r.code).toBe(3)
  })
})

describe("help", () => {
  it.each(["run", "report", "claims", "stories", "extract", "schema"])(
    "`%s --help` describes the command with an example",
    async (command) => {
      const r = await crosscheck([command, "--help"])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`^Usage: crosscheck ${command}`))
      expect(r.stdout).toMatch(/Examples?:\n {2}(echo .* \| )?pnpm /)
    },
  )

  it("`worker --help` says what idle is: no job waiting or held by any worker, a killed worker's job taken again", async () => {
    const r = await crosscheck(["worker", "--help"])
    expect(r.code).toBe(0)
    // Commander wraps the option's text at the terminal's width.
    const help = r.stdout.replace(/\s+/g, " ")
    expect(help).toContain("--exit-when-idle stop once no job is queued, waiting or held by any worker")
    expect(help).toContain("a job whose worker was killed is taken again once its lease runs out, up to three takes")
  })

  it("`worker --help` says it exits 3 when a batch it committed had input errors, as `run` does", async () => {
    const r = await crosscheck(["worker", "--help"])
    expect(r.code).toBe(0)
    expect(r.stdout.replace(/\s+/g, " ")).toContain(
      "3 done, but a batch this worker committed had articles that could not be read or extracted",
    )
  })
})

describe("bad usage", () => {
  it.each([
    [["run", "no/such/folder"], /expected a file or folder, instead found nothing at no\/such\/folder/],
    [["run", "--bogus", "seeds/"], /unknown option '--bogus'/],
    [["run"], /expected files or folders of articles, or --db naming a store to bring up to date/],
    [["run", "seeds/", "--as-of", "yesterday"], /expected --as-of to be an ISO date/],
    [["report", "--since", "soon", "--db", "x.db"], /expected --since to be an ISO date .* or a run's id/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("%j gives one line on stderr and exit code 2", async (args, message) => {
    const r = await crosscheck(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.trim().split("\n")).toHaveLength(1)
    expect(r.stderr).toMatch(message)
  })

  it("answers an empty folder with exit code 2", async () => {
    const r = await crosscheck(["run", temp("empty")])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/expected articles .* instead found none/)
  })

  it("refuses a store that is not one, with exit code 2, leaving it as it was", async () => {
    const file = join(temp("bad-store"), "notes.db")
    writeFileSync(file, "these are my notes\n")
    const [run, claims] = await Promise.all([
      crosscheck(["run", "seeds/", "--db", file, "--out", temp("bad-store-out")]),
      crosscheck(["claims", "--db", file]),
    ])
    for (const r of [run, claims]) {
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(
        /^crosscheck: store: expected a crosscheck store \(a SQLite database\), instead found some other file/,
      )
    }
    expect(readFileSync(file, "utf8")).toBe("these are my notes\n")
  })
})

describe("crosscheck schema", () => {
  it("prints the report's JSON Schema", async () => {
    const r = await crosscheck(["schema"])
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.stdout)
    expect(JSON.stringify(schema)).toContain('"findings"')
  })
})

describe("colour", () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, {}, false],
    [true, { TERM: "dumb" }, false],
  ])("on a terminal: %s, env %j: colour %s", (tty, env, expected) => {
    expect(Style.enabled(tty, env)).toBe(expected)
    expect(Style.painter(Style.enabled(tty, env))("red", "x") !== "x").toBe(expected)
  })
})
