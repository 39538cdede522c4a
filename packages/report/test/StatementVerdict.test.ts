import { describe, expect, it } from "vitest"
import { Judgement } from "../src/index.js"
import { claim, doc, statement, voice } from "./build.js"

const CONV =
  "Although North Korea also dismantled its own propaganda speakers from the border, it has largely rebuffed other overtures. " +
  "For instance, he recently ordered propaganda speakers to be removed from the North Korean border."
const AP =
  "Lee has taken steps to repair ties with the North, including the removal of South Korean frontline loudspeakers. " +
  "Kim's powerful sister mocked his government for misleading the public by falsely claiming the North had removed its own frontline speakers."

const conv = doc("conv", CONV, { outlet: "The Conversation" })
const ap1 = doc("ap1", AP, { outlet: "Asahi Shimbun", syndicationGroup: "ap-lee" })
const ap2 = doc("ap2", AP, { outlet: "Japan Today", syndicationGroup: "ap-lee" })
const docs = [conv, ap1, ap2]

const northRemoved = (d: typeof ap1) =>
  claim(d, "the North had removed its own frontline speakers", {
    subject: "the North",
    predicate: "remove",
    object: "its own frontline speakers",
    attribution: voice(d, "Kim's powerful sister", "falsely claiming", "claim", "disputes"),
  })

describe("statement findings", () => {
  it("calls the North's speakers disputed: The Conversation asserts, Kim Yo Jong calls it false, AP copies once", () => {
    const asserted = claim(conv, "North Korea also dismantled its own propaganda speakers from the border", {
      subject: "North Korea",
      predicate: "dismantle",
      object: "its own propaganda speakers",
    })
    const [f] = Judgement.judge([statement([asserted, northRemoved(ap1), northRemoved(ap2)])], docs)
    expect(f?.verdict).toBe("disputed")
    expect(f?.independentSources).toBe(2)
    expect(f?.explanation).toContain("Rule stance-challenge")
    expect(f?.explanation).toContain(
      "Asahi Shimbun + Japan Today (copies of one story) reports Kim's powerful sister calling it false",
    )
    expect(f?.explanation).toContain('cue "falsely claiming", stance disputes')
    expect(f?.summary).toMatch(/^Disputed: .* — The Conversation vs Asahi Shimbun \+ Japan Today .*disputes/)
  })

  it("calls Lee's removal of the South's speakers agreed", () => {
    const a = claim(conv, "he recently ordered propaganda speakers to be removed from the North Korean border", {
      predicate: "remove",
      object: "speakers",
    })
    const b = claim(ap1, "the removal of South Korean frontline loudspeakers", {
      predicate: "remove",
      object: "loudspeakers",
    })
    const [f] = Judgement.judge([statement([a, b])], docs)
    expect(f?.verdict).toBe("agree")
    expect(f?.explanation).toContain("Rule same-polarity")
  })

  it("calls opposite polarity at the same time a contradiction, and at different times not", () => {
    const a = claim(conv, "North Korea also dismantled its own propaganda speakers from the border")
    const b = claim(ap1, "the North had removed its own frontline speakers", { polarity: "negative" })
    expect(Judgement.judge([statement([a, b])], docs)[0]?.verdict).toBe("contradict")
    const then = { text: "in 2018", start: "2018-01-01", end: "2018-12-31" }
    const now = { text: "this week", start: "2025-08-11", end: "2025-08-17" }
    const [f] = Judgement.judge(
      [
        statement([
          { ...a, time: then },
          { ...b, time: now },
        ]),
      ],
      docs,
    )
    expect(f?.verdict).toBe("compatible")
    expect(f?.rule).toBe("polarity-at-different-times")
  })

  it("does not call a negated assertion and a denial of the same thing a dispute", () => {
    const a = claim(conv, "North Korea also dismantled its own propaganda speakers from the border", {
      polarity: "negative",
    })
    const [f] = Judgement.judge([statement([a, northRemoved(ap1)])], docs)
    expect(f?.verdict).not.toBe("disputed")
    expect(f?.verdict).not.toBe("contradict")
  })

  it("calls a hedged statement against a firm one agreed, naming the hedge", () => {
    const a = claim(conv, "North Korea also dismantled its own propaganda speakers from the border")
    const b = claim(ap1, "the North had removed its own frontline speakers", { attribution: { hedged: true } })
    const [f] = Judgement.judge([statement([a, b])], docs)
    expect(f?.verdict).toBe("agree")
    expect(f?.explanation).toContain("Rule same-polarity")
    expect(f?.explanation).toContain("Asahi Shimbun hedges it where The Conversation states it firmly")
    expect(f?.explanation).toContain("stance asserts, hedged")
  })

  it("is single-source for the two AP copies alone, and skips a group of one claim", () => {
    expect(Judgement.judge([statement([northRemoved(ap1), northRemoved(ap2)])], docs)[0]?.verdict).toBe("single-source")
    const one = northRemoved(ap1)
    expect(Judgement.judge([statement([one, one])], docs)).toEqual([])
  })

  it("tolerates groups carrying fields it does not know", () => {
    const a = claim(conv, "North Korea also dismantled its own propaganda speakers from the border")
    const b = claim(ap1, "the North had removed its own frontline speakers")
    const group = { ...statement([a, b]), addedLater: [{ a: 0, b: 1, weight: 0.9 }] }
    expect(Judgement.judge([group], docs)[0]?.verdict).toBe("agree")
  })

  it("counts syndicated copies once", () => {
    expect(Judgement.independentSources([northRemoved(ap1), northRemoved(ap2)], docs)).toBe(1)
  })
})
