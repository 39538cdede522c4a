import { Extractor } from "@crosscheck/extractor"
import { basil } from "./data.js"

const nlp = Extractor.loadModel()
const its = nlp.its
const texts = basil()
  .map((a) => a.text)
  .slice(0, 60)
const docs = texts.map((x) => nlp.readDoc(x))
const acc: Record<string, number> = {}
const t = (label: string, fn: () => void) => {
  const s = performance.now()
  fn()
  acc[label] = (acc[label] ?? 0) + performance.now() - s
}
for (let r = 0; r < 8; r++) {
  t("readDoc", () => {
    for (const x of texts) nlp.readDoc(x)
  })
  for (const f of ["value", "precedingSpaces", "pos", "type", "lemma"] as const)
    t(f, () => {
      for (const d of docs) d.tokens().out((its as any)[f])
    })
  t("sentences", () => {
    for (const d of docs) d.sentences().each((s: any) => s.out(its.span))
  })
}
console.log(
  Object.entries(acc)
    .map(([k, v]) => `${k} ${(v / 8).toFixed(1)}`)
    .join("\n"),
)
