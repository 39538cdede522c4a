import { Analysis, Cues, Extractor } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"

const nlp = Extractor.loadModel()

/** The first cue the catalogue finds in a sentence, with its text. */
const firstCue = (sentence: string) => {
  const { tokens } = Analysis.analyse(nlp, sentence)
  for (let i = 0; i < tokens.length; i++) {
    const m = Cues.at(tokens, i)
    if (m) return { ...m, text: sentence.slice(tokens[m.first]?.start, tokens[m.next - 1]?.end) }
  }
  return null
}

describe("the cue catalogue", () => {
  it.each([
    ["Officials said the bridge was closed.", "said", "say", "asserts", false],
    ["The minister says the bridge is closed.", "says", "say", "asserts", false],
    ["She told reporters the bridge was closed.", "told", "tell", "asserts", false],
    ["He added that the bridge was closed.", "added", "add", "asserts", false],
    ["The company claimed the bridge was safe.", "claimed", "claim", "asserts", false],
    ["Analysts estimate the bridge cost $5 million.", "estimate", "estimate", "asserts", true],
    ["Figures suggest the bridge was busy.", "suggest", "suggest", "asserts", true],
    ["Kim Yo Jong reiterated that talks were off.", "reiterated", "reiterate", "asserts", false],
    ["The ministry denied that troops crossed the border.", "denied", "deny", "denies", false],
    ["Moscow rejected claims that troops crossed the border.", "rejected claims that", "reject", "denies", false],
    ["Seoul dismissed the report as propaganda.", "dismissed", "dismiss", "denies", false],
    ["The council disputed that the vote was fair.", "disputed", "dispute", "disputes", false],
    ["He was falsely claiming the North had removed its speakers.", "falsely claiming", "claim", "disputes", false],
    ["She mocked the government for clinging to hope.", "mocked", "mock", "asserts", false],
    ["The general warned that war was near.", "warned", "warn", "asserts", false],
    ["The president vowed to restore the agreement.", "vowed", "vow", "asserts", false],
    ["Lee urged Pyongyang to respond.", "urged", "urge", "asserts", false],
    ["He insisted the numbers were right.", "insisted", "insist", "asserts", false],
    ["According to the ministry, the bridge was closed.", "According to", "according to", "asserts", false],
    ["Trump has called for annexing Canada.", "called for", "call for", "asserts", false],
    ["The senator alleged that funds were misused.", "alleged", "allege", "asserts", true],
    ["The governor seems to favour a delay.", "seems", "seem", "asserts", true],
    ["The mayor expressed concern about the delay.", "expressed", "express", "asserts", false],
    ["Critics view the plan as a giveaway.", "view", "view", "asserts", false],
    ["The senator referred to the bill as a disgrace.", "referred", "refer", "asserts", false],
    ["The campaign unleashed attacks on the governor.", "unleashed", "unleash", "asserts", false],
    ["The union weighed in on the strike.", "weighed in", "weigh in", "asserts", false],
    ["Clinton is promising to cut taxes.", "promising", "promise", "asserts", false],
    ["Polling averages show Clinton with a lead.", "show", "show", "asserts", false],
    // wink tags these verbs as nouns; the subject's agreement with the verb form says they are verbs.
    ["The mayor demands accountability from the council.", "demands", "demand", "asserts", false],
    ["Company officials question the timing of the vote.", "question", "question", "asserts", false],
    // Past an adverb set off by commas, and after a subject pronoun, even before a comma.
    ["Some growers, however, question the timing of the vote.", "question", "question", "asserts", false],
    ["The bridge, she notes, is closed.", "notes", "note", "asserts", false],
    // A singular description set off by a comma, then the verb closing the sentence.
    ["Repairs will cost 3 million euros, the council estimates.", "estimates", "estimate", "asserts", true],
    ["The hall will stay shut until May, the company says.", "says", "say", "asserts", false],
    // A speech verb is a cue with its topic after it, past adverbs and times.
    ["The senator spoke about the flooding in the valley.", "spoke", "speak", "asserts", false],
    ["The senator spoke out Tuesday against the levy.", "spoke", "speak", "asserts", false],
    ["The mayor talked about the new tunnel.", "talked", "talk", "asserts", false],
    ["The union backed the mayor in the runoff.", "backed", "back", "asserts", false],
    // A verb that gives a figure for its object: a cue only with the figure after its word.
    ["The carmaker put the cost of the recall at €120m.", "put", "put", "asserts", false],
    ["The fund put its loss at about 2.1 billion florins.", "put", "put", "asserts", false],
    [
      "The regulator revised the number of crashes linked to the fault down to 11.",
      "revised",
      "revise",
      "asserts",
      false,
    ],
    // Verbs that report a cry, a plea, a judgement or a stance on something.
    ["The farmer yelled that the dam had burst.", "yelled", "yell", "asserts", false],
    ["The coach exhorted the players to stay calm.", "exhorted", "exhort", "asserts", false],
    ["The bakers bemoaned the rising price of flour.", "bemoaned", "bemoan", "asserts", false],
    ["The senator retweeted a photo of the flooded road.", "retweeted", "retweet", "asserts", false],
    ["The ministry downplayed the risk of a second flood.", "downplayed", "downplay", "asserts", false],
    ["No one envisioned that the bridge would fall.", "envisioned", "envision", "asserts", false],
    ["Many growers resented the new levy.", "resented", "resent", "asserts", false],
    ["The fishermen despise the quota system.", "despise", "despise", "asserts", false],
    ["Two members voted against the levy.", "voted", "vote", "asserts", false],
    ["The watchdog rated the claim as false.", "rated", "rate", "asserts", false],
    ["The panel judged the tunnel safe.", "judged", "judge", "asserts", false],
    ["The mayor recited the names of the missing.", "recited", "recite", "asserts", false],
    ["The audit underscored the need for new pumps.", "underscored", "underscore", "asserts", false],
    // A light verb with a noun for what was said, and what was said right after it.
    ["Holt made the case that the levy was unfair.", "made the case", "case", "asserts", false],
    [
      "The ministry issued a stern warning that the dam could burst.",
      "issued a stern warning",
      "warning",
      "asserts",
      false,
    ],
    [
      "Holt then made a brief comment: \u201CThe levy is unfair.\u201D",
      "made a brief comment",
      "comment",
      "asserts",
      false,
    ],
    // A state of mind after a linking verb, with what it is about after it.
    ["The growers are worried about the drought.", "worried", "worried", "asserts", true],
    ["Many farmers were afraid that the dam would fail.", "afraid", "afraid", "asserts", true],
    ["She is convinced the tunnel is safe.", "convinced", "convinced", "asserts", false],
    ["The council remains skeptical about the figures.", "skeptical", "skeptical", "disputes", false],
    // Any verb after a name or a pronoun, with at most a particle, closed by a colon and a quotation.
    ["Union boss Greta Vik hit back: \u201CThey knew.\u201D", "hit back", "hit", "asserts", false],
    ['She shrugged: "We will manage."', "shrugged", "shrug", "asserts", false],
  ] as const)("%s → %s (%s, %s, hedged %s)", (sentence, text, lemma, stance, hedged) => {
    expect(firstCue(sentence)).toMatchObject({ text, lemma, stance, hedged })
  })

  it.each([
    // Without a topic, a particle that makes another verb, or what a state of mind is about: no cue.
    "The senator spoke for ten minutes.",
    "The senator spoke to reporters in the hall.",
    "The city backed out of the deal.",
    "The crew was ready to sail at dawn.",
    "He is very proud of his garden.",
    "She called in to a radio show.",
    "The council put the plan on hold.",
    "The council put the tower at risk.",
    "The council revised the rules to protect tenants.",
    // A light verb with no noun for what was said, or none said after it.
    "The baker made a cake for the party.",
    "The council made its case in court.",
    // A vote with no side taken, a rate and a judge that are nouns.
    "The council voted on Tuesday.",
    "The bank cut its rate to 2 percent.",
    "The judge opened the hearing.",
    // Idioms a cue word is part of report nothing.
    "Let's say the fare is five dollars.",
    "Having said that, the fare is five dollars.",
    "Needless to say, the fare rose.",
    // A colon with no quotation after it, or a subject that names no one.
    "Greta Vik hit back: the yard was shut.",
    "The results came in: \u201CNo change.\u201D",
    // A participle describing a noun "of" or "among" governs reports nothing.
    "Of the cases confirmed so far, 29 are children.",
    "Among the patients reported last week, ten were adults.",
  ])("reads no cue in: %s", (sentence) => {
    expect(firstCue(sentence)).toBeNull()
  })

  it("keeps a participle whose agent follows 'by' a cue", () => {
    expect(firstCue("The number of cases reported by the ministry rose to 40.")?.lemma).toBe("report")
  })

  it("reads the 'according to' phrase as its own mode", () => {
    expect(firstCue("According to the ministry, it rained.")?.mode).toBe("according-to")
    expect(firstCue("Officials said it rained.")?.mode).toBeNull()
  })

  it.each([
    ["Estimates from a German think tank suggest growth.", "suggest"],
    ["The bridge was closed on Monday.", null],
    // A plural noun before "-s": the noun compound, not a verb.
    ["The union demands rose last year.", null],
    ["Voter questions dominated the forum.", null],
    // An owner's pronoun before a plural noun: the noun, not a verb.
    ["The mayor read her notes, and the council listened.", null],
    // The same words inside a list, not closing the sentence.
    ["The council read the report, the budget estimates and the minutes.", null],
  ])("does not read a noun compound as a cue: %s", (sentence, lemma) => {
    expect(firstCue(sentence)?.lemma ?? null).toBe(lemma)
  })
})
