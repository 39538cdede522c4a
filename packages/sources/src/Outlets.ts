/**
 * Canonical outlet names: "NYT", "The New York Times" and nytimes.com are one outlet. The aliases
 * and domains are data (outlets.json); an outlet the table does not know keeps the name it was given.
 */
import catalogue from "./outlets.json" with { type: "json" }

/** An alias compared without case, punctuation, spacing or a leading "The". */
const key = (name: string): string =>
  name
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "")

const BY_ALIAS = new Map(
  catalogue.outlets.flatMap((o) => [o.name, ...o.aliases, ...o.domains].map((a) => [key(a), o.name] as const)),
)
const BY_DOMAIN = new Map(catalogue.outlets.flatMap((o) => o.domains.map((d) => [d, o.name] as const)))

/** The outlet a host name belongs to: the host itself or a parent domain ("edition.cnn.com" → CNN). */
export const ofHost = (host: string): string | null => {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".")
  for (let i = 0; i < labels.length - 1; i++) {
    const found = BY_DOMAIN.get(labels.slice(i).join("."))
    if (found) return found
  }
  return null
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname || null
  } catch {
    return null
  }
}

/** The outlet by name or alias ("HPO", "huffington post"), or by a domain written as the name. */
export const ofName = (name: string): string | null =>
  BY_ALIAS.get(key(name)) ?? (/^[\w-]+(\.[\w-]+)+$/.test(name.trim()) ? ofHost(name.trim()) : null)

/** The canonical name: from the outlet's name, else from the URL's domain, else the name as given. */
export const canonical = (outlet: string, url: string | null = null): string => {
  const host = url ? hostOf(url) : null
  return ofName(outlet) ?? (host ? ofHost(host) : null) ?? outlet.trim()
}

/** The document with `canonicalOutlet` filled in (kept when it already has one). */
export const withCanonical = <
  D extends { readonly outlet: string; readonly url: string | null; readonly canonicalOutlet?: string | undefined },
>(
  d: D,
): D => (d.canonicalOutlet ? d : { ...d, canonicalOutlet: canonical(d.outlet, d.url) })
