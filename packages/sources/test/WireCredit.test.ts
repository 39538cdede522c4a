import { WireCredit } from "@crosscheck/sources"
import { describe, expect, it } from "vitest"

describe("WireCredit.find", () => {
  it.each([
    ["WASHINGTON (AP) — The Senate voted on Tuesday.", ["AP"]],
    ["LONDON (Reuters) - Prices rose.", ["Reuters"]],
    ["PARIS (AFP) -- Strikes spread.", ["AFP"]],
    ["By KIM TONG-HYUNG, Associated Press\nSEOUL — Lee said.", ["AP"]],
    ["The war went on. © Copyright 2025 The Associated Press. All rights reserved.", ["AP"]],
    ["Copyright 2025 Thomson Reuters.", ["Reuters"]],
    ["The Associated Press contributed to this report.", ["AP"]],
    ["Prices rose. (Reporting by Ana Ruiz; Editing by Tom Hale)", ["Reuters"]],
    ["Text. — AFP", ["AFP"]],
    ["(AP) — One. Reuters contributed to this report.", ["AP", "Reuters"]],
    // A photo credit is not a story credit, and agency names in prose are not credits.
    ["Lee speaks in Seoul. (Kim Min-Hee/Kyodo News via AP) SEOUL--Lee said.", []],
    ["Reuters reported on Monday that the talks had stalled.", []],
    ["The AP style guide says so.", []],
    ["", []],
  ])("%j credits %j", (text, expected) => {
    expect(WireCredit.find(text)).toEqual(expected)
  })

  it.each([
    ["By Jane Doe, Associated Press", ["AP"]],
    ["Reuters", ["Reuters"]],
    ["Mara Quint and Owen Pell", []],
    [null, []],
  ])("byline %j credits %j", (byline, expected) => {
    expect(WireCredit.inByline(byline)).toEqual(expected)
  })
})
