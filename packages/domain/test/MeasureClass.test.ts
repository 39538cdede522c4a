import { MeasureClass } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"

describe("MeasureClass.relate", () => {
  it.each([
    ["deaths", "deaths", "same"],
    ["casualties", "deaths", "a-contains-b"],
    ["injuries", "casualties", "b-contains-a"],
    ["deaths", "injuries", "apart"],
    ["displaced", "trapped", "apart"],
    ["evacuated", "displaced", "b-contains-a"],
    // Those who spent the night in shelters are some of the evacuated, who are some of the displaced.
    ["evacuated", "sheltered", "a-contains-b"],
    ["sheltered", "displaced", "b-contains-a"],
    ["closure", "prison-sentence", "apart"],
    ["reopening", "completion", "apart"],
    ["deaths", "unknown", "unknown"],
    ["deaths", "no-such-class", "unknown"],
  ] as const)("%s against %s is %s", (a, b, relation) => {
    expect(MeasureClass.relate(a, b)).toBe(relation)
  })

  // measure-classes.json forecastOf: a forecast headcount stated by an employing verb is the jobs created.
  it.each([
    [{ class: "jobs", modality: "forecast", predicate: "employ" }, { class: "jobs-created" }, "same"],
    [{ class: "jobs-created", modality: "forecast" }, { class: "jobs", modality: "forecast", predicate: "be" }, "same"],
    // Today's headcount is no count of jobs a plan creates; nor is a share of them another verb states.
    [{ class: "jobs", modality: "fact", predicate: "employ" }, { class: "jobs-created" }, "apart"],
    [{ class: "jobs", modality: "forecast", predicate: "go" }, { class: "jobs-created" }, "apart"],
    [{ class: "deaths", modality: "forecast", predicate: "be" }, { class: "injuries" }, "apart"],
    // When a piece of work is done and when what it mends is back in use: one measure (workEnd), though the
    // classes stay apart in the tree; a deadline is no such date.
    [{ class: "reopening", modality: "forecast" }, { class: "completion", modality: "forecast" }, "same"],
    [{ class: "completion", modality: "forecast" }, { class: "deadline", modality: "forecast" }, "apart"],
  ] as const)("%j against %j is %s", (a, b, relation) => {
    expect(MeasureClass.relateMeasures(a, b)).toBe(relation)
  })

  it("gives a class's broader classes, narrowest first", () => {
    expect(MeasureClass.ancestry("deaths")).toEqual(["deaths", "casualties"])
  })

  it.each([
    ["distance", true],
    ["depth", true],
    ["magnitude", false],
    ["deaths", false],
    ["unknown", false],
  ] as const)("%s is measured from a named point: %s", (cls, located) => {
    expect(MeasureClass.isLocated(cls)).toBe(located)
  })

  it("names only parents that are classes themselves", () => {
    for (const c of MeasureClass.all())
      for (const a of MeasureClass.ancestry(c)) expect(MeasureClass.isKnown(a) || a === "unknown").toBe(true)
  })
})

describe("MeasureClass.isGenericFor", () => {
  it.each([
    ["deaths", "people", true],
    ["arrests", "arrests", true],
    ["deaths", "deaths", true],
    ["injuries", "injured", true],
    ["arrests", "fans", false],
    ["unknown", "arrests", false],
  ] as const)("a figure of %s counting %s counts no group of its own: %s", (cls, word, generic) => {
    expect(MeasureClass.isGenericFor(cls, word)).toBe(generic)
  })
})

describe("MeasureClass.countedHead", () => {
  it.each([
    ["village schools", "school"],
    ["casualties", "casualty"],
    ["14 crew members", "crew"],
    ["members", "member"],
    ["class", "class"],
    ["bus", "bus"],
    ["men", "men"],
    ["Dengue Cases", "case"],
    ["", null],
    [null, null],
  ] as const)("%s is counted as %s", (counted, head) => {
    expect(MeasureClass.countedHead(counted)).toBe(head)
  })
})
