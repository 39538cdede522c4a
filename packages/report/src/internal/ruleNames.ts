/**
 * The rule names rules.json holds, as a type for the judgement's own code, so a misspelt rule does not
 * compile. Kept out of the published declarations (see Rules.RuleName): no exported type names it.
 */
import catalogue from "../rules.json" with { type: "json" }

export type KnownRule = keyof typeof catalogue.rules
