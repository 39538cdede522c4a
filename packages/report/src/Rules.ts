/**
 * The catalogue of judgement rules (rules.json): every rule a finding or a verify result can name,
 * with the verdicts it gives and what it means, so a reader can look up why.
 */
import catalogue from "./rules.json" with { type: "json" }

export type RuleName = keyof typeof catalogue.rules

export interface Rule {
  readonly verdicts: ReadonlyArray<string>
  readonly says: string
}

export const RULES: Readonly<Record<RuleName, Rule>> = catalogue.rules

export const isRule = (name: string): name is RuleName => Object.hasOwn(RULES, name)

/** What a rule means, for explanations and docs. */
export const says = (name: RuleName): string => RULES[name].says
