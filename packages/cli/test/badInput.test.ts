import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Report } from "@crosscheck/domain"
import { beforeAll, describe, expect, it } from "vitest"
import { crosscheck, type Result, root } from "./Cli.js"

// The broken and hostile corpus of fixtures/bad-input, plus a 20 MB single-line file made here
// rather than committed: every input must come back as a document or as an error.
describe("crosscheck run over broken and hostile inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bad-"))
  const out = mkdtempSync(join(tmpdir(), "crosscheck-bad-out-"))
  let r: Result
  let report: Report.Report

  beforeAll(async () => {
    cpSync(join(root, "fixtures/bad-input"), dir, { recursive: true })
    writeFileSync(join(dir, "huge-single-line.txt"), `${"The council approved 40 new homes. ".repeat(600_000)}`)
    r = await crosscheck(["run", dir, "--db", ":memory:", "--out", out])
    report = Report.decode(JSON.parse(readFileSync(join(out, "report.json"), "utf8")))
  }, 120_000)

  it("finishes with exit code 3 and says which inputs could not be read", () => {
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/could not read .*latin1\.txt/)
  })

  it("accounts for every input file as a document or an error", () => {
    const files = readdirSync(dir)
      .filter((f) => !f.endsWith(".md.txt") && f !== "README.md")
      .map((f) => join(dir, f))
    const seen = new Set([...report.documents.map((d) => d.origin.path), ...report.errors.map((e) => e.path)])
    for (const f of files) expect(seen, f).toContain(f)
  })

  it("refuses what is not an article, naming the file and the reason", () => {
    const why = (name: string) => report.errors.filter((e) => e.path === join(dir, name)).map((e) => e.message)
    expect(why("image-renamed.txt")).toEqual([expect.stringMatching(/binary/)])
    expect(why("latin1.txt")).toEqual([expect.stringMatching(/UTF-8.*line 1/)])
    expect(why("empty.txt")).toEqual([expect.stringMatching(/empty/)])
    expect(why("unclosed-front-matter.md")).toEqual([expect.stringMatching(/closing '---'.*line 4\)$/)])
    expect(why("huge-single-line.txt")).toEqual([expect.stringMatching(/MB/)])
    expect(why("no-article.html")).toHaveLength(1)
    expect(why("feed.jsonl").map((m) => /line (\d+)/.exec(m)?.[1])).toEqual(["2", "3", "4"])
  })

  it("reads what is readable, keeping hostile text as text", () => {
    const outlets = report.documents.map((d) => d.outlet)
    expect(outlets).toEqual(expect.arrayContaining(["BOM Gazette", "Windows Herald", "Feed One", "Feed Two"]))
    expect(outlets).toContain("<script>alert('outlet')</script>")
    const bom = report.documents.find((d) => d.outlet === "BOM Gazette")
    expect(bom?.text.startsWith("\uFEFF")).toBe(false)
    const crlf = report.documents.find((d) => d.outlet === "Windows Herald")
    expect(crlf?.text).not.toContain("\r")
    const page = report.documents.find((d) => d.origin.path.endsWith("scripts-and-handlers.html"))
    expect(page?.text).toContain("The council approved 40 new homes")
    expect(page?.text).not.toContain("window.__x")
  })
})
