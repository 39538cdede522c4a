/**
 * The catalogue of judgement rules (rules.json): every rule a finding or a verify result can name,
 * with the verdicts it gives and what it means, so a reader can look up why.
 */
import catalogue from "./rules.json" with { type: "json" }

/**
 * A rule's name. A plain string in the published declarations: a type read off rules.json would make
 * tsc write an import of the JSON into Rules.d.ts without its `type: "json"` attribute, which a user's
 * strict NodeNext project refuses. Every name used is checked against the catalogue by the tests.
 */
export type RuleName = string

export interface Rule {
  readonly verdicts: ReadonlyArray<string>
  readonly says: string
  /** The pair's figures are not one amount: the rule decides a group only when no other pair says more. */
  readonly decidesLast?: boolean
}

export const RULES: Readonly<Record<RuleName, Rule>> = catalogue.rules

export const isRule = (name: string): name is RuleName => Object.hasOwn(RULES, name)

/** Whether a rule decides a group only when no other pair agrees, conflicts or changes (rules.json `decidesLast`). */
export const decidesLast = (name: RuleName): boolean => RULES[name]?.decidesLast === true

/** What a rule means, for explanations and docs. */
export const says = (name: RuleName): string => RULES[name]?.says ?? name
