import { Extractor } from "@crosscheck/extractor"
import { it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { describe, expect } from "vitest"
import { Pipeline, Verify } from "../src/index.js"

describe("verify --pairs when the extractor fails on one pair's text", () => {
  it.effect("gives that pair an error naming its line and judges the others", () =>
    Effect.gen(function* () {
      const standard = yield* Effect.provide(Extractor.Extractor, Pipeline.layer())
      const failing = Layer.succeed(Extractor.Extractor, {
        extract: (d) => {
          if (d.text.includes("Brellin")) throw new Error("out of stack")
          return standard.extract(d)
        },
      })
      const lines = [
        JSON.stringify({
          id: "a",
          claim: "40 people were hurt in Dunmore",
          text: "Forty people were hurt in Dunmore on Monday.",
        }),
        "",
        JSON.stringify({ id: "b", claim: "12 boats sank in Brellin", text: "A dozen boats sank in Brellin harbour." }),
        JSON.stringify({ id: "c", claim: "12 boats sank in Ostby", text: "A dozen boats sank in Ostby harbour." }),
      ]
      const out = yield* Verify.pairs(lines, "pairs.jsonl").pipe(Effect.provide(failing))
      expect(out.map((o) => o.id)).toEqual(["a", "b", "c"])
      expect(out[1]).toEqual({
        id: "b",
        error:
          "verify: could not judge this pair (an internal error, please report it: out of stack) (pairs.jsonl line 3)",
      })
      expect(out[0] && "stance" in out[0] ? out[0].stance : "error").toBe("supports")
      expect(out[2] && "stance" in out[2] ? out[2].stance : "error").toBe("supports")
    }),
  )
})
