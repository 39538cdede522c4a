/**
 * What a web page says about its article, read before extraction: Open Graph and article meta tags,
 * JSON-LD (schema.org NewsArticle and kin), the canonical link and the first <time datetime>.
 */
import type { Document, Element } from "./dom.js"

export interface Metadata {
  readonly title: string | null
  readonly siteName: string | null
  readonly byline: string | null
  readonly published: string | null
  readonly url: string | null
}

const ARTICLE_TYPE = /Article|Posting|Report|NewsArticle|Story/

const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.created",
  "dc.date",
  "date",
  "article.published",
  "originalpublicationdate",
]

/** A metadata value as the page gives it, on one line and of a sane length; attacker-controlled either way. */
const clean = (value: unknown): string | null => {
  if (typeof value !== "string") return null
  const t = value.replace(/\s+/g, " ").trim()
  return t === "" ? null : t.slice(0, 300)
}

const metas = (document: Document): Map<string, string> => {
  const out = new Map<string, string>()
  for (const m of Array.from(document.querySelectorAll("meta"))) {
    const key = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? "").toLowerCase()
    const value = clean(m.getAttribute("content"))
    if (key && value && !out.has(key)) out.set(key, value)
  }
  return out
}

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

/** Every object in the JSON-LD blocks, through arrays and @graph. */
const jsonLd = (document: Document): ReadonlyArray<Json> => {
  const out: Json[] = []
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1)
    else if (isObject(v)) {
      out.push(v)
      if (v["@graph"]) visit(v["@graph"], depth + 1)
    }
  }
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ""), 0)
    } catch {
      // A broken JSON-LD block is common and says nothing; the other sources of metadata remain.
    }
  }
  return out
}

const typeOf = (o: Json): string => {
  const t = o["@type"]
  return Array.isArray(t) ? t.join(" ") : typeof t === "string" ? t : ""
}

const nameOf = (v: unknown): string | null => {
  if (typeof v === "string") return clean(v)
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => x !== null)
    return names.length > 0 ? names.join(" and ") : null
  }
  return isObject(v) ? clean(v.name) : null
}

const urlOf = (v: unknown): string | null => (typeof v === "string" ? clean(v) : isObject(v) ? clean(v["@id"]) : null)

const attr = (e: Element | null, name: string): string | null => clean(e?.getAttribute(name) ?? null)

const hostOf = (url: string | null): string | null => {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null
  } catch {
    return null
  }
}

export const read = (document: Document): Metadata => {
  const meta = metas(document)
  const ld = jsonLd(document)
  const article = ld.find((o) => ARTICLE_TYPE.test(typeOf(o))) ?? null
  const site = ld.find((o) => /WebSite|Organization|NewsMediaOrganization/.test(typeOf(o))) ?? null
  const url =
    attr(document.querySelector('link[rel="canonical"]'), "href") ??
    meta.get("og:url") ??
    (article ? (urlOf(article.url) ?? urlOf(article.mainEntityOfPage)) : null)
  const timeElement =
    document.querySelector("article time[datetime]") ?? document.querySelector("time[pubdate][datetime]")
  const published =
    meta.get("article:published_time") ??
    (article ? clean(article.datePublished) : null) ??
    PUBLISHED_META.map((k) => meta.get(k)).find((v) => v !== undefined) ??
    (article ? clean(article.dateCreated) : null) ??
    attr(timeElement, "datetime")
  const authorMeta = meta.get("author") ?? meta.get("article:author") ?? null
  return {
    title:
      meta.get("og:title") ??
      (article ? (clean(article.headline) ?? clean(article.name)) : null) ??
      meta.get("twitter:title") ??
      null,
    siteName:
      meta.get("og:site_name") ??
      (article ? nameOf(article.publisher) : null) ??
      (site ? nameOf(site) : null) ??
      meta.get("application-name") ??
      hostOf(url),
    byline:
      (article ? nameOf(article.author) : null) ?? (authorMeta && !/^https?:/.test(authorMeta) ? authorMeta : null),
    published,
    url,
  }
}
