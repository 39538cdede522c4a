/**
 * The one whitespace collapse of the reports: every run of whitespace as one space, the ends trimmed.
 * A story page calls it for every passage it shows (tens of thousands of times at 10,000 articles), and
 * most text holds only single spaces: that text is only trimmed, not rebuilt word by word.
 */

/** A run of two or more, or any whitespace that is not a plain space. */
const UNTIDY = /\s{2,}|[^\S ]/g

export const collapse = (s: string): string => {
  UNTIDY.lastIndex = 0
  return (UNTIDY.test(s) ? s.replace(UNTIDY, " ") : s).trim()
}
