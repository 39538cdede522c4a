import { Effect } from "effect"
import { Inputs } from "@crosscheck/sources"
const r = Effect.runSync(Inputs.read(process.argv.slice(2)))
for (const d of r.documents) console.log(JSON.stringify({ ...d, text: d.text }))
console.log(r.errors, r.credits)
