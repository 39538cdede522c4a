import { Analysis, Extractor, Quantities, Statements, TimeExpressions } from "@crosscheck/extractor"
import { basil } from "./data.js"
import { asDocument, time } from "./perf/timing.js"

const nlp = Extractor.loadModel()
const texts = basil().map((a) => a.text)
const t = (label: string, fn: () => void) => console.log(label.padEnd(20), time(fn, 1500).toFixed(1), "ms")
t("readDoc", () => {
  for (const x of texts) nlp.readDoc(x)
})
t("analyse", () => {
  for (const x of texts) Analysis.analyse(nlp, x)
})
const as = texts.map((x) => Analysis.analyse(nlp, x))
t("quantities", () => {
  for (const a of as) for (const s of a.sentences) Quantities.find(a.text, Analysis.sentenceTokens(a, s))
})
t("statements", () => {
  for (const a of as) for (const s of a.sentences) Statements.triple(Analysis.sentenceTokens(a, s))
})
t("time", () => {
  for (const a of as) for (const s of a.sentences) TimeExpressions.find(a.text.slice(s.span.start, s.span.end), null)
})
const ds = texts.map((x, i) => asDocument(x, i))
t("extract", () => {
  for (const d of ds) Extractor.extractWith(nlp, d)
})
t("readDoc", () => {
  for (const x of texts) nlp.readDoc(x)
})
