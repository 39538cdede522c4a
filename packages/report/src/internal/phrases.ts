/**
 * Word lists as regular expressions, one way for every catalogue the report's rules read: phrases
 * longest first (so "according to" wins over "according"), escaped, any run of space between words.
 */

/** An alternation of the phrases, to be set between the caller's own boundaries. */
export const alternation = (phrases: ReadonlyArray<string>): string =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|")

/** A small count or an age in words: "three", "eleven", "eighteen", "sixty". */
export const NUMBER_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty"
