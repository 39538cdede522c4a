import { Quantity } from "@crosscheck/domain"
import { Analysis, Extractor, Quantities } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"

// Numbers as news writes them, one made-up row per phrase, grouped by the catalogue rule that reads
// them (numbers.json, approximators.json, Numerals.ts, NotQuantities.ts).
const nlp = Extractor.loadModel()
const find = (text: string) => {
  const a = Analysis.analyse(nlp, text)
  return a.sentences.flatMap((s) => Quantities.find(text, Analysis.sentenceTokens(a, s)))
}

type Row = readonly [rule: string, sentence: string, expected: Record<string, unknown>]

const QUANTITIES: ReadonlyArray<Row> = [
  ["scale lakh (digits)", "The rally drew 1 lakh people.", { low: 100_000, high: 100_000 }],
  ["a count before a clock time in words", "Five people died at half past two.", { text: "Five", low: 5 }],
  ["half of a unit of time", "They waited half an hour for the bus.", { text: "half an hour", low: 0.5, unit: "hour" }],
  ["half of a unit of length", "The queue was half a mile long.", { text: "half a mile", low: 0.5, unit: "mile" }],
  ["half of a group is a proportion", "Half the staff left.", { text: "Half", low: 0.5, unit: "proportion" }],
  ["'to' alone is no clock: a range", "Between five and ten people came.", { low: 5, high: 10 }],
  ["scale lakh (words)", "Nearly two lakh people signed up.", { low: 200_000, approximate: "about" }],
  ["scale lakh (plural)", "The fair drew 3 lakhs visitors.", { low: 300_000 }],
  ["scale crore with rupees", "The firm paid Rs 5 crore in fees.", { low: 50_000_000, unit: "INR" }],
  ["scale crore with decimals", "The project costs Rs 2.5 crore.", { low: 25_000_000, unit: "INR" }],
  ["taka after a scale word", "Each family will get 200 thousand taka.", { low: 200_000, unit: "BDT" }],
  ["shillings named by country", "The fine was 50,000 Kenyan shillings.", { low: 50_000, unit: "KES" }],
  ["scale crore (words)", "They spent a crore on the hall.", { low: 10_000_000 }],
  ["vague lakhs of", "Lakhs of pilgrims came.", { low: 100_000, approximate: "vague" }],
  ["thousands point, counted people", "Police counted 2.700 people at the march.", { low: 2700, counted: "people" }],
  ["thousands point, counted homes", "The storm damaged 1.250 homes.", { low: 1250 }],
  ["thousands point, an area", "The blaze has burned 3.800 hectares.", { low: 3800, unit: "hectare" }],
  ["decimal comma before a percent sign", "The Greens took 14,6 % of the vote.", { low: 14.6, unit: "percent" }],
  ["decimal comma before per cent", "Unemployment fell to 5,3 per cent.", { low: 5.3, unit: "percent" }],
  ["decimal comma before a scale", "The city will spend 72,5 million euros.", { low: 72_500_000, unit: "EUR" }],
  ["Indian grouping", "Some 3,40,000 people were moved to camps.", { low: 340_000 }],
  ["Indian grouping, crore-sized", "The state counted 1,25,60,000 voters.", { low: 12_560_000 }],
  ["thousands points, two groups", "Some 2.700.000 voters took part.", { low: 2_700_000, approximate: "about" }],
  ["decimal point with a unit stays decimal", "The parcel weighs 2.700 kg.", { low: 2.7, unit: "kilogram" }],
  ["decimal point with a scale stays decimal", "It has 1.356 billion users.", { low: 1.356e9 }],
  ["decimal point alone stays decimal", "The index closed at 96.088 on Monday.", { low: 96.088 }],
  ["thousands space", "About 3 500 people marched.", { low: 3500, approximate: "about" }],
  ["thousands spaces, two groups", "The region has 12 000 000 residents.", { low: 12_000_000 }],
  ["thousands no-break space", "Crews rebuilt 4\u00a0200 homes.", { low: 4200 }],
  ["thousands thin space", "Crews rebuilt 4\u202f200 homes.", { low: 4200 }],
  ["thousands space before percent", "Prices rose 1 200 % in a year.", { low: 1200, unit: "percent" }],
  ["suffix m", "The app has 1.2m users.", { low: 1.2e6 }],
  ["suffix bn with dollars", "The deal is worth $3bn.", { low: 3e9, unit: "USD" }],
  ["suffix bn with pounds", "The fund holds £4.5bn.", { low: 4.5e9, unit: "GBP" }],
  ["suffix m with euros", "The club paid €2.1m for him.", { low: 2.1e6, unit: "EUR" }],
  ["money suffix m split off by a space", "A fund will grant $ 3.2 m to the club .", { low: 3.2e6, unit: "USD" }],
  ["money suffix k split off by a space", "The fee was £ 500 k this year.", { low: 500_000, unit: "GBP" }],
  ["a spaced m after a bare number stays metres", "The wall is 5 m high.", { low: 5, unit: "metre" }],
  ["a dozen", "A dozen houses burned.", { low: 12, high: 12, approximate: "exact" }],
  ["dozens of", "Dozens of houses burned.", { low: 12, high: 120, approximate: "vague" }],
  ["hundreds of", "Hundreds of houses burned.", { low: 100, high: 1000, approximate: "vague" }],
  ["thousands of", "Thousands of houses burned.", { low: 1000, high: 10_000, approximate: "vague" }],
  ["tens of thousands of", "Tens of thousands of houses burned.", { low: 10_000, high: 100_000 }],
  ["range with a hyphen", "Between 40-50 people were hurt.", { low: 40, high: 50 }],
  ["range between and", "Between 40 and 50 people were hurt.", { low: 40, high: 50 }],
  ["range with a scale on the second end", "It costs between 3 and 5 million dollars.", { low: 3e6, high: 5e6 }],
  ["fraction of a base", "Two-thirds of the voters stayed home.", { unit: "proportion", counted: "voter" }],
  ["article fraction", "A third of the homes were empty.", { low: 1 / 3, unit: "proportion" }],
  ["percentage of a named base", "Some 40% of voters backed him.", { low: 40, unit: "percent", counted: "voter" }],
  [
    "shares: one in five",
    "One in five users is a pensioner.",
    { text: "One in five", low: 0.2, unit: "proportion", counted: "user", measure: { class: "share" } },
  ],
  ["shares: in ten, words", "Six in ten residents opposed the plan.", { low: 0.6, counted: "resident" }],
  ["shares: digits", "Nearly 3 in 10 drivers were fined.", { low: 0.3, approximate: "about", counted: "driver" }],
  ["shares: out of every", "Three out of every four homes lost power.", { low: 0.75, unit: "proportion" }],
  ["shares: a unit after it is no share", "One in 10 minutes of airtime went to ads.", { text: "10 minutes" }],
  ["shares: a year is no denominator", "Two in 2024 and three since.", { low: 2 }],
  [
    "shares: the noun between the counts",
    "One child in five is poor.",
    { text: "One child in five", low: 0.2, unit: "proportion", counted: "child" },
  ],
  [
    "shares: a unit between the counts",
    "One hour in every six is lost.",
    { text: "One hour in every six", low: 1 / 6 },
  ],
  [
    "shares: a noun after the denominator makes no share of the first",
    "Two injured in three crashes.",
    { text: "Two", low: 2 },
  ],
  ["per cent written out", "Turnout was 62 per cent.", { low: 62, unit: "percent" }],
  ["approximately and ages next to casualties", "Five people, aged 20 to 60, died.", { low: 5 }],
  [
    "lengthArticle after a bound",
    "The pier will stay shut for at least a week.",
    { low: 1, unit: "week", approximate: "at-least" },
  ],
  ["lengthArticle after up to", "The ward could be closed for up to a month.", { low: 1, unit: "month" }],
  ["lengthArticle after within", "The firm hopes to reopen within a year.", { low: 1, unit: "year", text: "a year" }],
  ["lengthArticle, an hour", "Queues lasted more than an hour.", { low: 1, unit: "hour" }],
]

/** Sentences whose only number is no quantity. */
const NOT_QUANTITIES: ReadonlyArray<readonly [rule: string, sentence: string]> = [
  ["one person who speaks", "One passenger told reporters the bus had braked hard."],
  ["one person who speaks, said", "One survivor said the water rose in minutes."],
  [
    "one person who speaks, past an apposition",
    'One lifeguard, still soaked to the waist, told the paper: "We got them out."',
  ],
  ["year after in", "In 2019 the plant closed."],
  ["year after since", "Prices have risen since 1998."],
  ["year range", "The war of 1914-1918 changed it."],
  ["day before month", "The vote was held on 3 March."],
  ["month before day", "The vote was held on March 3."],
  ["ordinal day", "The vote was held on the 3rd of March."],
  ["ISO date", "The file is dated 2024-05-01."],
  ["slashed date", "The form was signed on 5/14/2023."],
  ["clock time", "The train left at 10:30."],
  ["clock time with pm", "The meeting starts at 9 pm."],
  ["clock time glued am", "The shop opens at 9am daily."],
  ["clock time with minutes glued pm", "The night shift starts at 10:00pm daily."],
  ["clock time ending a sentence", "The shift ends at 6:00am. Asked why, he left."],
  ["clock time in words, half past", "She always leaves at half past five."],
  ["clock time in words, quarter to", "The shop opens at quarter to nine."],
  ["clock time in words, minutes past", "They met at ten past six."],
  ["clock time in words, o'clock", "The bus came at five o'clock."],
  ["clock time in words, pm", "The train left at five pm."],
  ["route number", "The crash closed Route 9 overnight."],
  ["interstate number", "Traffic stopped on I-95 near the bridge."],
  ["highway number", "Crews reopened Highway 401 by noon."],
  ["flight code", "Flight MH17 was shot down."],
  ["flight number", "The passengers of flight 370 were never found."],
  ["bus number", "He boarded bus 42 at the depot."],
  ["ordinal word", "The second round starts soon."],
  ["ordinal digits", "It was the 21st attempt."],
  ["name with a number", "The COVID-19 wave eased."],
  ["product number", "The iPhone 15 sold out."],
  ["numbered address", "He left No. 10 at dawn."],
  ["article of a law", "They invoked article 5 of the treaty."],
  ["chapter of the code", "The firm filed for chapter 11 protection."],
  ["sports score", "The home side won 3-1 on Sunday."],
  ["sports score with beat", "They beat the visitors 2-0."],
  ["phone number", "Call 555-123-4567 for details."],
  ["phone number in brackets", "Call (020) 794-6095 for details."],
  ["software version", "The update 4.2.1 fixed it."],
  ["lengthArticle: a point in time", "The mill shut a year ago."],
  ["lengthArticle: a rate", "The board meets twice a month."],
  ["lengthArticle: a period after 'for'", "The card gives free calls for a month."],
  ["lengthArticle: a unit of time in a noun group", "It was a day of talks."],
]

describe("News numbers: values as outlets write them", () => {
  it(`reads each phrase (${QUANTITIES.length} rows)`, () => {
    for (const [rule, sentence, expected] of QUANTITIES)
      expect.soft(find(sentence)[0], `${rule}: ${sentence}`).toMatchObject(expected)
  })
})

describe("News numbers: numbers that are not quantities", () => {
  it(`finds no quantity (${NOT_QUANTITIES.length} rows)`, () => {
    for (const [rule, sentence] of NOT_QUANTITIES)
      expect
        .soft(
          find(sentence).map((q) => q.text),
          `${rule}: ${sentence}`,
        )
        .toEqual([])
  })

  it("keeps a count next to a year, a date or a route", () => {
    const rows: ReadonlyArray<readonly [string, number]> = [
      ["In 2019, 300 workers lost their jobs.", 300],
      ["On March 3, 40 people were hurt on Route 9.", 40],
      ["The second blast killed 12 people.", 12],
    ]
    for (const [sentence, value] of rows)
      expect
        .soft(
          find(sentence).map((q) => q.low),
          sentence,
        )
        .toEqual([value])
  })

  it("gives several numbers of one sentence each their own measure", () => {
    const qs = find("In 2021, 12 were killed and 30 injured on Highway 9.")
    expect(qs.map((q) => [q.low, Quantity.measureOf(q).class])).toEqual([
      [12, "deaths"],
      [30, "injuries"],
    ])
  })
})
