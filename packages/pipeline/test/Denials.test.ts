/**
 * Made-up claims and the denials that answer them (or do not), through the real extractor, alignment and
 * judgement of one story: a denial must land in one disputed group with the claim it denies, and only with it.
 */
import { type Claim, type Document, Ids } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { beforeAll, describe, expect, it } from "vitest"
import * as Pipeline from "../src/Pipeline.js"

/**
 * [what the row guards, the claim's article, the denial's article, a fragment of the claim, a fragment
 * of the denial, whether the two must be one disputed finding]. The articles are a day apart.
 */
type Row = readonly [string, string, string, string, string, boolean]

// biome-ignore format: one row per case
const ROWS: ReadonlyArray<Row> = [
  [
    "a claim with a figure, denied in words",
    "Dockworkers at Valdra walked out on Monday. The dockworkers' union said the operator planned to shift container handling to its terminal in Valdra, where pay is about a third lower.",
    "The operator's chief executive, Mira Tolvan, denied on Tuesday that any container handling would shift to the terminal in Valdra.",
    "planned to shift container handling", "denied on Tuesday", true,
  ],
  [
    "a claim with two figures, denied without them",
    "Fans queued for hours at the Brenholt arena. The supporters' club said the arena had cut the number of turnstiles in use from 40 at the last derby to 22 on Saturday.",
    "The arena's manager, Oskar Lind, denied that the number of turnstiles had been cut.",
    "cut the number of turnstiles", "denied that the number", true,
  ],
  [
    "the denied content in other verbs (rule denial-content)",
    "Tenants in the Harrow estate protested on Friday. Residents said the council had ignored repeated complaints about damp in the tower blocks.",
    "A council spokeswoman denied that any complaint about damp in the tower blocks had gone unanswered.",
    "ignored repeated complaints", "gone unanswered", true,
  ],
  [
    "a denied light verb met by a synonym",
    "A cargo plane crashed near Tarsk on Sunday. The airline informed the aviation regulator of the engine fault in March, according to internal emails. Its pilots had flagged the fault twice.",
    "Investigators reached the Tarsk crash site on Monday. The regulator's director denied that the agency had been told about the engine fault before the crash.",
    "informed the aviation regulator", "been told about the engine fault", true,
  ],
  [
    "the claim's verb in a form the suffix rules miss, denied by a synonym",
    "Port workers in Selby went on strike on Monday. Port workers said the refinery had been shipping jet fuel to Molvar, where it fetches higher prices.",
    "The refinery's owner, Ilse Marten, denied that it had sent any jet fuel to Molvar this year.",
    "shipping jet fuel", "sent any jet fuel", true,
  ],
  [
    "another act of the same actor in the same place",
    "The operator said it would hire 200 extra crane drivers at the Valdra terminal next year.",
    "The operator's chief executive, Mira Tolvan, denied on Tuesday that any container handling would shift to the terminal in Valdra.",
    "hire 200 extra crane drivers", "denied on Tuesday", false,
  ],
  [
    "a denial of the opposite action agrees with the claim",
    "The transit board said the fare rise would raise money to keep night bus services running.",
    "The board's chairman denied that night bus services would be cut.",
    "raise money", "would be cut", false,
  ],
  [
    "the same verb and the story's words, but not what it is done to (rule denial-arguments)",
    "The health agency said it was sending 30 extra doctors to help run the clinics in the valley.",
    "The health minister denied that clinics in the valley had sent patients away for lack of vaccine.",
    "sending 30 extra doctors", "sent patients away", false,
  ],
  [
    "a denial that shares two words is not the claim told again",
    "Police said protesters had thrown stones at officers outside the parliament building.",
    "The protest organisers denied that any officer had been injured outside the building.",
    "thrown stones", "been injured", false,
  ],
]

const documentOf = (outlet: string, text: string, publishedAt: string): Document.Document => ({
  id: Ids.documentId(outlet, text),
  outlet,
  title: null,
  publishedAt,
  url: null,
  origin: { path: `${outlet}.md`, index: 0 },
  syndicationGroup: null,
  storyId: "st-denials",
  text,
})

describe("a claim and its denial in one story", () => {
  let nlp: ReturnType<typeof Extractor.loadModel>
  beforeAll(() => {
    nlp = Extractor.loadModel()
  }, 60_000)

  it.each(ROWS)("%s", (_name, claimText, denialText, claimFragment, denialFragment, disputed) => {
    const documents = [
      documentOf("Harbour Post", claimText, "2026-10-05"),
      documentOf("Valley Wire", denialText, "2026-10-06"),
    ]
    const claims = documents.flatMap((d) => Extractor.extractWith(nlp, d))
    const find = (fragment: string): ReadonlyArray<Claim.Claim> => claims.filter((c) => c.text.includes(fragment))
    const claimIds = find(claimFragment).map((c) => c.id as string)
    const denials = find(denialFragment)
    expect(claimIds.length, `no claim holds "${claimFragment}"`).toBeGreaterThan(0)
    expect(denials.map((c) => c.attribution.stance)).toContain("denies")
    const { findings } = Pipeline.analysePlaced(documents, claims)
    const together = findings.filter(
      (f) => f.claimIds.some((id) => claimIds.includes(id)) && denials.some((d) => f.claimIds.includes(d.id)),
    )
    const summary = findings.map((f) => `${f.verdict}: ${f.summary}`).join("\n")
    expect(
      together.some((f) => f.verdict === "disputed"),
      summary,
    ).toBe(disputed)
    // A denial that answers nothing here is not flagged against anything either.
    if (!disputed) expect(together.filter((f) => f.verdict === "disputed" || f.verdict === "contradict")).toEqual([])
  })
})
