import { Quantity } from "@crosscheck/domain"
import { Extractor, FiguresBack } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import { doc } from "./support.js"

const nlp = Extractor.loadModel()

/** The quantity whose text is `figure`, as extracted from `text`. */
const quantity = (text: string, figure: string) =>
  Extractor.extractWith(nlp, doc(text, "2027-02-19T10:00:00Z"))
    .flatMap((c) => c.quantities)
    .find((q) => q.text === figure)

describe("a figure given as the value of a word for a figure measures what that word points back to", () => {
  it.each([
    // Across sentences: the figure had risen, the correct figure was.
    ["Some 40 people were hurt in the blast on Monday. By Tuesday the figure had risen to 52.", "52", "injuries", null],
    [
      "We reported that 43 schools were closed by the storm. The correct figure was 34 schools.",
      "34",
      "unknown",
      "school",
    ],
    [
      "At least 3,000 homes were flooded on Monday. The department had put the figure at about 3,100 yesterday.",
      "about 3,100",
      "buildings-damaged",
      "home",
    ],
    ["The agency said 11 climbers died. On Monday it corrected the figure to nine.", "nine", "deaths", "climber"],
    // In its own sentence, after an increment: the total is a total of the same thing.
    ["Rescuers recovered 12 bodies on Friday, bringing the total to 412.", "412", "deaths", "body"],
  ])("%s (%s)", (text, figure, klass, counted) => {
    const q = quantity(text, figure)
    const m = q ? Quantity.measureOf(q) : null
    expect(m?.class).toBe(klass)
    expect(m?.scope).toBe("total")
    if (counted) expect(q?.counted).toBe(counted)
    // What it counts is its antecedent's: the verb too, so another outlet's "52 hurt" is the same act.
    expect(m?.predicate).not.toBeNull()
  })

  it.each([
    // Each a count like the 40 hurt, so only the words between the word for a figure and it keep it apart:
    // a word for a figure that names its own ("the total cost", "the figure of").
    ["Some 40 people were hurt. The total cost came to 300.", "300"],
    ["Some 40 people were hurt in the blast. The figure of 12 was given by the hospital.", "12"],
    // A clause of its own between the word and the figure.
    ["Some 40 people were hurt. The figure was disputed and 300 were sent home.", "300"],
    // A figure in another unit than the one before it.
    ["Some 40 people were hurt. By Tuesday the figure had risen to 12 per cent.", "12 per cent"],
  ])("leaves alone: %s", (text, figure) => {
    const q = quantity(text, figure)
    expect(q).toBeDefined()
    expect(Quantity.measureOf(q as Quantity.Quantity).class).not.toBe("injuries")
  })

  it("reads the words between the word for a figure and the quantity from its catalogue", () => {
    expect(FiguresBack.pointsBack("By Tuesday the figure had risen to ")).toBe(true)
    expect(FiguresBack.pointsBack("bringing the total to ")).toBe(true)
    expect(FiguresBack.pointsBack("the total number of job cuts announced this year to ")).toBe(false)
    expect(FiguresBack.pointsBack("the number of patients rose to ")).toBe(false)
  })
})
