import type { Claim, Document } from "@crosscheck/domain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Judgement, Markdown, ReportFile } from "../src/index.js"
import { collapse } from "../src/internal/collapse.js"
import { claim, doc, numeric, qty, report, statement, twoFigures, voice } from "./build.js"

const conv = doc("conv", "North Korea also dismantled its own speakers. It sent 11,000 troops.", {
  outlet: "The Conversation",
})
const AP =
  "Kim Yo Jong said Seoul was falsely claiming the North had removed its own speakers. It sent thousands of troops."
const ap1 = doc("ap1", AP, { outlet: "Asahi Shimbun", syndicationGroup: "ap", title: "Lee vows to restore deal" })
const ap2 = doc("ap2", AP, { outlet: "Japan Today", syndicationGroup: "ap", title: "Lee vows to restore deal" })

const build = () => {
  const asserted = claim(conv, "North Korea also dismantled its own speakers.")
  const disputed = [ap1, ap2].map((d) =>
    claim(d, "the North had removed its own speakers", {
      attribution: voice(d, "Kim Yo Jong", "falsely claiming", "claim", "disputes"),
    }),
  )
  const troops = claim(conv, "It sent 11,000 troops.", {
    kind: "numeric",
    quantities: [{ ...qty("11,000", 11000), span: { start: 54, end: 60 } }],
  })
  const thousands = [ap1, ap2].map((d) => claim(d, "It sent thousands of troops.", { kind: "numeric" }))
  const claims = [asserted, ...disputed, troops, ...thousands]
  const findings = Judgement.judge(
    [
      numeric([
        [troops, qty("11,000", 11000)],
        ...thousands.map((c) => [c, qty("thousands of", 2000, 9999, "vague")] as [typeof c, ReturnType<typeof qty>]),
      ]),
      statement([asserted, ...disputed]),
    ],
    [conv, ap1, ap2],
  )
  return ReportFile.make({
    asOf: null,
    documents: [conv, ap1, ap2],
    claims,
    findings,
    errors: [{ path: "bad.bin", message: "sources: binary file" }],
    generatedAt: new Date("2025-08-15T00:00:00Z"),
  })
}

describe("Markdown.render", () => {
  const md = Markdown.render(build())

  it("puts disputed findings before compatible ones, with verdict sections", () => {
    const disputed = md.indexOf("## Disputed")
    const compatible = md.indexOf("## Compatible")
    expect(disputed).toBeGreaterThan(0)
    expect(compatible).toBeGreaterThan(disputed)
    expect(md).toContain("| disputed | 1 |")
    expect(md).toContain("| compatible | 1 |")
  })

  it("quotes each passage once per independent source, naming every copy's outlet", () => {
    expect(md).toContain("- **Asahi Shimbun + Japan Today** (copies of one story) — Lee vows to restore deal")
    expect(md.match(/> the North had removed its own speakers/g)).toHaveLength(1)
    expect(md).toContain('> _source: Kim Yo Jong · cue: "falsely claiming" · stance: disputes_')
    expect(md).toContain("> It sent **11,000** troops.")
  })

  it("sets out a dispute's passages side by side: the claim, then the denial", () => {
    const claimed = md.indexOf("**What is claimed**:")
    const denied = md.indexOf("**Reported as denied or false**:")
    expect(claimed).toBeGreaterThan(0)
    expect(denied).toBeGreaterThan(claimed)
    expect(md.slice(claimed, denied)).toContain("**The Conversation**")
    expect(md.slice(denied)).toContain("**Asahi Shimbun + Japan Today**")
  })

  it("gives the explanation and the unreadable inputs", () => {
    expect(md).toMatch(/Why: .*Rule stance-challenge/)
    expect(md).toMatch(/Why: .*Rule vague-vs-precise/)
    expect(md).toContain("- bad.bin: sources: binary file")
  })
})

describe("the figure each finding weighs, in report.md", () => {
  const md = Markdown.render(twoFigures())
  const section = (heading: string) => md.slice(md.indexOf(heading), md.indexOf("Why:", md.indexOf(heading)))

  it("puts in bold, in each passage, the figure its finding weighs and not the sentence's other figure", () => {
    const contradiction = section("## Contradict")
    expect(contradiction).toContain("> **More than 200** firefighters fought the blaze for nine hours.")
    expect(contradiction).toContain("> Firefighters, **about 120** of them, fought the blaze for nine hours.")
    const agreement = section("## Agree")
    expect(agreement).toContain("> More than 200 firefighters fought the blaze for **nine hours**.")
    expect(agreement).toContain("> Firefighters, about 120 of them, fought the blaze for **nine hours**.")
  })

  it("puts every figure in bold for a report written before findings named theirs", () => {
    const report = twoFigures()
    const older = Markdown.render({ ...report, findings: report.findings.map(({ figures: _, ...f }) => f) })
    expect(older).toContain("> **More than 200** firefighters fought the blaze for **nine hours**.")
  })
})

describe("a changed figure in report.md", () => {
  /** report.md for two articles' tolls, 12 then 19, judged as one figure. */
  const tolls = (docs: [Document.Document, Document.Document], [ca, cb]: [Claim.Claim, Claim.Claim]): string => {
    const findings = Judgement.judge(
      [
        numeric([
          [ca, qty("12", 12)],
          [cb, qty("19", 19)],
        ]),
      ],
      docs,
    )
    return Markdown.render(report(docs, [ca, cb], findings))
  }

  it("names the rule and lists the timeline, saying which times are publication days", () => {
    const a = doc("a", "The toll stands at 12.", { outlet: "North Wire", publishedAt: "2025-03-03" })
    const b = doc("b", "The toll stands at 19.", { outlet: "South Post", publishedAt: "2025-03-05" })
    const ca = claim(a, "The toll stands at 12.", { kind: "numeric" })
    const cb = claim(b, "The toll stands at 19.", { kind: "numeric" })
    const md = tolls([a, b], [ca, cb])
    expect(md).toContain("Verdict: **changed** · independent sources: 2 · rule: different-times")
    expect(md).toContain(
      "- 2025-03-03 (publication day): **12** — North Wire\n- 2025-03-05 (publication day): **19** — South Post",
    )
  })

  it("says under each passage whether its time is written or its article's day stands in for it", () => {
    const a = doc("a", "The toll stands at 12.", { outlet: "North Wire", publishedAt: "2025-03-03" })
    const b = doc("b", "By Tuesday the toll was 19.", { outlet: "South Post", publishedAt: "2025-03-05" })
    const ca = claim(a, "The toll stands at 12.", {
      kind: "numeric",
      time: { text: "", start: "2025-03-03", end: "2025-03-03", defaulted: true },
    })
    const cb = claim(b, "By Tuesday the toll was 19.", {
      kind: "numeric",
      time: { text: "By Tuesday", start: "2025-03-04", end: "2025-03-04" },
    })
    const md = tolls([a, b], [ca, cb])
    expect(md).toContain("> _time: none written; the article's day, 2025-03-03, stands in_")
    expect(md).toContain('> _time: "By Tuesday" (2025-03-04)_')
    expect(md).not.toContain("_time:  (")
  })
})

describe("Markdown escaping of text from input", () => {
  it.each([
    ["markup", "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"],
    ["a link", "[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"],
    ["an image", "![x](https://evil.example/t.png)", "\\!\\[x\\](https://evil.example/t.png)"],
    ["emphasis and code", "*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"],
    ["a table cell and a heading", "a | b # c", "a \\| b \\# c"],
    ["an entity", "&#x202E;", "\\&\\#x202E;"],
    ["a right-to-left override", "abc\u202Edef", "abc⟨U+202E⟩def"],
    ["zero-width and control characters", "a\u200Bb\u0007c", "a⟨U+200B⟩b⟨U+0007⟩c"],
  ])("escapes %s", (_, text, escaped) => {
    expect(Markdown.inline(text)).toBe(escaped)
  })

  it("gives one line of any text as escaping and collapsing it would, leaving text that needs neither as it is", () => {
    const unit = fc.oneof(
      fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u202e", "\u200b", "\u0007", "\u009f"),
      fc.constantFrom("*", "#", "\\", "[", "!", "&", "<", "|", "~"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      fc.constantFrom("a", "B", "7", "é", "-", ".", ","),
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        expect(Markdown.md(s)).toBe(collapse(Markdown.inline(s)))
      }),
      { numRuns: 3000 },
    )
    const plain = "Harbour Daily, 2025-08-14"
    expect(Markdown.md(plain)).toBe(plain)
  })

  it("carries no markup from a title, an outlet or a claim into report.md", () => {
    const hostile = doc("h", "Officials said <img src=x onerror=alert(1)> 40 homes were built.", {
      outlet: "<b>Evil</b> \u202E Gazette",
      title: "[Win](javascript:alert(1)) <script>x</script>",
    })
    const c = claim(hostile, "Officials said <img src=x onerror=alert(1)> 40 homes were built.")
    const md = Markdown.render(
      ReportFile.make({
        asOf: null,
        documents: [hostile],
        claims: [c],
        findings: [],
        errors: [{ path: "<i>p</i>", message: "*m*" }],
      }),
    )
    expect(md).not.toMatch(/(?<!\\)<(?:img|script|b|i)\b|(?<!\\)\]\(|\u202E/)
    expect(md).toContain("\\[Win\\](javascript:alert(1)) \\<script\\>x\\</script\\>")
    expect(md).toContain("\\<b\\>Evil\\</b\\> ⟨U+202E⟩ Gazette")
    expect(md).toContain("- \\<i\\>p\\</i\\>: \\*m\\*")
  })
})
