/**
 * A CPU profile of extraction over BASIL, for `node --import tsx --cpu-prof bench/profile-extract.ts`:
 * reads the built extractor (dist), warms up once, then extracts every article six times.
 */
import { Extractor } from "../packages/extractor/dist/index.js"
import { basil } from "./data.js"
import { asDocument } from "./perf/timing.js"

const nlp = Extractor.loadModel()
const docs = basil().map((a, i) => asDocument(a.text, i))
for (const d of docs) Extractor.extractWith(nlp, d)
const started = performance.now()
for (let round = 0; round < 6; round++) for (const d of docs) Extractor.extractWith(nlp, d)
console.log(`${docs.length} docs x 6 in ${(performance.now() - started).toFixed(0)} ms`)
