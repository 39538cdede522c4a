import { describe, expect, it } from "vitest"
import * as Inputs from "../src/Inputs.js"
import * as Outlets from "../src/Outlets.js"

describe("Outlets.canonical", () => {
  // One row per way an outlet is written and the name it must give.
  const rows: ReadonlyArray<readonly [string, string | null, string]> = [
    ["NYT", null, "The New York Times"],
    ["The New York Times", null, "The New York Times"],
    ["new york times", null, "The New York Times"],
    ["nytimes.com", null, "The New York Times"],
    ["www.nytimes.com", null, "The New York Times"],
    ["nyt", null, "The New York Times"],
    ["Fox", null, "Fox News"],
    ["fox", null, "Fox News"],
    ["Fox News", null, "Fox News"],
    ["HPO", null, "HuffPost"],
    ["hpo", null, "HuffPost"],
    ["Huffington Post", null, "HuffPost"],
    ["The Huffington Post", null, "HuffPost"],
    ["HuffPost", null, "HuffPost"],
    ["The Associated Press", null, "AP"],
    ["Associated Press", null, "AP"],
    ["Thomson Reuters", null, "Reuters"],
    ["Agence France-Presse", null, "AFP"],
    ["BBC News", null, "BBC"],
    ["WaPo", null, "The Washington Post"],
    ["Washington Post", null, "The Washington Post"],
    ["CNN", null, "CNN"],
    // No known name: the URL's domain decides, a subdomain included.
    ["article-17", "https://edition.cnn.com/2025/08/15/world/x.html", "CNN"],
    ["Some Blog", "https://www.bbc.co.uk/news/articles/x", "BBC"],
    // Unknown everywhere: kept as written, trimmed.
    ["  The Riverside Gazette ", null, "The Riverside Gazette"],
    ["The Riverside Gazette", "https://riverside-gazette.example/a", "The Riverside Gazette"],
    // A name the table knows wins over a URL of another outlet (a reprint on a syndication site).
    ["Japan Today", "https://apnews.com/article/x", "Japan Today"],
  ]
  it.each(rows)("%s (%s) → %s", (outlet, url, expected) => {
    expect(Outlets.canonical(outlet, url)).toBe(expected)
  })

  it("fills canonicalOutlet on every document read", () => {
    const d = Inputs.toDocument("feed.jsonl", 0, { outlet: "HPO", url: null }, "Text.")
    expect(d.canonicalOutlet).toBe("HuffPost")
    expect(d.outlet).toBe("HPO")
  })

  it("keeps a canonical outlet a document already has", () => {
    const d = { outlet: "NYT", url: null, canonicalOutlet: "Desk override" }
    expect(Outlets.withCanonical(d).canonicalOutlet).toBe("Desk override")
  })
})
