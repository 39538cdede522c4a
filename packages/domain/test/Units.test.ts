import { describe, expect, it } from "vitest"
import { Units } from "../src/index.js"

describe("Units: the one unit table", () => {
  it.each([
    ["acre", "hectare", 0.40468564224],
    ["hectare", "acre", 1 / 0.40468564224],
    ["mile", "kilometre", 1.609344],
    ["foot", "metre", 0.3048],
    ["tonne", "kilogram", 1000],
    ["week", "day", 7],
    ["fortnight", "week", 2],
    ["mile per hour", "kilometre per hour", 1.609344],
    ["hectare", "hectare", 1],
    ["metre", "centimetre", 100],
    ["inch", "centimetre", 2.54],
    ["cubic metre", "litre", 1000],
    ["knot", "kilometre per hour", 1.852],
    ["megawatt", "kilowatt", 1000],
    ["part per million", "percent", 0.0001],
    ["proportion", "percent", 100],
    ["degree", "degree Celsius", 1],
    // A coin is a hundredth of the currencies units.json 'minor' lists for it.
    ["cent", "EUR", 0.01],
    ["EUR", "cent", 100],
    ["penny", "GBP", 0.01],
  ] as const)("one %s is %d %s", (from, to, factor) => {
    expect(Units.conversionFactor(from, to)).toBeCloseTo(factor, 9)
  })

  it.each([
    ["acre", "metre"],
    ["USD", "EUR"],
    ["percent", "percentage point"],
    ["gallon", "litre"],
    // A scale that does not start at zero has no factor to another; it converts by `convert`.
    ["degree Celsius", "degree Fahrenheit"],
    ["degree Fahrenheit", "degree"],
    ["hectare", null],
    ["widget", "hectare"],
    ["penny", "EUR"],
    ["cent", "GBP"],
    ["cent", "penny"],
  ] as const)("%s does not convert to %s", (from, to) => {
    expect(Units.conversionFactor(from, to)).toBeNull()
  })

  it.each([
    [104, "degree Fahrenheit", "degree Celsius", 40],
    [32, "degree Fahrenheit", "degree", 0],
    [-40, "degree Celsius", "degree Fahrenheit", -40],
    [100, "degree Celsius", "degree Fahrenheit", 212],
    [68, "degree Fahrenheit", "degree Fahrenheit", 68],
    [3, "mile", "kilometre", 4.828032],
  ] as const)("%d %s is %d %s", (value, from, to, expected) => {
    expect(Units.convert(value, from, to)).toBeCloseTo(expected, 9)
    expect(Units.converts(from, to)).toBe(true)
  })

  it.each([
    [104, "degree Fahrenheit", "kilometre"],
    [104, "degree Fahrenheit", null],
    [10, "gallon", "litre"],
  ] as const)("%d %s does not convert to %s", (value, from, to) => {
    expect(Units.convert(value, from, to)).toBeNull()
    expect(Units.converts(from, to)).toBe(false)
  })

  it.each([
    ["acre", "area"],
    ["USD", "USD"],
    ["kilometre per hour", "speed"],
    ["widget", "widget"],
    [null, null],
  ] as const)("%s measures %s", (unit, dimension) => {
    expect(Units.dimensionOf(unit)).toBe(dimension)
  })

  it.each([
    ["area", "hectare"],
    ["length", "kilometre"],
    ["duration", "second"],
    ["colour", null],
  ] as const)("%s is compared in %s", (dimension, unit) => {
    expect(Units.referenceUnit(dimension)).toBe(unit)
  })

  it.each([
    ["day", 1],
    ["week", 7],
    ["year", 365.25],
    ["fortnight", 14],
    ["shift", undefined],
  ] as const)("a rate per %s is per %d days", (per, days) => {
    expect(Units.perDay(per)).toBe(days)
  })
})
