import { TimeExpressions } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"

// A Friday.
const anchor = new Date("2025-08-15T12:00:00Z")

describe("TimeExpressions", () => {
  it.each([
    ["In July 2023, Shoigu visited Pyongyang.", "In July 2023", "2023-07-01", "2023-07-31"],
    ["In mid-2024, Putin repaid the favor.", "mid-2024", "2024-05-01", "2024-08-31"],
    ["Lee spoke in Seoul on July 3, 2025.", "on July 3, 2025", "2025-07-03", "2025-07-03"],
    ["The frequency fell on 9 May 2019.", "on 9 May 2019", "2019-05-09", "2019-05-09"],
    ["Another visit came in June of this year.", "in June of this year", "2025-06-01", "2025-06-30"],
    ["It was founded in 2002.", "in 2002", "2002-01-01", "2002-12-31"],
    // A timeline's entry is dated by the year that labels it, whatever day of that year it names.
    ["1977: pupils seal 142 items in the capsule.", "1977", "1977-01-01", "1977-12-31"],
    ["- 2013: volunteers count 2,100 waxwings on New Year's Day.", "2013", "2013-01-01", "2013-12-31"],
    ["Since 2023 it has sold shells.", "Since 2023", "2023-01-01", "2025-08-15"],
    ["It shrank last year.", "last year", "2024-01-01", "2024-12-31"],
    ["It grew this year.", "this year", "2025-01-01", "2025-08-15"],
    ["Prices rose earlier this year.", "earlier this year", "2025-01-01", "2025-08-14"],
    // "earlier": up to the day before the article's, a time before what it reports.
    ["Earlier this month, a ferry sank.", "Earlier this month", "2025-08-01", "2025-08-14"],
    ["Earlier in August, a ferry sank.", "Earlier in August", "2025-08-01", "2025-08-14"],
    ["Earlier in June, a ferry sank.", "Earlier in June", "2025-06-01", "2025-06-30"],
    ["A bus crashed earlier this week.", "earlier this week", "2025-08-11", "2025-08-14"],
    ["Sales fell last month.", "last month", "2025-07-01", "2025-07-31"],
    ["Talks were held last week.", "last week", "2025-08-04", "2025-08-10"],
    ["The deal collapsed three years ago.", "three years ago", "2022-01-01", "2022-12-31"],
    ["It was posted 3 days ago.", "3 days ago", "2025-08-12", "2025-08-12"],
    ["It opened two months ago.", "two months ago", "2025-06-01", "2025-06-30"],
    ["The paper appeared on Aug. 14.", "on Aug. 14", "2025-08-14", "2025-08-14"],
    ["He was elected in June.", "in June", "2025-06-01", "2025-06-30"],
    // A day or a month without a year in a clause that looks ahead (times.json weekdays): the coming one.
    ["The pier was damaged on 20 August.", "on 20 August", "2024-08-20", "2024-08-20"],
    ["The pier will stay shut until 20 August.", "20 August", "2025-08-20", "2025-08-20"],
    ["Wages will not be paid before 3 January.", "3 January", "2026-01-03", "2026-01-03"],
    ["The line will stay closed until March.", "until March", "2026-03-01", "2026-03-31"],
    ["The line was closed until March.", "until March", "2025-03-01", "2025-03-31"],
    ["In January, two workers died.", "In January", "2025-01-01", "2025-01-31"],
    ["Martial law was declared in December.", "in December", "2024-12-01", "2024-12-31"],
    ["He spoke on Wednesday.", "on Wednesday", "2025-08-13", "2025-08-13"],
    ["The toll rose to 29 until Sunday night.", "until Sunday night", "2025-08-10", "2025-08-10"],
    ["24 households had accepted the offer by Saturday morning.", "by Saturday morning", "2025-08-09", "2025-08-09"],
    // A moved date: the new day, the nearer of the two (the anchor is Friday 15 August 2025).
    ["The deadline has been moved from 9 September to 23 September.", "23 September", "2025-09-23", "2025-09-23"],
    ["The council moved the deadline to 2 September.", "2 September", "2025-09-02", "2025-09-02"],
    ["The final was postponed from Saturday until Monday.", "until Monday", "2025-08-18", "2025-08-18"],
    ["The festival ran from 3 August to 10 August.", "3 August", "2025-08-03", "2025-08-03"],
    ["On Tuesday 40 homes were empty.", "On Tuesday", "2025-08-12", "2025-08-12"],
    ["Prices doubled in the 1990s.", "in the 1990s", "1990-01-01", "1999-12-31"],
    // A year naming a season, count or edition after a preposition dates the figure, before any month after it.
    ["In the 2019 season it opened in early December with 30 runs.", "In the 2019", "2019-01-01", "2019-12-31"],
    ["The club won 30 games in the 2019-20 season.", "in the 2019-20", "2019-01-01", "2020-12-31"],
    ["It rained yesterday.", "yesterday", "2025-08-14", "2025-08-14"],
    ["A high of 31 degrees is forecast for tomorrow.", "tomorrow", "2025-08-16", "2025-08-16"],
    ["Two more bodies were found this morning.", "this morning", "2025-08-15", "2025-08-15"],
    ["The mayor will speak tonight.", "tonight", "2025-08-15", "2025-08-15"],
    ["Power was cut last night.", "last night", "2025-08-14", "2025-08-14"],
    ["The outbreak has killed four since March.", "since March", "2025-03-01", "2025-08-15"],
    ["Cases have doubled since November.", "since November", "2024-11-01", "2025-08-15"],
    ["Nine have been rescued since Tuesday.", "since Tuesday", "2025-08-12", "2025-08-15"],
    // A short clause after "since" dated by a month starts the span; two months joined make one span.
    ["About 400 have skated since the rink opened in May.", "since the rink opened in May", "2025-05-01", "2025-08-15"],
    ["Since work began in March, 40 trees were felled.", "Since work began in March", "2025-03-01", "2025-08-15"],
    [
      "Some 38,000 people skated between November and January.",
      "between November and January",
      "2024-11-01",
      "2025-01-31",
    ],
    ["From March to May, 40 trees were felled.", "From March to May", "2025-03-01", "2025-05-31"],
    ["From March through May, 40 trees were felled.", "From March through May", "2025-03-01", "2025-05-31"],
    // A span with a year on its end runs from its first month or year to its last.
    [
      "Lorries made 1,100 trips between May 2024 and November 2025.",
      "between May 2024 and November 2025",
      "2024-05-01",
      "2025-11-30",
    ],
    ["The mine lost 40 jobs from 2019 to 2023.", "from 2019 to 2023", "2019-01-01", "2023-12-31"],
    [
      "Some 300 trees fell between November and February 2025.",
      "between November and February 2025",
      "2024-11-01",
      "2025-02-28",
    ],
    ["From June to August 2024, 90 ships docked.", "From June to August 2024", "2024-06-01", "2024-08-31"],
    // An aside describing a noun (times.json asides) dates that noun, not the claim.
    ["The depot, open since 1962, shipped 40 crates on Monday.", "on Monday", "2025-08-11", "2025-08-11"],
    ["The ferry, which was built in 1988, sank last week.", "last week", "2025-08-04", "2025-08-10"],
    ["The co-op, founded in 1975, lost 12 members in June.", "in June", "2025-06-01", "2025-06-30"],
    // An aside with a figure of its own states a claim: its time stays.
    ["The dam, which held 300 tonnes in 2001, burst.", "in 2001", "2001-01-01", "2001-12-31"],
    // A relative clause closing the sentence (times.json asides) dates its noun, not the claim.
    ["Crews cleared 70 roads on Friday, which the council had shut in 2019.", "on Friday", "2025-08-15", "2025-08-15"],
    ["Nine lorries crossed on Tuesday, whose drivers had waited since June.", "on Tuesday", "2025-08-12", "2025-08-12"],
    // A relative clause without commas ends before the auxiliary that carries on its noun's clause.
    [
      "The slick that closed the bay on Monday has spread to 9 square km, officials said on Thursday.",
      "on Thursday",
      "2025-08-14",
      "2025-08-14",
    ],
    ["A mill that opened in 2019 was shut on Friday.", "on Friday", "2025-08-15", "2025-08-15"],
    // A participle right after its noun (times.json asides.reduced) dates the noun; after "was", the sentence.
    ["A ferry built in 1987 sank on Monday with 40 people aboard.", "on Monday", "2025-08-11", "2025-08-11"],
    ["The bridge was built in 1931 at a cost of 2 million pounds.", "in 1931", "1931-01-01", "1931-12-31"],
    // A record's baseline (times.json baselines) is not when the figure holds.
    [
      "The gauge read 41.2C on Monday, the highest reading since records began in 1932.",
      "on Monday",
      "2025-08-11",
      "2025-08-11",
    ],
    ["It was the worst flooding since March, with 200 homes hit on Friday.", "on Friday", "2025-08-15", "2025-08-15"],
    ["The port handled 12 ships on Sunday, its busiest day since 2016.", "on Sunday", "2025-08-10", "2025-08-10"],
    // A time a when-clause with the figures follows dates them (times.json antecedents): the moment itself.
    ["The fire is the worst here since 2019, when 300 homes burned.", "2019", "2019-01-01", "2019-12-31"],
    ["It is the first strike since March, when 90 buses stood idle.", "March", "2025-03-01", "2025-03-31"],
    ["Rents have doubled since March, when the mill closed.", "since March", "2025-03-01", "2025-08-15"],
    ["Some 40 farms have been hit since May, when 12 were culled.", "since May", "2025-05-01", "2025-08-15"],
    // A that-clause with a figure of its own is what was said: its time stays.
    ["Officials said that 40 people died in 2024.", "in 2024", "2024-01-01", "2024-12-31"],
    // A "since" that is not a record's baseline still scopes the claim.
    ["The toll rose to 40 since Tuesday.", "since Tuesday", "2025-08-12", "2025-08-15"],
    ["The first 300 officers arrived in Rome on Monday.", "on Monday", "2025-08-11", "2025-08-11"],
    // A weekday in a clause that looks ahead (times.json weekdays) is the coming one; in the past, the last one.
    ["The ferry line should reopen on Monday, the operator said.", "on Monday", "2025-08-18", "2025-08-18"],
    ["The driver is due to appear before magistrates on Tuesday.", "on Tuesday", "2025-08-19", "2025-08-19"],
    ["Guests would be allowed to leave on Thursday.", "on Thursday", "2025-08-21", "2025-08-21"],
    ["The minister will visit the depot on Wednesday.", "on Wednesday", "2025-08-20", "2025-08-20"],
    ["About 900 nurses are expected to stay out on Saturday.", "on Saturday", "2025-08-16", "2025-08-16"],
    ["The council votes on the plan next Monday.", "next Monday", "2025-08-18", "2025-08-18"],
    ["The pier is closed until Sunday.", "until Sunday", "2025-08-17", "2025-08-17"],
    ["Buses have been cancelled until Tuesday.", "until Tuesday", "2025-08-19", "2025-08-19"],
    ["The count had risen to 37 by Monday.", "by Monday", "2025-08-11", "2025-08-11"],
    ["The firm will cut 300 jobs, its chief said on Monday.", "on Monday", "2025-08-11", "2025-08-11"],
    ["The club said Tuesday it would sell the ground.", "said Tuesday", "2025-08-12", "2025-08-12"],
    ["He will speak about the vote held last Monday.", "last Monday", "2025-08-11", "2025-08-11"],
    ["The toll from Monday's storm rose to 9 on Wednesday.", "on Wednesday", "2025-08-13", "2025-08-13"],
    ["The canal'll reopen to barges on Sunday.", "on Sunday", "2025-08-17", "2025-08-17"],
    // A day of a month in a plan told in the past (times.json plannedPast): the nearer one, ahead or behind.
    ["The show, which was due to open on 2 September, is off.", "on 2 September", "2025-09-02", "2025-09-02"],
    ["The show, which was due to open on 2 August, closed early.", "on 2 August", "2025-08-02", "2025-08-02"],
    ["The show opened on 2 September.", "on 2 September", "2024-09-02", "2024-09-02"],
  ])("%s → %s", (sentence, text, start, end) => {
    expect(TimeExpressions.find(sentence, anchor)).toEqual({ text, start, end })
  })

  it.each([
    ["last year", "It shrank last year."],
    ["a weekday", "He spoke on Wednesday."],
    ["a month without a year", "He was elected in June."],
  ])("keeps %s as text, unresolved, without an anchor", (_, sentence) => {
    const t = TimeExpressions.find(sentence, null)
    expect(t?.start).toBeNull()
    expect(t?.text.length).toBeGreaterThan(0)
  })

  it.each([
    "North Korea is sending builders and deminers.",
    "She may decide to leave.",
    "The march was peaceful.",
    "The mill, which closed in 2009, employed 400 people.",
    "About 800 officers took part in the raids, which followed an inquiry that began in 2024.",
    "A fund will buy a 60% stake from the Varga family, who have run the mill since 1987.",
    "The storm, which forecasters put at 140 km/h, was the strongest to reach the coast since 2003.",
    "The reading of 39.5C was the hottest since records began.",
    // A relative clause without commas whose verb is an aside's (times.json asides.relative) dates its noun.
    "The firm runs depots in six towns, among them a hub in Sarn that opened in 2021.",
    "Some 900 staff joined the inquiry that began in 2023.",
    // A participle right after its noun (times.json asides.reduced), and one set off by commas.
    "Engineers dug down to a cast-iron main laid in 1968 to stop 200 litres a minute escaping.",
    "The iron main, laid in 1931, split as the temperature fell to minus 12 degrees.",
    // A participle of publication set off by commas dates the report it describes, not what it counts.
    "The annual accounts, published last month, showed a profit of about 148 million euros.",
    // A record's baseline given as a short clause, and a noun set beside a name with a relative clause.
    "The station recorded minus 17C, the lowest it has recorded since it opened in 2009.",
    "Harton Rovers, the club that won the league in 2011, has agreed to sell a 75 per cent stake.",
  ])("finds no time in: %s", (sentence) => {
    expect(TimeExpressions.find(sentence, anchor)).toBeNull()
  })
})
