import { readFileSync } from "node:fs"
import { Analysis, Extractor, Quantities } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"

const nlp = Extractor.loadModel()
const find = (text: string) => {
  const a = Analysis.analyse(nlp, text)
  return a.sentences.flatMap((s) => Quantities.find(text, Analysis.sentenceTokens(a, s)))
}
type Row = readonly [
  sentence: string,
  text: string,
  low: number,
  high: number,
  approximate: string,
  unit: string | null,
  per: string | null,
]

/** The quantity of a sentence with this text, failing with what was found instead. */
const found = (sentence: string, text: string) => {
  const q = find(sentence).find((x) => x.text === text)
  expect(
    q,
    `found: ${find(sentence)
      .map((x) => x.text)
      .join(" | ")}`,
  ).toBeDefined()
  return q
}

describe("Quantities: values, ranges, approximators, units and rates", () => {
  it.each<Row>([
    // digits, separators, decimals, scales
    ["The plant employs 13,000 workers.", "13,000", 13000, 13000, "exact", null, null],
    ["Revenue was $7.36 billion.", "$7.36 billion", 7.36e9, 7.36e9, "exact", "USD", null],
    ["Its net worth is $1.762bn.", "$1.762bn", 1.762e9, 1.762e9, "exact", "USD", null],
    ["It has 35m users of its devices.", "35m", 35e6, 35e6, "exact", null, null],
    ["Sales reached 4.3M copies.", "4.3M", 4.3e6, 4.3e6, "exact", null, null],
    ["The index fell 3.2 million points.", "3.2 million points", 3.2e6, 3.2e6, "exact", "point", null],
    ["The offense managed -5 yards.", "-5 yards", -5, -5, "exact", "yard", null],
    ["The deficit hit $-50.8bn in April.", "$-50.8bn", -50.8e9, -50.8e9, "exact", "USD", null],
    [
      "The mass is approximately 1.99×10−30 kilograms.",
      "approximately 1.99×10−30 kilograms",
      1.99e-30,
      1.99e-30,
      "about",
      "kilogram",
      null,
    ],
    ["They play for a .500 record.", ".500", 0.5, 0.5, "exact", null, null],
    // words
    ["Eighty nations signed.", "Eighty", 80, 80, "exact", null, null],
    ["She bought a dozen eggs.", "a dozen", 12, 12, "exact", null, null],
    ["It pays three thousand tests per day.", "three thousand", 3000, 3000, "exact", null, "day"],
    ["It lists twenty-five rules.", "twenty-five", 25, 25, "exact", null, null],
    ["They found one hundred and fifty graves.", "one hundred and fifty", 150, 150, "exact", null, null],
    // a decimal said digit by digit, with the scale after it
    [
      "The lorries cost six point four million euros.",
      "six point four million euros",
      6.4e6,
      6.4e6,
      "exact",
      "EUR",
      null,
    ],
    ["The hall is two point five kilometres long.", "two point five kilometres", 2.5, 2.5, "exact", "kilometre", null],
    ["Four points were lost.", "Four points", 4, 4, "exact", "point", null],
    [
      "It receives up to half a billion U.S. dollars annually.",
      "up to half a billion U.S. dollars",
      5e8,
      5e8,
      "at-most",
      "USD",
      "year",
    ],
    ["Nearly two-thirds of the sales were CDs.", "Nearly two-thirds", 2 / 3, 2 / 3, "about", "proportion", null],
    ["A third of the people were screened.", "A third", 1 / 3, 1 / 3, "exact", "proportion", null],
    // A fraction "of a million" is that much of the scale, not a share and then a million.
    ["It makes a quarter of a million bikes.", "a quarter of a million", 250000, 250000, "exact", null, null],
    [
      "Three quarters of a million euros went.",
      "Three quarters of a million euros",
      750000,
      750000,
      "exact",
      "EUR",
      null,
    ],
    ["Revenue grew more than sixfold.", "more than sixfold", 6, 6, "at-least", "time", null],
    // A number of times in one word, as "four times" is.
    ["The plant had failed twice since November.", "twice", 2, 2, "exact", "time", null],
    ["The boilers broke down four times this winter.", "four times", 4, 4, "exact", "time", null],
    // ranges
    ["Another 25,000-30,000 soldiers are coming.", "25,000-30,000", 25000, 30000, "exact", null, null],
    [
      "Prices rose between 40 and 45 million dollars.",
      "between 40 and 45 million dollars",
      40e6,
      45e6,
      "exact",
      "USD",
      null,
    ],
    [
      "It earned anywhere from $1.7 billion to $5.5 billion.",
      "anywhere from $1.7 billion to $5.5 billion",
      1.7e9,
      5.5e9,
      "exact",
      "USD",
      null,
    ],
    [
      "He was travelling at 15 to 22 miles per hour.",
      "15 to 22 miles per hour",
      15,
      22,
      "exact",
      "mile per hour",
      null,
    ],
    // A word of change before "from A to B" makes it a change (approximators.changedFrom): the figure now is B.
    ["Valve lift went from 13.5 to 14.0 mm.", "14.0 mm", 14, 14, "exact", "millimetre", null],
    [
      "People earning between $48,000 and $90,000 a year.",
      "between $48,000 and $90,000",
      48000,
      90000,
      "exact",
      "USD",
      "year",
    ],
    ["Prices should increase between 5% and 6%.", "between 5% and 6%", 5, 6, "exact", "percent", null],
    ["A 5-10W laser heats it.", "5-10W", 5, 10, "exact", "watt", null],
    ["It goes 0-to-60-mph in 3 seconds.", "0-to-60-mph", 0, 60, "exact", "mile per hour", null],
    [
      "Fees range from 1 per cent to 1.5 per cent.",
      "from 1 per cent to 1.5 per cent",
      1,
      1.5,
      "exact",
      "percent",
      null,
    ],
    ["He dropped from 208 pounds to 193 this year.", "193", 193, 193, "exact", "pound", null],
    ["The rota was cut from eight to seven shifts.", "seven", 7, 7, "exact", null, null],
    ["The club trimmed its youth squad from 30 to 24 players.", "24", 24, 24, "exact", null, null],
    ["Bids ranged from 40 to 55 euros.", "from 40 to 55 euros", 40, 55, "exact", "EUR", null],
    // approximators
    ["About 70% voted against.", "About 70%", 70, 70, "about", "percent", null],
    ["It cost roughly $2.11 per gallon.", "roughly $2.11", 2.11, 2.11, "about", "USD", "gallon"],
    ["Almost 600 people work there.", "Almost 600", 600, 600, "about", null, null],
    ["Some 60 fishermen live there.", "Some 60", 60, 60, "about", null, null],
    ["It has more than 1000 customers.", "more than 1000", 1000, 1000, "at-least", null, null],
    ["Winds of at least 74 mph are expected.", "at least 74 mph", 74, 74, "at-least", "mile per hour", null],
    ["Fewer than 20 remain.", "Fewer than 20", 20, 20, "at-most", null, null],
    ["The company plans to hire up to 400 people.", "up to 400", 400, 400, "at-most", null, null],
    // "up to about": a soft limit, an approximate figure of the most ("rocks landed up to about 400 metres
    // away" and "the furthest landed 410 metres away" agree).
    [
      "It faces a fine of up to about 425,000 pounds.",
      "up to about 425,000 pounds",
      425000,
      425000,
      "about",
      "GBP",
      null,
    ],
    ["The missing wages add up to about 18 million euros.", "about 18 million euros", 18e6, 18e6, "about", "EUR", null],
    [
      "Waves at the mouth of the loch were no higher than 2 metres.",
      "no higher than 2 metres",
      2,
      2,
      "at-most",
      "metre",
      null,
    ],
    ["The crowd was no smaller than 300.", "no smaller than 300", 300, 300, "at-least", null, null],
    ["The single fare will go up to £2.10 in May.", "£2.10", 2.1, 2.1, "exact", "GBP", null],
    ["Rents went up to 900 euros a month.", "900 euros", 900, 900, "exact", "EUR", "month"],
    ["As many as 30 boats sank.", "As many as 30", 30, 30, "at-most", null, null],
    ["It reached 1,000 or more homes.", "1,000 or more", 1000, 1000, "at-least", null, null],
    // A bound a little off its figure keeps its words, which the judgement reads as a near bound.
    ["Slightly more than 40 people came.", "Slightly more than 40", 40, 40, "at-least", null, null],
    ["A little under 300 people signed.", "A little under 300", 300, 300, "at-most", null, null],
    ["A ~1.2mm gap.", "~1.2mm", 1.2, 1.2, "about", "millimetre", null],
    ["It sells sub-7 nanometer chips.", "sub-7 nanometer", 7, 7, "at-most", "nanometre", null],
    // vague magnitudes
    ["North Korea is sending thousands of builders.", "thousands of", 1000, 10000, "vague", null, null],
    ["There are tens of thousands of students.", "tens of thousands of", 10000, 100000, "vague", null, null],
    ["Dozens of people were killed.", "Dozens of", 12, 120, "vague", null, null],
    [
      "It adds tens of thousands of dollars to the price.",
      "tens of thousands of dollars",
      10000,
      100000,
      "vague",
      "USD",
      null,
    ],
    // percent and money
    ["They pledge 1% of their earnings.", "1%", 1, 1, "exact", "percent", null],
    [
      "It generates more than 60 per cent of its revenue.",
      "more than 60 per cent",
      60,
      60,
      "at-least",
      "percent",
      null,
    ],
    ["Margins rose 60 basis points.", "60 basis points", 60, 60, "exact", "basis point", null],
    ["It sold for 7,199 Chinese yuan.", "7,199 Chinese yuan", 7199, 7199, "exact", "CNY", null],
    ["Shares rose to RM23.50 on Friday.", "RM23.50", 23.5, 23.5, "exact", "MYR", null],
    ["They paid HK $216,925 for flights.", "HK $216,925", 216925, 216925, "exact", "HKD", null],
    ["The package was worth up to PS2.7m.", "up to PS2.7m", 2.7e6, 2.7e6, "at-most", "GBP", null],
    ["Nintendo fell to Y=28,030.", "Y=28,030", 28030, 28030, "exact", "JPY", null],
    ["A stimulus of INR1 trillion was announced.", "INR1 trillion", 1e12, 1e12, "exact", "INR", null],
    ["The yacht cost USD10m last year.", "USD10m", 10e6, 10e6, "exact", "USD", null],
    ["Guidance fell to $US160 million.", "$US160 million", 160e6, 160e6, "exact", "USD", null],
    ["Turnover was 1.3 billion shekels.", "1.3 billion shekels", 1.3e9, 1.3e9, "exact", "ILS", null],
    // Crowns with their country are its money; bare crowns belong to no one country (a counted noun).
    ["The firm lost 2.1 billion Swedish crowns.", "2.1 billion Swedish crowns", 2.1e9, 2.1e9, "exact", "SEK", null],
    ["The fine was 40,000 Danish crowns.", "40,000 Danish crowns", 40000, 40000, "exact", "DKK", null],
    ["The ticket cost 300 Czech crowns.", "300 Czech crowns", 300, 300, "exact", "CZK", null],
    ["The ticket cost 300 crowns.", "300", 300, 300, "exact", null, null],
    ["A meal costs about 15 euros.", "about 15 euros", 15, 15, "about", "EUR", null],
    ["The euro bought $1.1396 EUR at noon.", "$1.1396 EUR", 1.1396, 1.1396, "exact", "EUR", null],
    ["It has a $3500 a month mortgage.", "$3500", 3500, 3500, "exact", "USD", "month"],
    ["The shelter opens 11 hours each night.", "11 hours", 11, 11, "exact", "hour", "day"],
    ["Crude was at US $58.24 per barrel.", "US $58.24", 58.24, 58.24, "exact", "USD", "barrel"],
    ["He won 5 million pounds in the lottery.", "5 million pounds", 5e6, 5e6, "exact", "GBP", null],
    // A scale word hyphened into a compound: "a 2-million-euro fund", "a $4.5-billion deal".
    ["The council set up a 2-million-euro repair fund.", "2-million-euro", 2e6, 2e6, "exact", "EUR", null],
    ["It signed a $4.5-billion deal.", "$4.5-billion", 4.5e9, 4.5e9, "exact", "USD", null],
    ["The contract was up 19 cents today.", "19 cents", 19, 19, "exact", "cent", null],
    // length, area, mass, speed, duration, age and more
    ["The aircraft is 72.7 metres long.", "72.7 metres", 72.7, 72.7, "exact", "metre", null],
    ["The debris field stretched for some seven miles.", "some seven miles", 7, 7, "about", "mile", null],
    ["It burned 1500 hectares of forest.", "1500 hectares", 1500, 1500, "exact", "hectare", null],
    ["The farm covers 300 acres.", "300 acres", 300, 300, "exact", "acre", null],
    ["Offices of 500 sq m are scarce.", "500 sq m", 500, 500, "exact", "square metre", null],
    ["The boot holds 24.5 cubic feet.", "24.5 cubic feet", 24.5, 24.5, "exact", "cubic foot", null],
    ["He weighs 90 kg now.", "90 kg", 90, 90, "exact", "kilogram", null],
    ["The limit is 87 mph (140 km/h) here.", "87 mph", 87, 87, "exact", "mile per hour", null],
    ["The 6.1-inch display is bright.", "6.1-inch", 6.1, 6.1, "exact", "inch", null],
    ["A 3.5-liter V-6 engine.", "3.5-liter", 3.5, 3.5, "exact", "litre", null],
    ["The Lamborghini has a 640bhp engine.", "640bhp", 640, 640, "exact", "brake horsepower", null],
    ["It is rated at 5kW.", "5kW", 5, 5, "exact", "kilowatt", null],
    ["A 2.4Ghz toy.", "2.4Ghz", 2.4, 2.4, "exact", "gigahertz", null],
    ["It can hit 500 degrees celsius.", "500 degrees celsius", 500, 500, "exact", "degree Celsius", null],
    ["The battery holds 4500 mAh.", "4500 mAh", 4500, 4500, "exact", "milliampere-hour", null],
    ["Levels came back at 4 ppb.", "4 ppb", 4, 4, "exact", "part per billion", null],
    ["It refines 52,000 barrels a day.", "52,000 barrels a day", 52000, 52000, "exact", "barrel per day", null],
    ["Sea levels could rise 11 FEET per century.", "11 FEET", 11, 11, "exact", "foot", "century"],
    ["Nine days later he was found.", "Nine days", 9, 9, "exact", "day", null],
    ["The 65-year-old worries.", "65-year-old", 65, 65, "exact", "year of age", null],
    ["Her 18 month-old daughter sleeps.", "18 month-old", 18, 18, "exact", "month of age", null],
    ["Senard, 65, now faces the task.", "65", 65, 65, "exact", "year of age", null],
    // wink reads "Das" as a verb: a capitalised word after a name still ends it.
    ["He was named as Ripon Das, 25, of Morelganj.", "25", 25, 25, "exact", "year of age", null],
    ["Ann Lee, 16, and Tom Roe, 17 were charged.", "17", 17, 17, "exact", "year of age", null],
    ["Ann Lee , 16 , and Tom Roe , 17 are charged as adults .", "17", 17, 17, "exact", "year of age", null],
    ["In Texas, 17 were hurt.", "17", 17, 17, "exact", null, null],
    ["Ann Lee, 16, and in Texas, 17 were hurt.", "17", 17, 17, "exact", null, null],
    ["It took his first visit in 24 years.", "24 years", 24, 24, "exact", "year", null],
    ["Pepe curled in six minutes later.", "six minutes", 6, 6, "exact", "minute", null],
    ["They work 40 to 50 hours a week.", "40 to 50 hours", 40, 50, "exact", "hour", "week"],
    // "by" names who did it: a range; after a word of change it is the change, then the level reached.
    ["It was compiled by 60 to 70 volunteers.", "60 to 70", 60, 70, "exact", null, null],
    ["Sales rose by 300 to 1,200.", "300", 300, 300, "exact", null, null],
    ["Orbiting more than 3200 times.", "more than 3200 times", 3200, 3200, "at-least", "time", null],
    ["There were 20 burglaries per week.", "20", 20, 20, "exact", null, "week"],
    // A rate told later in the figure's clause (units.json clauseRate); not past a clause break, nor "in a year".
    ["About 40 patients are turned away each week.", "About 40", 40, 40, "about", null, "week"],
    ["Some 90 drivers die on these roads every year.", "Some 90", 90, 90, "about", null, "year"],
    ["The storm killed 12 people on Monday, and every year the river floods.", "12", 12, 12, "exact", null, null],
    ["Some 300 people were killed in a year.", "Some 300", 300, 300, "about", null, null],
    ["Fifteen cases were reported every day of the fair.", "Fifteen", 15, 15, "exact", null, "day"],
    ["Nine died, a year ago, and 20 every year since.", "Nine", 9, 9, "exact", null, null],
    // A rate for each of a thing counted (units.json perEach), past a participle before the noun.
    ["Owners get 4.20 euros for each sheep culled.", "4.20 euros", 4.2, 4.2, "exact", "EUR", "sheep"],
    ["Owners get 3 euros for every breeding sow.", "3 euros", 3, 3, "exact", "EUR", "sow"],
    ["The insurer will pay 900 euros to each flooded household.", "900 euros", 900, 900, "exact", "EUR", "household"],
    ["The fund gave 50 euros to each of them.", "50 euros", 50, 50, "exact", "EUR", null],
    // After money, "a" and a unit of measure make a price of so much of a thing; after a count or a length, not.
    ["Diesel sells for 1.62 euros a litre at the pumps.", "1.62 euros", 1.62, 1.62, "exact", "EUR", "litre"],
    ["Laying the track costs 2 million euros a kilometre.", "2 million euros", 2e6, 2e6, "exact", "EUR", "kilometre"],
    ["The farm sold 40 tonnes a hectare.", "40 tonnes", 40, 40, "exact", "tonne", null],
    // "pounds" is money by a word of money near it (currencies.json poundMoney), else a weight.
    ["Each family is being handed 750 pounds.", "750 pounds", 750, 750, "exact", "GBP", null],
    ["She was fined 300 pounds by the court.", "300 pounds", 300, 300, "exact", "GBP", null],
    ["The parcel weighed 12 pounds when it was paid for.", "12 pounds", 12, 12, "exact", "pound", null],
    ["Police seized 40 pounds of flour worth little.", "40 pounds", 40, 40, "exact", "pound", null],
    ["The garage put the average repair at about 400 pounds.", "about 400 pounds", 400, 400, "about", "GBP", null],
    ["Her prize was 250 pounds and a trophy.", "250 pounds", 250, 250, "exact", "GBP", null],
    [
      "The brooches could be valued at about 400,000 pounds.",
      "about 400,000 pounds",
      400000,
      400000,
      "about",
      "GBP",
      null,
    ],
    ["The firm has promised 200 pounds to every household.", "200 pounds", 200, 200, "exact", "GBP", "household"],
    ["The repair crew lifted a 90 pounds beam.", "90 pounds", 90, 90, "exact", "pound", null],
    // A clause rate makes an amount of money a rate too.
    [
      "The port forgoes 2 million euros in fees for each day the berth is shut.",
      "2 million euros",
      2e6,
      2e6,
      "exact",
      "EUR",
      "day",
    ],
    ["The charity spends 80,000 euros on meals every week.", "80,000 euros", 80000, 80000, "exact", "EUR", "week"],
    // A time word after "a month", "a second" makes it a time, not a rate (units.json notARate), unless an
    // amount ("before tax") or a place ("from the weir") follows.
    ["Nurses earn 2,900 euros a month before tax.", "2,900 euros", 2900, 2900, "exact", "EUR", "month"],
    // "since" says from when a rate has run, not that "a day" is a time.
    ["The line has taken 2,000 calls a day since Thursday.", "2,000", 2000, 2000, "exact", null, "day"],
    ["Drivers take home 410 dollars a week after tax.", "410 dollars", 410, 410, "exact", "USD", "week"],
    [
      "The weir let through 650 cubic metres a second from the lake.",
      "650 cubic metres",
      650,
      650,
      "exact",
      "cubic metre",
      "second",
    ],
    ["The shop sold 40 bikes a week before the strike.", "40", 40, 40, "exact", null, null],
    // "annual" before a kind of membership (units.json notARate.kinds) names the kind, not a period.
    ["About 41,000 annual members were left without a ride.", "About 41,000", 41000, 41000, "about", null, null],
    ["The park draws 41,000 annual visitors.", "41,000", 41000, 41000, "exact", null, "year"],
    ["Fares will be 3 euros a year from now.", "3 euros", 3, 3, "exact", "EUR", null],
    // "into" a place is where a yearly sum goes; "into" anything else is a time ("a year into the war").
    [
      "Stargazing brings 12 million euros a year into the area.",
      "12 million euros",
      12e6,
      12e6,
      "exact",
      "EUR",
      "year",
    ],
    ["The siege cost 3 million euros a year into the war.", "3 million euros", 3e6, 3e6, "exact", "EUR", null],
    // A speed written out with "an hour" is one unit (units.json), not a length with a rate.
    [
      "The barge was doing 12 kilometres an hour.",
      "12 kilometres an hour",
      12,
      12,
      "exact",
      "kilometre per hour",
      null,
    ],
    ["Gusts hit 90 km an hour on the pass.", "90 km an hour", 90, 90, "exact", "kilometre per hour", null],
    ["The cart moved at one mile an hour.", "one mile an hour", 1, 1, "exact", "mile per hour", null],
    ["Water rose 2 metres a second.", "2 metres a second", 2, 2, "exact", "metre per second", null],
    // A usual or recurring day later in the clause makes a count a rate per day (units.json clauseRate).
    ["The ferry carries about 9,000 people on a weekday.", "about 9,000", 9000, 9000, "about", null, "day"],
    ["The depot sends out 300 buses on weekdays.", "300", 300, 300, "exact", null, "day"],
    ["The bakery sells 800 loaves every weekday.", "800", 800, 800, "exact", null, "day"],
    ["About 5,000 cars use the bridge on a typical day.", "About 5,000", 5000, 5000, "about", null, "day"],
    ["The clinic sees 70 patients in an average week.", "70", 70, 70, "exact", null, "week"],
    ["Staff moved 40 beds between the wards each night.", "40", 40, 40, "exact", null, "day"],
    ["The hostel charges 30 euros a night.", "30 euros", 30, 30, "exact", "EUR", "day"],
    ["The tram carries 12,000 weekday riders.", "12,000", 12000, 12000, "exact", null, "day"],
    // Not a rate: a one-off night, a total over a year.
    ["Snow stranded 300 drivers on a night of storms.", "300", 300, 300, "exact", null, null],
    ["The ward treated 400 patients in a year.", "400", 400, 400, "exact", null, null],
    // A length told with "a"/"an" and a bound after it (numbers.json lengthArticle, approximators.json after).
    ["The pool will be shut for a year or more.", "a year or more", 1, 1, "at-least", "year", null],
    ["The museum stays closed for a fortnight at least.", "a fortnight at least", 1, 1, "at-least", "fortnight", null],
    // One of a unit of time and a half more: a length, whatever comes before it.
    ["They had paid no rent for a year and a half.", "a year and a half", 1.5, 1.5, "exact", "year", null],
    ["The talks lasted an hour and a half.", "an hour and a half", 1.5, 1.5, "exact", "hour", null],
    // A unit of two words may be hyphened to its figure ("a 1,200-square-metre cover"); "minus" signs a number word.
    [
      "The rink and its 1,200-square-metre cover were built in 2019.",
      "1,200-square-metre",
      1200,
      1200,
      "exact",
      "square metre",
      null,
    ],
    ["The temperature fell to about minus four overnight.", "about minus four", -4, -4, "about", null, null],
    // A length in two units is one length, in the smaller: "an hour and 50 minutes" is 110 minutes.
    [
      "They spent about an hour and 50 minutes in the water.",
      "about an hour and 50 minutes",
      110,
      110,
      "about",
      "minute",
      null,
    ],
    ["The hearing ran for two hours and 15 minutes.", "two hours and 15 minutes", 135, 135, "exact", "minute", null],
    ["He served three years and six months.", "three years and six months", 42, 42, "exact", "month", null],
    // Without an approximator before it, an article still makes one of the first unit when a smaller follows.
    ["The average visit lasted an hour and 35 minutes.", "an hour and 35 minutes", 95, 95, "exact", "minute", null],
    ["He served a year and six months.", "a year and six months", 18, 18, "exact", "month", null],
    // Not one length: a second figure as large as the first unit, or a figure of another kind.
    ["The storm lasted 3 days and 200 hours of rain followed.", "3 days", 3, 3, "exact", "day", null],
    ["The talks lasted two hours and 30 delegates walked out.", "two hours", 2, 2, "exact", "hour", null],
    ["The road may close for a month or longer.", "a month or longer", 1, 1, "at-least", "month", null],
    ["The repairs take three weeks or longer.", "three weeks or longer", 3, 3, "at-least", "week", null],
    ["The line will be closed for at least a fortnight.", "at least a fortnight", 1, 1, "at-least", "fortnight", null],
  ])("%s → %s", (sentence, text, low, high, approximate, unit, per) => {
    const q = found(sentence, text)
    expect(q?.low).toBeCloseTo(low, 6)
    expect(q?.high).toBeCloseTo(high, 6)
    expect(q).toMatchObject({ approximate, unit, per })
    expect(sentence.slice(q?.span.start, q?.span.end)).toBe(text)
  })
})

// Made-up sentences: a word of change before "from A to B" (approximators.changedFrom) makes the
// quantity the figure now, B, with A as `from`; without one, "from A to B" stays a range.
describe("Quantities: a change from one figure to another", () => {
  it.each([
    ["The rota was cut from eight to seven shifts.", "seven", 7, 8, "shift"],
    ["Officials revised the number of farms hit from four to three.", "three", 3, 4, null],
    ["The union says the depot's crew was reduced from 120 to 85 drivers.", "85", 85, 120, "driver"],
    ["The offer rose from 4 to 5.5 percent on Friday.", "5.5 percent", 5.5, 4, null],
    ["A rise from 3.1 to 3.4 percent surprised traders.", "3.4 percent", 3.4, 3.1, null],
  ] as const)("%s → %s", (sentence, text, value, from, counted) => {
    const q = found(sentence, text)
    expect(q).toMatchObject({ low: value, high: value, from })
    if (counted) expect(q?.counted).toBe(counted)
  })

  it.each([
    ["Tickets cost from 15 to 40 euros.", "from 15 to 40 euros"],
    ["Bids ranged from 40 to 55 euros.", "from 40 to 55 euros"],
    ["The camp holds from 200 to 300 people.", "from 200 to 300"],
  ] as const)("%s stays the range %s", (sentence, text) => {
    const q = found(sentence, text)
    expect(q?.from).toBeUndefined()
  })
})

describe("Quantities: a figure restated in brackets in another unit", () => {
  it.each([
    ["The town lies 42 km (26 miles) north of Pell.", "26 miles", true],
    ["The plot covers 300 hectares (741 acres).", "741 acres", true],
    ["It weighs 20 tonnes ( 44,000 pounds ) when full.", "44,000 pounds", true],
    ["The camp lies about 300 miles, or 500 kilometres, north of Pell.", "500 kilometres", true],
    ["The lorry fell 60 feet, or about 18 metres, into the river.", "about 18 metres", true],
    ["The wall is 40 feet high, or so the plans say, and 12 metres wide.", "12 metres", false],
    // Not a conversion: the same unit, no unit, or no bracket right after the figure.
    ["The route runs 42 km (26 km of it by the river).", "26 km", false],
    ["The ship carried 400 people (120 of them crew).", "120", false],
    ["The town lies 42 km north of Pell and 26 miles from Orra.", "26 miles", false],
  ] as const)("%s → %s", (sentence, text, restates) => {
    expect(found(sentence, text)?.restates === true).toBe(restates)
  })
})

describe("Quantities: what is counted", () => {
  it.each([
    ["Russia was using about 5,000 artillery shells per day.", "about 5,000", "artillery shell"],
    // A part counts what its whole counts (measures.json whole).
    ["About 30 of the depot's 200 drivers walked out.", "About 30", "driver"],
    // A count noun before the figure names what it counts (measures.json numberOf).
    ["The number of tenants who lost heating rose to 3,100.", "3,100", "tenant"],
    ["Inspectors put the total of ferries held in port at 14.", "14", "ferry"],
    ["A deployment of 11,000 North Korean troops was headed there.", "11,000", "North Korean troop"],
    ["North Korea is sending thousands of builders and deminers.", "thousands of", "builder and deminer"],
    ["Sanctions froze the assets of four ICC judges.", "four", "ICC judge"],
    ["About 460 Kia and Hyundai vehicles were stolen.", "About 460", "Kia and Hyundai vehicle"],
    ["Pyongyang sent thousands of troops and large quantities of equipment.", "thousands of", "troop"],
    ["Among his approximately 300 recorded songs were hits.", "approximately 300", "song"],
    // wink tags "calls" a verb after "emergency": after a figure and a noun, a word in -s is the plural.
    ["The outage left 3,150 emergency calls unanswered.", "3,150", "emergency call"],
    ["Some 3,150 emergency calls failed to connect.", "Some 3,150", "emergency call"],
    ["By midday about 600 corrected offers had been sent.", "about 600", "offer"],
    // A compound puts its plural on its last word: a word after a plural noun, before a determiner,
    // preposition or adverb, is the verb wink tagged a noun.
    ["More than 300 volunteers check the fridges every day.", "More than 300", "volunteer"],
    ["Eighteen midwives work at the unit.", "Eighteen", "midwife"],
    // So after a plural with no -s (lexicon.json pluralNouns).
    ["About 4,200 staff work on Saturday rounds.", "About 4,200", "staff"],
    ["About 130 people sleep rough in the city on any night.", "About 130", "people"],
    ["About 45,000 people climb the mountain each year.", "About 45,000", "people"],
    ["Twelve savings accounts were emptied.", "Twelve", "savings account"],
    ["It produced about 1 million barrels of oil.", "about 1 million barrels", "oil"],
    ["It costs $25 at most stores.", "$25", null],
    ["Half the condos have sold.", "Half", "condo"],
    ["One fourth of the US population is vaccinated.", "One fourth", "US population"],
    ["Sales rose to 3.9 million headsets, up from 2.4 million in 2017.", "2.4 million", "headset"],
    ["About 460 cars were stolen, compared with 63 last year.", "63", "car"],
    // Members of a group named by a collective noun are its people (numbers.json membersOf); of a club, members.
    ["Tests were run on 58 members of staff.", "58", "staff"],
    ["Six members of the crew were rescued.", "Six", "crew"],
    ["The club has 350 members of long standing.", "350", "member"],
    ["About 200 members of the club voted.", "About 200", "member"],
    // A part of a named group (numbers.json partitive): after a determiner and a possessor.
    ["Two of the mill's packing lines will shut.", "Two", "packing line"],
    ["Four of its depots closed in May.", "Four", "depot"],
    ["Three of Marl Transit's drivers quit.", "Three", "driver"],
    ["Five of those ferries are idle.", "Five", "ferry"],
    // A part of a counted whole counts what the whole counts (measures.json whole); the whole is marked.
    ["Three of the 20 stalls burned.", "Three", "stall"],
    ["Six of them were rescued.", "Six", null],
    ["The flood covered 300 acres of the valley.", "300 acres", null],
    // A participle after the plural counted (numbers.json postnominalParticiples) is not part of it.
    ["Clerks checked 6,120 ballots cast by post.", "6,120", "ballot"],
    ["The Greens won 12.5 % of votes cast.", "12.5 %", "vote"],
    ["The foundry sold 40 cast iron pans.", "40", "cast iron pan"],
    // A name after a plural counted noun opens a clause about it ("jobs Kellner has cut"): the noun ends.
    ["The count of flats Norra Homes has let rose to 410.", "410", "flat"],
    ["Customs seized 60 crates Varga had shipped.", "60", "crate"],
    // Joined by a hyphen to a noun before another noun, the figure counts the first ("an 80-bed hospital").
    ["The town's 45-bed clinic is full.", "45", "bed"],
    ["A 212-page audit was leaked.", "212", "page"],
    // ... or before a name, or a noun wink tags as a verb.
    ["Smoke filled the 30-storey Marlow Tower overnight.", "30", "storey"],
    ["Crews reached the 18-storey block at dawn.", "18", "storey"],
    ["About 460 Kia and Hyundai vehicles were stolen.", "About 460", "Kia and Hyundai vehicle"],
    // A unit word after a noun is no unit: a compound goes on ("access points"), a plural ended the group.
    ["About 900 access points have been fixed.", "About 900", "access point"],
    ["The limo could fetch about 900,000 crowns second-hand.", "about 900,000", "crown"],
    // A one-word rate before the noun does not hide what is counted.
    ["The airport handles 600 daily flights.", "600", "flight"],
    ["The tram carries 12,000 weekday riders.", "12,000", "rider"],
    // A word hyphened to the next is one modifier with it, and the group goes on to its noun.
    ["The shop was selling only 40 of the cut-price televisions.", "40", "cut-price television"],
    ["The mill announced 300 lay-offs.", "300", "lay-off"],
    // A model's code and number hyphened: one word.
    ["The airline grounded its seven H-40s.", "seven", "h-40"],
    // A day or month name after the figure is a time, not what is counted.
    ["Police cut the toll from five to three early Monday.", "three", null],
    ["The count reached 40 Tuesday.", "40", null],
    ["Some 40 long-term care workers walked out.", "Some 40", "long-term care worker"],
    // "the number of ... rose to": what is counted is named before the figure, past a participle.
    ["The number of closed beaches rose to seven.", "seven", "beach"],
    ["The number of dead rose to 40.", "40", null],
  ] as const)("%s → %s counts %s", (sentence, text, counted) => {
    expect(find(sentence).find((q) => q.text === text)?.counted).toBe(counted)
  })
})

describe("Quantities: not quantities", () => {
  it.each([
    ["a year used as a date", "The ICC was established in 2002 to prosecute crimes."],
    ["a year before a noun", "He will restore the 2018 military agreement."],
    ["a span of years", "Sampling between 2014 and 2017 came back clean."],
    ["a date", "Lee spoke on July 3, 2025 in Seoul."],
    ["a day before a month", "The frequency fell on 9 May this year."],
    ["an abbreviated date", "It was published on Aug. 15."],
    ["a time of day", "Published 5:55 AM EST."],
    ["a time with am/pm", "Bitcoin fell at 10.45pm last night."],
    ["a time zone", "The duty applies after 0401 GMT on Friday."],
    ["an ordinal used as a name", "The history of the 22nd amendment is partisan."],
    ["an anniversary", "Speaking on the 80th anniversary of liberation."],
    ["a phone number", "Call 555-123-4567 or (212) 555-0199 today."],
    ["one as a pronoun", "One of those targeted by the sanctions said it."],
    ["one after a determiner", "This one is better than that."],
    ["a name with a number", "The S&P 500 closed higher, as did the FTSE 100."],
    ["a train's number before its name", "The 12506 North East Express derailed near Buxar."],
    ["a train's number in brackets after its name", "The Kashi Patna Jan Shatabdi Express (15125) was cancelled."],
    ["a disease name", "He caught COVID-19 in spring."],
    ["a model name", "The Galaxy S22 and the iPhone 11 compete."],
    ["a sports score", "Bristol City beat Charlton 2-1 at home."],
    ["a decade", "Prices doubled in the 1990s."],
    ["a product code", "Explore what Daily8 AI can do for you."],
    ["a number word inside a name", "She set up the Table for Ten clubs, after Ocean's Eleven."],
    ["a compound adjective", "It has a six-speed automatic transmission."],
    ["half as a noun", "The second half was dull."],
    ["a period with an article and no bound", "The wards were shut for a fortnight."],
    ["an article before a unit of time, then a plain 'or'", "Talks may take a year or a decade to end."],
    ["a numeral past any finite value", `Officials said ${"9".repeat(400)} people left.`],
  ])("%s: %s", (_, sentence) => {
    expect(find(sentence).map((q) => q.text)).toEqual([])
  })

  it("keeps a large count written without separators before the people it counts", () => {
    expect(find("Officials said 250000 Syrians crossed.").map((q) => q.text)).toEqual(["250000"])
    expect(find("Officials said 250000 Rohingya refugees crossed.").map((q) => q.text)).toEqual(["250000"])
  })

  it("reads no length in a rate's period followed by a half of something", () => {
    const texts = find("She earns 900 euros a week and a half of it goes on rent.").map((q) => q.text)
    expect(texts).toContain("900 euros")
    expect(texts.some((t) => t.includes("week and a half"))).toBe(false)
  })
})

describe("Quantities on the seed page", () => {
  const seed = readFileSync(new URL("../../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
  const all = find(seed)
  it.each([
    ["about 5,000", 5000, 5000, "about", null, "day", "artillery shell"],
    ["15,000", 15000, 15000, "exact", null, "day", null],
    ["24 years", 24, 24, "exact", "year", null, null],
    ["11,000", 11000, 11000, "exact", null, null, "North Korean troop"],
    ["25,000-30,000", 25000, 30000, "exact", null, null, "North Korean soldier"],
    ["thousands of", 1000, 10000, "vague", null, null, "builder and deminer"],
    ["anywhere from $1.7 billion to $5.5 billion", 1.7e9, 5.5e9, "exact", "USD", null, null],
    ["up to half a billion U.S. dollars", 5e8, 5e8, "at-most", "USD", "year", null],
    ["three years", 3, 3, "exact", "year", null, null],
    ["four", 4, 4, "exact", null, null, "ICC judge"],
    ["Eighty years", 80, 80, "exact", "year", null, null],
    ["two", 2, 2, "exact", null, null, "permanent member"],
    ["five", 5, 5, "exact", null, null, "nation"],
  ] as const)("reads %s", (text, low, high, approximate, unit, per, counted) => {
    expect(all.find((q) => q.text === text)).toMatchObject({ low, high, approximate, unit, per, counted })
  })

  it("reads no year, date, ordinal or pronoun as a quantity", () => {
    const texts = all.map((q) => q.text)
    for (const t of ["2002", "2018", "2022", "2023", "2024", "2025", "80th", "19", "3", "15", "one", "Daily8"])
      expect(texts).not.toContain(t)
  })

  it("keeps every span equal to its text", () => {
    for (const q of all) expect(seed.slice(q.span.start, q.span.end)).toBe(q.text)
  })
})

// A hang or a quadratic scan takes minutes on these inputs; a loaded machine takes a few seconds.
const BUDGET_MS = 15_000

describe("Quantities on input that is not prose", { timeout: 60_000 }, () => {
  const budget = (text: string) => {
    const started = performance.now()
    const qs = find(text)
    return { qs, ms: performance.now() - started }
  }

  it("reads 100,000 digits in a row as at most one number, quickly", () => {
    const { qs, ms } = budget("1".repeat(100_000))
    expect(qs.length).toBeLessThanOrEqual(1)
    expect(ms).toBeLessThan(BUDGET_MS)
  })

  it("reads a list of numbers as numbers", () => {
    const list = Array.from({ length: 2000 }, (_, i) => String(i * 7 + 1)).join(", ")
    const { qs, ms } = budget(list)
    expect(qs.length).toBeGreaterThan(1000)
    expect(ms).toBeLessThan(BUDGET_MS)
  })

  it("reads a table flattened to text", () => {
    const rows = Array.from({ length: 500 }, (_, i) => `Region ${i}\t${i * 13} troops\t${i}.5%\t$${i},000`)
    const { qs, ms } = budget(rows.join("\n"))
    expect(qs.some((q) => q.unit === "percent")).toBe(true)
    expect(qs.some((q) => q.unit === "USD")).toBe(true)
    expect(ms).toBeLessThan(BUDGET_MS)
  })

  it.each([
    ["separators", ",".repeat(50_000)],
    ["dashes and digits", "1-".repeat(30_000)],
    ["dots and digits", "1.".repeat(30_000)],
    ["number words", "one two three ".repeat(5_000)],
    ["currency symbols", "$".repeat(20_000)],
    ["mixed symbols", "£€¥%‰°×−–—".repeat(5_000)],
  ])("does not crash or hang on %s", (_, text) => {
    const { qs, ms } = budget(text)
    expect(Array.isArray(qs)).toBe(true)
    expect(ms).toBeLessThan(BUDGET_MS)
  })
})
