/**
 * The one rule for URLs that came from input: only http: and https: are ever written as a link or
 * a url; `javascript:`, `data:`, `file:` and anything unparsable are left out.
 */

/** The URL, normalised, when it is an absolute http: or https: URL; else null. */
export const safe = (raw: string | null | undefined): string | null => {
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null
}
