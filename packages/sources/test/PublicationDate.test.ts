import { PublicationDate, RelativeDate } from "@crosscheck/sources"
import { describe, expect, it } from "vitest"

const anchor = new Date("2025-08-15T12:00:00Z")

describe("PublicationDate.normalise", () => {
  it.each([
    ["2025-08-15", null, "2025-08-15"],
    ["2025-08-15T10:30:00Z", null, "2025-08-15T10:30:00Z"],
    ["2025-08-15T10:30:00+09:00", null, "2025-08-15T10:30:00+09:00"],
    ["2025-02-30", null, null],
    ["August 15, 2025", null, "2025-08-15"],
    ["Aug. 15, 2025", null, "2025-08-15"],
    ["Sept 3, 2025", null, "2025-09-03"],
    ["Friday, August 15, 2025", null, "2025-08-15"],
    ["15 August 2025", null, "2025-08-15"],
    ["Published: Aug 15, 2025", null, "2025-08-15"],
    ["Fri, 15 Aug 2025 06:45:00 GMT", null, "2025-08-15T06:45:00.000Z"],
    ["08/09/2025", anchor, null],
    ["next week", anchor, null],
    ["", anchor, null],
    ["3 hours ago", null, null],
    ["3 hours ago", anchor, "2025-08-15T09:00:00.000Z"],
    ["25 minutes ago", anchor, "2025-08-15T11:35:00.000Z"],
    ["an hour ago", anchor, "2025-08-15T11:00:00.000Z"],
    ["3h ago", anchor, "2025-08-15T09:00:00.000Z"],
    ["5 mins ago", anchor, "2025-08-15T11:55:00.000Z"],
    ["2 days ago", anchor, "2025-08-13T12:00:00.000Z"],
    ["Updated 2 days ago", anchor, "2025-08-13T12:00:00.000Z"],
    ["yesterday", anchor, "2025-08-14T12:00:00.000Z"],
    ["yesterday", null, null],
    ["a year ago", anchor, "2024-08-15T12:00:00.000Z"],
  ])("%j (anchored: %j) gives %j", (value, at, expected) => {
    expect(PublicationDate.normalise(value, at)).toBe(expected)
  })
})

describe("date lines on pages", () => {
  it.each([
    ["3 hours ago", true],
    ["Aug 15, 2025", true],
    ["just now", true],
    ["Asahi Shimbun", false],
    ["It happened 3 hours ago, officials said.", false],
  ])("%j is a date line: %j", (line, expected) => {
    expect(PublicationDate.isDateLine(line)).toBe(expected)
  })

  it("knows a relative line from prose", () => {
    expect(RelativeDate.isRelative("25 minutes ago")).toBe(true)
    expect(RelativeDate.isRelative("the meeting 25 minutes ago")).toBe(false)
  })
})
