/**
 * The one unit table (units.json), read by the matcher to align quantities and by the report to
 * judge them: each unit's dimension, its factor to the dimension's reference unit, and rate periods.
 */
import referenceRates from "./reference-rates.json" with { type: "json" }
import table from "./units.json" with { type: "json" }

/** Each unit's dimension, its factor to the reference unit and, for a scale not starting at zero, its offset. */
const UNITS = table.units as unknown as Readonly<Record<string, readonly [string, number, number?]>>
const PER_DAY: Readonly<Record<string, number>> = table.per

/** ISO 4217 codes ("USD", "EUR"): money, each currency its own dimension. */
export const isCurrency = (unit: string): boolean => /^[A-Z]{3}$/.test(unit)

/** Whether the table knows the unit. */
export const isKnown = (unit: string): boolean => UNITS[unit] !== undefined

/** The dimension a unit measures ("area" for acres, "USD" for dollars, the unit itself when unlisted), null for a count. */
export const dimensionOf = (unit: string | null): string | null => {
  if (!unit) return null
  if (isCurrency(unit)) return unit
  return UNITS[unit]?.[0] ?? unit
}

/** How many of the dimension's reference unit one `unit` is (an acre is 0.405 hectares), or null when unlisted. */
export const factorOf = (unit: string): number | null => UNITS[unit]?.[1] ?? null

/** The reference unit's value at `unit`'s zero: 0 but for a scale that does not start at zero (0°F is -17.8°C). */
export const offsetOf = (unit: string): number => UNITS[unit]?.[2] ?? 0

/** A value in `unit` restated in its dimension's reference unit (104 degrees Fahrenheit: 40), or null when unlisted. */
export const toReference = (value: number, unit: string): number | null => {
  const f = factorOf(unit)
  return f === null ? null : value * f + offsetOf(unit)
}

/** The unit a dimension is compared in: the one with factor 1 ("hectare" for area), or null when none is listed. */
export const referenceUnit = (dimension: string): string | null =>
  Object.entries(UNITS).find(([, [d, f]]) => d === dimension && f === 1)?.[0] ?? null

const MINOR: Readonly<Record<string, ReadonlyArray<string>>> = table.minor

/** The currencies a coin is a hundredth of ("penny": GBP), none for any other unit. */
export const currenciesOfCoin = (minor: string): ReadonlyArray<string> => MINOR[minor] ?? []

/** A coin's share of the currency it is a hundredth of ("cent" of "EUR": 0.01), or null when it is not one. */
export const minorShare = (minor: string, currency: string): number | null =>
  MINOR[minor]?.includes(currency) ? 0.01 : null

/**
 * The factor that brings a value in `from` to `to` (1 for the same unit), or null when they do not convert
 * by a factor alone: a scale that does not start at zero (degrees Fahrenheit) converts only by `convert`.
 */
export const conversionFactor = (from: string | null, to: string | null): number | null => {
  if (from === to) return 1
  if (!from || !to) return null
  const coin = minorShare(from, to)
  if (coin !== null) return coin
  const coins = minorShare(to, from)
  if (coins !== null) return 1 / coins
  const f = UNITS[from]
  const t = UNITS[to]
  if (!f || !t || f[0] !== t[0] || (f[2] ?? 0) !== 0 || (t[2] ?? 0) !== 0) return null
  return f[1] / t[1]
}

/**
 * A value in `from` restated in `to` (104 degrees Fahrenheit in degrees Celsius: 40), or null when the two
 * do not convert. Unlike a factor, this takes a scale that does not start at zero.
 */
export const convert = (value: number, from: string | null, to: string | null): number | null => {
  const factor = conversionFactor(from, to)
  if (factor !== null) return value * factor
  if (!from || !to || dimensionOf(from) !== dimensionOf(to)) return null
  const reference = toReference(value, from)
  const f = factorOf(to)
  return reference === null || f === null ? null : (reference - offsetOf(to)) / f
}

/** Whether values in `from` restate in `to` (the same unit, a factor, or a scale's offset). */
export const converts = (from: string | null, to: string | null): boolean => convert(1, from, to) !== null

/** The units the table lists for a dimension ("duration": second, minute, hour, day, …). */
export const unitsOf = (dimension: string): ReadonlyArray<string> =>
  Object.entries(UNITS)
    .filter(([, [d]]) => d === dimension)
    .map(([u]) => u)

/** A rate period in days ("week" → 7), or undefined when the period is not listed. */
export const perDay = (per: string): number | undefined => PER_DAY[per]

/** The unit of a calendar day (units.json "date"): a quantity's value is days since 1970-01-01, UTC. */
export const DATE = "date"

const DAY_MS = 86_400_000

/** The day number of a date (UTC), as a quantity in unit DATE holds it. */
export const dayOf = (d: Date): number => Math.floor(d.getTime() / DAY_MS)

/** The ISO date of a day number ("2026-12-07"). */
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/**
 * Reference exchange rates (reference-rates.json): one unit of a currency in the base currency, for sums in
 * two currencies when no rates were given; approximate, so judged with `REFERENCE_RATES.tolerance`.
 */
export const REFERENCE_RATES: {
  readonly asOf: string
  readonly base: string
  readonly tolerance: number
  readonly apart: number
} = {
  asOf: referenceRates.asOf,
  base: referenceRates.base,
  tolerance: referenceRates.tolerance,
  apart: referenceRates.apart,
}

/** One unit of `currency` in the reference rates' base currency, or undefined when it has none. */
export const referenceRate = (currency: string): number | undefined =>
  (referenceRates.rates as Readonly<Record<string, number>>)[currency]
