import type { Claim } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as TimeScope from "../src/internal/timeScope.js"
import { claim, doc } from "./build.js"

const a = doc("a", "It happened.", { publishedAt: "2025-08-15" })
const b = doc("b", "It happened.", { publishedAt: "2024-01-10" })
const docs = new Map([a, b].map((d) => [d.id as string, d]))
const at = (d: typeof a, time: Claim.TimeScope | null) => claim(d, "It happened.", { time })
const t = (text: string, start: string | null, end: string | null = start): Claim.TimeScope => ({ text, start, end })

describe("TimeScope.relate", () => {
  it.each([
    ["both untimed", null, null, a, "same"],
    [
      "July 2023 against 2023",
      t("July 2023", "2023-07-01", "2023-07-31"),
      t("in 2023", "2023-01-01", "2023-12-31"),
      a,
      "same",
    ],
    [
      "July 2023 against 2024",
      t("July 2023", "2023-07-01", "2023-07-31"),
      t("in 2024", "2024-01-01", "2024-12-31"),
      a,
      "different",
    ],
    ["one day against the next", t("Monday", "2025-08-11"), t("Tuesday", "2025-08-12"), a, "different"],
    ["same unresolved text", t("last week", null), t("Last  week", null), a, "same"],
    ["different unresolved texts", t("last week", null), t("later", null), a, "unknown"],
    ["dated against untimed, published that week", t("Monday", "2025-08-11"), null, a, "same"],
    ["dated against untimed, published a year later", t("Monday", "2025-08-11"), null, b, "different"],
    ["unresolved against untimed", t("around that time", null), null, a, "unknown"],
  ] as const)("%s: %s", (_name, ta, tb, other, relation) => {
    expect(TimeScope.relate(at(a, ta), at(other, tb), docs)).toBe(relation)
  })
})
