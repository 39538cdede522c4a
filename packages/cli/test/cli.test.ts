import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Report } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"

const root = new URL("../../../", import.meta.url).pathname
const tsx = join(root, "node_modules/.bin/tsx")
const bin = join(root, "packages/cli/src/bin.ts")

const crosscheck = (...args: string[]) => {
  const r = spawnSync(tsx, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe("crosscheck run seeds/", () => {
  const out = mkdtempSync(join(tmpdir(), "crosscheck-cli-"))
  const r = crosscheck("run", "seeds/", "--out", out)
  const report = Report.decode(JSON.parse(readFileSync(join(out, "report.json"), "utf8")))

  it("exits 0 and prints where the report is, nothing else on stdout", () => {
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^crosscheck: 4 documents, \d+ claims, \d+ findings/)
    expect(r.stdout).toContain(join(out, "report.html"))
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

  it("writes the Markdown and HTML reports", () => {
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("# crosscheck report")
    const html = readFileSync(join(out, "report.html"), "utf8")
    expect(html).toContain("Content-Security-Policy")
    expect(html).not.toMatch(/<script[^>]+src=/)
  })
})

describe("bad usage", () => {
  it.each([
    [["run", "no/such/folder"], /expected a file or folder, instead found nothing at no\/such\/folder/],
    [["run", "--bogus", "seeds/"], /unknown option '--bogus'/],
    [["run"], /missing required argument/],
    [["run", "seeds/", "--as-of", "yesterday"], /expected --as-of to be an ISO date/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("%j gives one line on stderr and exit code 2", (args, message) => {
    const r = crosscheck(...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.trim().split("\n")).toHaveLength(1)
    expect(r.stderr).toMatch(message)
  })

  it("answers an empty folder with exit code 2", () => {
    const r = crosscheck("run", mkdtempSync(join(tmpdir(), "crosscheck-empty-")))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/expected articles .* instead found none/)
  })
})

describe("crosscheck schema", () => {
  it("prints the report's JSON Schema", () => {
    const r = crosscheck("schema")
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.stdout)
    expect(JSON.stringify(schema)).toContain('"findings"')
  })
})
