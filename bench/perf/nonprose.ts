/**
 * Time per character of extraction on input that is not prose (tables flattened to text, lists of
 * numbers, one long run of digits) at growing sizes: it must stay flat, never grow with the length.
 */
import { readFileSync } from "node:fs"
import { Extractor } from "@crosscheck/extractor"
import { asDocument, time } from "./timing.js"

const repeatTo = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)

const seed = readFileSync(new URL("../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
const row = (i: number) => `Region ${i}\t${(i * 137) % 9000} troops\t${i % 97}.5%\t$${i * 3},000\t${1990 + (i % 30)}\n`
const kinds: ReadonlyArray<readonly [string, (chars: number) => string]> = [
  ["prose (seed page)", (n) => repeatTo(`${seed}\n`, n)],
  ["table flattened", (n) => repeatTo(Array.from({ length: 400 }, (_, i) => row(i)).join(""), n)],
  ["list of numbers", (n) => repeatTo(Array.from({ length: 5000 }, (_, i) => String(i * 7919)).join(", "), n)],
  ["digits in a row", (n) => "7".repeat(n)],
  ["dashed digits", (n) => repeatTo("12-", n)],
]
const sizes = [10_000, 40_000, 100_000]

export const run = async (): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const lines: string[] = []
  for (const [label, make] of kinds) {
    Extractor.extractWith(nlp, asDocument(make(sizes[0] ?? 1000), 0))
    const perChar = sizes.map((n) => {
      const doc = asDocument(make(n), n)
      return (time(() => Extractor.extractWith(nlp, doc), 600) * 1000) / n
    })
    // Growth from the smallest to the largest input: above 1 the cost per character rises with length.
    const growth = (perChar[perChar.length - 1] ?? 0) / (perChar[0] ?? 1)
    const cells = perChar.map((us, i) => `${(sizes[i] ?? 0) / 1000}k ${us.toFixed(2)}`).join(", ")
    lines.push(
      `nonprose   ${label.padEnd(26)} µs/char: ${cells}  (largest/smallest input ${growth.toFixed(2)}x${growth > 1.5 ? ", GROWS WITH LENGTH" : ", flat"})`,
    )
  }
  return lines
}
