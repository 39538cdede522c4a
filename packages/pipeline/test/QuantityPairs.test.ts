/**
 * Made-up premise/hypothesis pairs in the shape of RTE-Quant (does the premise entail a claim about a
 * quantity?), through `verify --pairs` with the real extractor: a guard on the judgement's number rules.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Pipeline, Verify } from "../src/index.js"

type Label = "entailment" | "not"

/** [what the row guards, premise, hypothesis, label]: entailment is `supports`, anything else is not. */
const PAIRS: ReadonlyArray<readonly [string, string, string, Label]> = [
  [
    "the same count",
    "Rescue teams pulled 14 miners from the flooded shaft on Tuesday .",
    "14 miners were rescued from a flooded shaft",
    "entailment",
  ],
  [
    "a count written as a word",
    "Rescue teams pulled fourteen miners from the flooded shaft on Tuesday .",
    "14 miners were pulled from a flooded shaft",
    "entailment",
  ],
  [
    "another count of the same thing",
    "Rescue teams pulled 14 miners from the flooded shaft on Tuesday .",
    "41 miners were pulled from a flooded shaft",
    "not",
  ],
  [
    "a figure for something else: wounded against killed",
    "The blast in the market killed 9 people and wounded 31 , police said .",
    "31 people were killed in the market blast , police say",
    "not",
  ],
  [
    "a speaker's figure, reported by the premise",
    "The storm destroyed 230 homes along the coast , according to the regional governor .",
    "The storm destroyed 230 homes , the governor says",
    "entailment",
  ],
  [
    "a speaker's figure the premise hedges",
    "The storm may have destroyed 230 homes along the coast , according to the regional governor .",
    "The storm destroyed 230 homes , the governor says",
    "not",
  ],
  [
    "the outlet's own count, the premise citing where it comes from",
    "Six people were injured , four of them seriously , according to state television .",
    "Six people were injured",
    "entailment",
  ],
  [
    "a share written as a count out of a count, against a percentage of the same group",
    "One in five users of the town's food bank is a pensioner , the charity said .",
    "20 per cent of the food bank's users are pensioners , the charity says",
    "entailment",
  ],
  [
    "a share against another percentage of the same group",
    "One in five users of the town's food bank is a pensioner , the charity said .",
    "45 per cent of the food bank's users are pensioners , the charity says",
    "not",
  ],
  [
    "millions written with a spaced suffix",
    "The charity will give $ 4.5 m to rebuild the coastal schools .",
    "The charity will give $ 4.5 million to rebuild coastal schools",
    "entailment",
  ],
  [
    "millions against another amount",
    "The charity will give $ 4.5 m to rebuild the coastal schools .",
    "The charity will give $ 45 million to rebuild coastal schools",
    "not",
  ],
  [
    "a rounded figure",
    "The festival drew 10,200 visitors over the weekend , organisers said .",
    "About 10,000 visitors came to the festival , organisers say",
    "entailment",
  ],
  [
    "a percentage",
    "Turnout in the city vote reached 62 percent , the electoral office said .",
    "Turnout in the city vote was 62 % , the electoral office says",
    "entailment",
  ],
  [
    "another percentage",
    "Turnout in the city vote reached 62 percent , the electoral office said .",
    "Turnout in the city vote was 26 % , the electoral office says",
    "not",
  ],
  [
    "a bound the premise's figure meets, close to it",
    "The ferry was carrying 212 passengers when it ran aground .",
    "The ferry was carrying more than 200 passengers when it ran aground",
    "entailment",
  ],
  [
    "a bound the premise's figure does not meet",
    "The ferry was carrying 212 passengers when it ran aground .",
    "The ferry was carrying more than 300 passengers when it ran aground",
    "not",
  ],
  [
    "a figure whose bound counts something else",
    "Deputies arrested 22 men in the county during the raid .",
    "22 men from at least 4 counties were arrested in the raid",
    "not",
  ],
  [
    "an estimated figure stated as estimated",
    "Officials put the crowd at an estimated 8,000 people in the main square .",
    "An estimated 8,000 people filled the main square",
    "entailment",
  ],
  [
    "ages of the people, not a count of them",
    "Ann Lee , 16 , and Tom Roe , 17 were charged as adults , police said .",
    "17 teenagers were charged as adults",
    "not",
  ],
  [
    "a distance in another unit",
    "The tremor was centred 60 kilometres south of the capital , the seismology office said .",
    "The tremor was centred 37 miles south of the capital , the seismology office says",
    "entailment",
  ],
  [
    "a dozen",
    "A dozen fishing boats sank in the harbour overnight .",
    "12 fishing boats sank in the harbour",
    "entailment",
  ],
]

describe("made-up quantity pairs through verify --pairs", () => {
  const lines = PAIRS.map(([, premise, hypothesis], i) => JSON.stringify({ id: i, claim: hypothesis, text: premise }))
  const results = Effect.runPromise(Verify.pairs(lines, "pairs").pipe(Effect.provide(Pipeline.layer())))

  it.each(PAIRS.map((row, i) => [...row, i] as const))("%s", async (_name, _premise, _hypothesis, label, i) => {
    const out = (await results)[i]
    expect(out && "stance" in out, JSON.stringify(out)).toBe(true)
    const stance = out && "stance" in out ? out.stance : "error"
    const explanation = out && "stance" in out ? out.explanation : ""
    expect(stance === "supports" ? "entailment" : "not", explanation).toBe(label)
  })
})
