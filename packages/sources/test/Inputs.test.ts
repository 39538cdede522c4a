import { execFileSync } from "node:child_process"
import { closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Inputs, Jsonl } from "@crosscheck/sources"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"

const dir = () => mkdtempSync(join(tmpdir(), "crosscheck-inputs-"))

describe("Inputs.readText", () => {
  it("reads front matter fields", () => {
    const r = Inputs.readText(
      "a.md",
      "---\noutlet: Daily Planet\ntitle: 'Heroes return'\npublished: 2025-08-15\nurl: https://example.org/a\n---\nBody text.\n",
    )
    expect(r.errors).toEqual([])
    expect(r.documents.map((d) => [d.outlet, d.title, d.publishedAt, d.url, d.text])).toEqual([
      ["Daily Planet", "Heroes return", "2025-08-15", "https://example.org/a", "Body text.\n"],
    ])
  })

  it("uses the file name as outlet without front matter", () => {
    expect(Inputs.readText("folder/Gazette.txt", "Just text.").documents[0]?.outlet).toBe("Gazette")
  })

  it("names the file and line of front matter that never closes", () => {
    const r = Inputs.readText("b.txt", "---\noutlet: X\ntitle: Y\n")
    expect(r.documents).toEqual([])
    expect(r.errors[0]?.message).toMatch(/expected front matter to close with '---'.*\(b\.txt line \d+\)/)
  })

  it("reads JSONL and reports each bad line with its number", () => {
    const r = Inputs.readText(
      "f.jsonl",
      '{"id":"1","outlet":"A","text":"One."}\nnot json\n{"id":"3"}\n{"text":"Four."}\n',
    )
    expect(r.documents.map((d) => [d.outlet, d.text])).toEqual([
      ["A", "One."],
      ["f", "Four."],
    ])
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("(f.jsonl line 2)"),
      expect.stringMatching(/"text".*\(f\.jsonl line 3\)/),
    ])
  })

  it("gives the same id to the same text from the same origin", () => {
    const a = Inputs.readText("a.txt", "Same text.").documents[0]
    const b = Inputs.readText("a.txt", "Same text.").documents[0]
    const c = Inputs.readText("c.txt", "Same text.").documents[0]
    expect(a?.id).toBe(b?.id)
    expect(a?.id).not.toBe(c?.id)
  })
})

describe("Inputs.readText dates", () => {
  it.each([
    ["front matter, ISO", "a.md", "---\npublished: 2025-08-15T10:00:00Z\n---\nText.", null, "2025-08-15T10:00:00Z"],
    ["front matter, in words", "a.md", "---\npublished: Aug. 15, 2025\n---\nText.", null, "2025-08-15"],
    [
      "front matter, relative with --as-of",
      "a.md",
      "---\npublished: yesterday\n---\nText.",
      "2025-08-15",
      "2025-08-14T00:00:00.000Z",
    ],
    ["front matter, relative without --as-of", "a.md", "---\npublished: 3 hours ago\n---\nText.", null, null],
    ["front matter, not a date", "a.md", "---\npublished: soon\n---\nText.", null, null],
    [
      "JSONL, RFC 2822",
      "f.jsonl",
      '{"text":"T.","publishedAt":"Fri, 15 Aug 2025 06:45:00 GMT"}',
      null,
      "2025-08-15T06:45:00.000Z",
    ],
    [
      "JSONL, relative with --as-of",
      "f.jsonl",
      '{"text":"T.","publishedAt":"2 days ago"}',
      "2025-08-15",
      "2025-08-13T00:00:00.000Z",
    ],
  ])("%s", (_, path, text, asOf, expected) => {
    const r = Inputs.readText(path, text, { asOf })
    expect(r.errors).toEqual([])
    expect(r.documents[0]?.publishedAt).toBe(expected)
  })

  it("anchors an aggregated page's relative times to --as-of, and leaves them null without it", () => {
    const page = "Title\nMain story text.\nMore text here.\n\nGazette\n3 hours ago\n- Gazette\nHeadline\nBody text.\n"
    expect(Inputs.readText("p.txt", page, { asOf: "2025-08-15T12:00:00Z" }).documents[1]?.publishedAt).toBe(
      "2025-08-15T09:00:00.000Z",
    )
    expect(Inputs.readText("p.txt", page).documents[1]?.publishedAt).toBeNull()
  })
})

const fixtures = new URL("../../../fixtures/sources/", import.meta.url).pathname

describe("Inputs.read on broken inputs", () => {
  const d = dir()
  // Generated, not committed: just over the 10 MB limit, one line.
  const big = join(d, "huge.txt")
  const fd = openSync(big, "w")
  const chunk = Buffer.alloc(1024 * 1024, "a")
  for (let i = 0; i < 11; i++) writeSync(fd, chunk)
  closeSync(fd)
  const r = Effect.runSync(Inputs.read([join(fixtures, "bad"), big]))
  const at = (name: string) => r.errors.filter((e) => e.path.endsWith(name)).map((e) => e.message)

  it.each([
    ["empty.txt", /^sources: expected an article, instead found an empty file \(.*empty\.txt\)$/],
    ["blank.txt", /^sources: expected an article, instead found only blank lines \(.*blank\.txt\)$/],
    ["picture.txt", /^sources: expected text, instead found binary data .*\(.*picture\.txt\)$/],
    [
      "latin1.txt",
      /^sources: expected UTF-8 text, instead found an invalid byte 0xe9 at byte 3 \(.*latin1\.txt line 1\)$/,
    ],
    [
      "unclosed.txt",
      /^sources: expected a 'key: value' line or a closing '---' in front matter, .*\(.*unclosed\.txt line 4\)$/,
    ],
    ["no-article.html", /^sources: expected an article in the HTML page, instead found .*\(.*no-article\.html\)$/],
    ["huge.txt", /^sources: expected at most 10 MB per file, instead found 11\.0 MB \(.*huge\.txt\)$/],
  ])("%s: one error naming the file", (name, message) => {
    expect(at(name)).toEqual([expect.stringMatching(message)])
  })

  it("names each bad JSONL line and keeps the good one", () => {
    expect(at("feed.jsonl")).toEqual([
      expect.stringMatching(/^sources: expected a JSON object, instead found invalid JSON.*\(.*feed\.jsonl line 2\)$/),
      expect.stringMatching(
        /^sources: expected a "text" string in the record, instead found none \(.*feed\.jsonl line 3\)$/,
      ),
      expect.stringMatching(
        /^sources: expected a JSON object with a "text" field, instead found an array \(.*feed\.jsonl line 4\)$/,
      ),
    ])
  })

  it("still reads every good input, and drops nothing silently", () => {
    expect(r.documents.map((x) => [x.outlet, x.publishedAt])).toEqual([
      ["Feed", null],
      ["Good Gazette", "2025-08-15"],
    ])
    expect(r.errors).toHaveLength(10)
  })

  it("refuses a JSONL line over the record limit, naming the line", () => {
    const text = `{"text":"ok."}\n{"text":"${"x".repeat(Jsonl.MAX_RECORD_CHARS)}"}\n`
    const lines = Inputs.readText("big.jsonl", text)
    expect(lines.documents).toHaveLength(1)
    expect(lines.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^sources: expected a record of at most 10 M characters, .*\(big\.jsonl line 2\)$/),
    ])
  })
})

describe("Inputs.read", () => {
  it("reads HTML pages in a folder with their metadata", () => {
    const r = Effect.runSync(Inputs.read([join(fixtures, "html")]))
    expect(r.errors).toEqual([])
    expect(r.documents.map((x) => [x.outlet, x.publishedAt])).toEqual([
      ["Wire Feed", "2025-08-15T06:45:00.000Z"],
      ["Riverside Daily", "2025-08-12T18:05:00Z"],
      ["The Coastal Ledger", "2025-08-14T07:30:00+01:00"],
    ])
    expect([...(r.credits?.values() ?? [])]).toEqual([["Reuters"]])
  })

  it("reads a folder and keeps going past broken files", () => {
    const d = dir()
    mkdirSync(join(d, "sub"))
    writeFileSync(join(d, "good.txt"), "An article about things.")
    writeFileSync(join(d, "sub", "empty.txt"), "")
    writeFileSync(join(d, "binary.txt"), Buffer.from([0x00, 0x01, 0x02]))
    writeFileSync(join(d, "latin1.txt"), Buffer.from([0x61, 0x0a, 0xe9, 0x74, 0xe9]))
    writeFileSync(join(d, "ignored.png"), "x")
    const r = Effect.runSync(Inputs.read([d]))
    expect(r.documents.map((x) => x.outlet)).toEqual(["good"])
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/binary data.*binary\.txt/),
      expect.stringMatching(/UTF-8.*byte 2.*latin1\.txt line 2/),
      expect.stringMatching(/empty file.*empty\.txt/),
    ])
  })

  it("treats a missing path and an empty folder as bad usage", () => {
    const missing = Effect.runSync(Effect.either(Inputs.read(["/no/such/place"])))
    expect(Either.isLeft(missing) && missing.left.reason).toBe("not-found")
    const empty = Effect.runSync(Effect.either(Inputs.read([dir()])))
    expect(Either.isLeft(empty) && empty.left.reason).toBe("no-input")
  })

  it("gives an article the same id wherever its folder lies, and repeats ids of their own", () => {
    const article = "---\noutlet: Daily Planet\ntitle: Dam opened\n---\nThe dam released 600 cubic metres a second.\n"
    const here = dir()
    const there = join(dir(), "deeper")
    mkdirSync(there)
    for (const d of [here, there]) {
      writeFileSync(join(d, "a.md"), article)
      writeFileSync(join(d, "b.md"), article.replace("600", "650"))
    }
    const ids = (d: string) => Effect.runSync(Inputs.read([d])).documents.map((x) => x.id)
    expect(ids(there)).toEqual(ids(here))
    // Both folders at once: the same article twice, a repeat kept under an id of its own, never merged.
    const both = Effect.runSync(Inputs.read([here, there])).documents
    expect(both.map((x) => x.text)).toHaveLength(4)
    expect(new Set(both.map((x) => x.id)).size).toBe(4)
    expect(both.slice(0, 2).map((x) => x.id)).toEqual(ids(here))
    // Another outlet, title or text is another article.
    const other = Inputs.readText("a.md", article.replace("Daily Planet", "Evening Star")).documents[0]?.id
    expect(other).not.toBe(ids(here)[0])
  })

  it("groups the two AP copies of the seed page and nothing else", () => {
    const r = Effect.runSync(Inputs.read([new URL("../../../seeds", import.meta.url).pathname]))
    const groups = r.documents.map((d) => d.syndicationGroup)
    expect(groups[0]).toBeNull()
    expect(groups[1]).toBeNull()
    expect(groups[2]).not.toBeNull()
    expect(groups[2]).toBe(groups[3])
  })
})

describe("Inputs.read of folders with special files, links and excluded folders", () => {
  const write = (path: string, text = "The council approved 40 new homes, officials said.\n") =>
    writeFileSync(path, text)

  it("lists a named pipe and a device as skipped with the reason, and reads the rest", () => {
    const d = dir()
    write(join(d, "a.txt"))
    execFileSync("mkfifo", [join(d, "pipe.txt")])
    const r = Effect.runSync(Inputs.read([d, "/dev/zero"]))
    expect(r.documents.map((x) => x.origin.path)).toEqual([join(d, "a.txt")])
    expect(r.errors.map((e) => e.message)).toEqual([
      `sources: expected a regular file or folder, instead found a named pipe (FIFO); skipped (${join(d, "pipe.txt")})`,
      "sources: expected a regular file or folder, instead found a device; skipped (/dev/zero)",
    ])
  })

  it("lists a PDF or Word file as skipped with how to make it readable, and passes over images", () => {
    const d = dir()
    write(join(d, "a.txt"))
    write(join(d, "b.pdf"), "%PDF-1.7")
    write(join(d, "c.docx"), "PK")
    write(join(d, "photo.jpg"), "JFIF")
    const r = Effect.runSync(Inputs.read([d]))
    expect(r.documents.map((x) => x.origin.path)).toEqual([join(d, "a.txt")])
    expect(r.errors.map((e) => e.path)).toEqual([join(d, "b.pdf"), join(d, "c.docx")])
    expect(r.errors[0]?.message).toMatch(/instead found a PDF.*pdftotext FILE\.pdf FILE\.txt/)
    // Named on the command line, a PDF is listed the same way, not read as binary.
    expect(Effect.runSync(Inputs.read([join(d, "b.pdf")])).errors[0]?.message).toMatch(/instead found a PDF/)
  })

  it("refuses a URL as bad usage and says what to do instead", () => {
    const r = Effect.runSync(Effect.either(Inputs.read(["https://news.example/story"])))
    expect(Either.isLeft(r) && r.left.message).toMatch(
      /instead found a URL \(https:\/\/news\.example\/story\); crosscheck does not fetch pages: save the page/,
    )
  })

  it("follows links inside the input folder, once, and lists links that point outside it", () => {
    const outside = dir()
    write(join(outside, "secret.txt"))
    const d = dir()
    mkdirSync(join(d, "sub"))
    write(join(d, "sub", "a.txt"))
    symlinkSync(join(d, "sub"), join(d, "again"))
    symlinkSync(join(d, "sub", "a.txt"), join(d, "b.txt"))
    symlinkSync(join(outside, "secret.txt"), join(d, "c.txt"))
    symlinkSync(join(d, "nowhere.txt"), join(d, "d.txt"))
    const r = Effect.runSync(Inputs.read([d]))
    // "again" is the folder "sub" once more: read once, under the first name in path order.
    expect(r.documents.map((x) => x.origin.path)).toEqual([join(d, "again", "a.txt"), join(d, "b.txt")])
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /expected links to stay inside the input folder, instead found one to .*secret\.txt; not followed \(.*c\.txt\)$/,
      ),
      expect.stringMatching(/instead found a link to nothing; skipped \(.*d\.txt\)$/),
    ])
  })

  it("never reads an excluded folder, such as the report folder inside an input folder", () => {
    const d = dir()
    write(join(d, "a.txt"))
    mkdirSync(join(d, "out"))
    write(join(d, "out", "report.md"), "# crosscheck report\n")
    const all = Effect.runSync(Inputs.read([d]))
    const excluded = Effect.runSync(Inputs.read([d], { exclude: [join(d, "out")] }))
    expect(all.documents).toHaveLength(2)
    expect(excluded.documents.map((x) => x.origin.path)).toEqual([join(d, "a.txt")])
  })
})
