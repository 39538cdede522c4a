import { Analysis, Attributions, Extractor } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import { doc } from "./support.js"

const nlp = Extractor.loadModel()
const find = (text: string) => Attributions.find(Analysis.analyse(nlp, text)).attributions

describe("a rejection keeps what it rejects as the content (Rejections.ts)", () => {
  it.each([
    // text, content rule, stance, source, the rejected content
    [
      "The water board rejected reports that the reservoir had run dry.",
      "rejected-claim-that",
      "denies",
      "The water board",
      "the reservoir had run dry",
    ],
    [
      "The airline dismissed the claim that 40 flights were cancelled.",
      "rejected-claim-that",
      "denies",
      "The airline",
      "40 flights were cancelled",
    ],
    [
      "The league rejected as false claims that the final had been fixed.",
      "rejected-claim-that",
      "denies",
      "The league",
      "the final had been fixed",
    ],
    [
      "The rail operator dismissed the report as false.",
      "object-dismissed-as-false",
      "denies",
      "The rail operator",
      "the report",
    ],
    [
      "The hospital dismissed reports of 12 infections as completely baseless, saying wards were clean.",
      "object-dismissed-as-false",
      "denies",
      "The hospital",
      "reports of 12 infections",
    ],
    ["The coach called the accusation baseless.", "object-called-false", "disputes", "The coach", "the accusation"],
    [
      "The mayor called claims that the tunnel had flooded false, saying traffic was moving.",
      "object-called-false",
      "disputes",
      "The mayor",
      "the tunnel had flooded",
    ],
    [
      "The harbour master called reports that two cranes had collapsed simply untrue.",
      "object-called-false",
      "disputes",
      "The harbour master",
      "two cranes had collapsed",
    ],
    [
      "The senator called the union's claim of 900 lost jobs a lie.",
      "object-called-false",
      "disputes",
      "The senator",
      "the union's claim of 900 lost jobs",
    ],
    ["The owner branded the story a fabrication.", "object-called-false", "disputes", "The owner", "the story"],
    ["The agency said the figure was simply untrue.", "subject-called-false", "disputes", "The agency", "the figure"],
    [
      // The claim called false is told once, under the rule that names its predicate as the cue.
      "A spokeswoman said claims that 300 staff had quit were unfounded.",
      "claim-called-false",
      "disputes",
      "A spokeswoman",
      "300 staff had quit",
    ],
    [
      "The count is not true, the returning officer said.",
      "subject-called-false",
      "disputes",
      "the returning officer",
      "The count",
    ],
    [
      "The ministry said there was no truth to reports that the bridge had closed.",
      "no-truth-to",
      "denies",
      "The ministry",
      "the bridge had closed",
    ],
    ["The club said there was no truth in the rumour.", "no-truth-to", "denies", "The club", "the rumour"],
    // A reply that denies on its own denies what it answers: the question put, or the claim just before.
    [
      "\u201CAbsolutely not,\u201D the spokesman said when asked whether the plant would close.",
      "denial-answers-question",
      "denies",
      "the spokesman",
      "the plant would close",
    ],
    [
      "\u201CNo,\u201D Vera Lind said, when asked about the merger.",
      "denial-answers-question",
      "denies",
      "Vera Lind",
      "the merger",
    ],
    [
      "Local papers reported that the plant would close in May. \u201CThat\u2019s not true,\u201D the ministry said.",
      "denial-answers-claim-before",
      "denies",
      "the ministry",
      "the plant would close in May",
    ],
    [
      "The plant will close in May. \u201CNonsense,\u201D Vera Lind said.",
      "denial-answers-claim-before",
      "denies",
      "Vera Lind",
      "The plant will close in May",
    ],
  ] as const)("%s → %s", (text, rule, stance, source, content) => {
    const f = find(text).find((x) => x.rule.split("+")[0] === rule)
    expect(f?.stance).toBe(stance)
    expect(f?.source?.text).toBe(source)
    expect(f?.content.text).toBe(content)
  })

  it.each([
    // text, content, polarity: a negative statement is asserted, not a denial
    ["\u201CI didn't see him,\u201D the guard said.", "I didn't see him", "negative"],
    ["The firm said it had not received the letter.", "it had not received the letter", "negative"],
    ["The union said the drivers had not walked out.", "the drivers had not walked out", "negative"],
    ["Police said they never found the car.", "they never found the car", "negative"],
    ["The mayor called the plan reckless.", "the plan reckless", "positive"],
    ["The council called for a recount.", "a recount", "positive"],
  ] as const)("%s stays an assertion", (text, content, polarity) => {
    const claims = Extractor.extractWith(nlp, doc(text))
    const c = claims.find((x) => x.attribution.content?.text === content)
    expect(c?.attribution.stance).toBe("asserts")
    expect(c?.polarity).toBe(polarity)
  })

  it.each([
    // a predicate that is negated, or not a disputing one, calls nothing false
    ["Officials said the report was not false.", "the report was not false"],
    ["The council said the bridge was simply unsafe.", "the bridge was simply unsafe"],
    ["The board rejected the report.", "the report"],
  ] as const)("%s keeps its whole content", (text, content) => {
    const f = find(text)[0]
    expect(f?.content.text).toBe(content)
    expect(f?.rule.split("+")[0]).toBe("clause-after-cue")
  })

  it.each([
    // A reply with nothing it answers, or the speaker's own words before it, denies nothing identified.
    ["\u201CNot true,\u201D the ministry said.", "Not true"],
    ["Vera Lind said the plant would close. \u201CNo,\u201D she added.", "No"],
  ] as const)("%s asserts its reply", (text, content) => {
    const f = find(text).find((x) => x.content.text === content)
    expect(f?.stance).toBe("asserts")
  })

  it.each([
    // text, the holder's own claim, who calls it false (null: the outlet), the predicate
    ["The mayor's claims that the bridge is safe are false.", "The mayor", null, "are false"],
    [
      "Vera Lind said the mayor's claims that the bridge was safe were simply untrue.",
      "the mayor",
      "Vera Lind",
      "were simply untrue",
    ],
  ] as const)("%s: the holder's claim ends where it is called false", (text, holder, caller, predicate) => {
    const found = find(text)
    const claim = found.find((f) => f.rule === "possessor-of-claim-noun")
    const called = found.find((f) => f.rule === "claim-called-false")
    expect(claim?.source?.text).toBe(holder)
    expect(claim?.stance).toBe("asserts")
    expect(called?.content.text).toBe(claim?.content.text)
    expect(called).toMatchObject({ stance: "disputes", cue: { text: predicate } })
    expect(called?.source?.text ?? null).toBe(caller)
  })

  it("gives the rejected figure to the denial, once", () => {
    const claims = Extractor.extractWith(nlp, doc("The minister said claims that 300 jobs were cut are unfounded."))
    const withFigure = claims.filter((c) => c.quantities.length > 0)
    expect(withFigure).toHaveLength(1)
    expect(withFigure[0]?.attribution).toMatchObject({ stance: "disputes", content: { text: "300 jobs were cut" } })
    expect(claims.filter((c) => c.attribution.content?.text === "300 jobs were cut")).toHaveLength(1)
  })

  it("keeps a cue inside a narrowed content nested, not a claim of its own", () => {
    const found = find("The ministry said there was no truth to reports that the bridge had closed.")
    expect(found.map((f) => [f.cue.lemma, f.stance, f.content.text])).toEqual([
      ["say", "denies", "the bridge had closed"],
    ])
  })
})
