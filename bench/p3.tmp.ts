import { Analysis, Extractor, Quantities } from "@crosscheck/extractor"
import { basil } from "./data.js"

const nlp = Extractor.loadModel()
const as = basil().map((a) => Analysis.analyse(nlp, a.text))
const s0 = performance.now()
for (let r = 0; r < 10; r++)
  for (const a of as) for (const s of a.sentences) Quantities.find(a.text, Analysis.sentenceTokens(a, s))
console.log("q", (performance.now() - s0) / 10)
