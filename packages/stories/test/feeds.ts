/** Small made-up feeds for the story tests: invented places, people and events, no real news text. */
import type { Document } from "@crosscheck/domain"
import { Ids } from "@crosscheck/domain"

export const doc = (
  name: string,
  outlet: string,
  publishedAt: string | null,
  title: string | null,
  text: string,
  canonicalOutlet?: string,
): Document.Document => ({
  id: Ids.documentId("test", name),
  outlet,
  title,
  publishedAt,
  url: null,
  origin: { path: `${name}.txt`, index: 0 },
  syndicationGroup: null,
  ...(canonicalOutlet ? { canonicalOutlet } : {}),
  text,
})

/** A flood in Marlow Springs, covered by three outlets over three days. */
export const flood = [
  doc(
    "flood-1",
    "Valley Courier",
    "2031-04-02",
    "Floodwaters swamp Marlow Springs as the Tessel River breaks its banks",
    "The Tessel River burst its banks in Marlow Springs on Tuesday, flooding homes along Quarry Road. Mayor Elin Darrow said rescue crews evacuated 240 residents overnight. The Marlow Springs fire brigade used boats to reach families trapped by the floodwaters near the old mill.",
  ),
  doc(
    "flood-2",
    "Northern Ledger",
    "2031-04-03",
    "Marlow Springs counts the cost of the Tessel flood",
    "A day after the Tessel River flooded Marlow Springs, residents returned to mud-filled homes on Quarry Road. Mayor Elin Darrow said 300 people had been evacuated and the floodwaters were receding. Engineers inspected the levee near the old mill where the river broke through.",
  ),
  doc(
    "flood-3",
    "Ridge Gazette",
    "2031-04-04",
    "Tessel levee failure blamed for Marlow Springs flooding",
    "Engineers said a weak section of the Tessel levee caused the flooding in Marlow Springs this week. Mayor Elin Darrow called for state money to rebuild the levee and help families on Quarry Road whose homes were damaged by the floodwaters. Boats had been used to evacuate residents near the old mill.",
  ),
]

/** A council vote in the same town the same week: shares the place name, not the event. */
export const vote = [
  doc(
    "vote-1",
    "Valley Courier",
    "2031-04-03",
    "Marlow Springs council approves new library budget",
    "The Marlow Springs town council voted five to two on Wednesday to approve a budget for a new public library. Councillor Ravi Okonkwo said the library would open in 2033 with a reading garden and a computer lab. Opponents on the council argued the budget should wait for next year's tax review.",
  ),
  doc(
    "vote-2",
    "Northern Ledger",
    "2031-04-03",
    "Library plan wins council backing in Marlow Springs",
    "Councillor Ravi Okonkwo won support for the library plan when the Marlow Springs council approved its budget by five votes to two. The library, with its reading garden and computer lab, is due to open in 2033. Two council members wanted the vote delayed until the tax review.",
  ),
]

/** An unrelated event a year later, for the time term. */
export const strike = [
  doc(
    "strike-1",
    "Ridge Gazette",
    "2032-09-10",
    "Dock workers strike at Port Calloway",
    "Dock workers at Port Calloway walked off the job on Friday over pay, halting container traffic. Union leader Mara Velt said the strike would continue until the port authority improved its offer. Shipping companies diverted vessels to other harbours.",
  ),
  doc(
    "strike-2",
    "Valley Courier",
    "2032-09-11",
    "Port Calloway strike enters second day",
    "The strike by dock workers at Port Calloway entered its second day on Saturday. Union leader Mara Velt said members rejected the port authority's pay offer, and container ships waited offshore or diverted to other harbours.",
  ),
]
