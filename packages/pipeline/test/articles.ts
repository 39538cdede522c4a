/** Four short articles for incremental tests: two agree on troops, a third and fourth arrive later. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const ARTICLES = {
  "alpha.md": `---
outlet: Alpha News
published: 2025-08-10
---
North Korea has sent 11,000 troops to Russia, officials said. The army fired 5,000 artillery shells a day near Kursk.
`,
  "beta.md": `---
outlet: Beta Times
published: 2025-08-11
---
Pyongyang deployed 11,000 troops to Russia, according to Seoul. Talks between the two leaders resumed in Moscow.
`,
  "gamma.md": `---
outlet: Gamma Wire
published: 2025-08-12
---
Russian forces fired 20,000 artillery shells a day near Kursk, the monitors said.
`,
  "delta.md": `---
outlet: Delta Post
published: 2025-08-12
---
North Korea has sent 3,000 troops to Russia, a lawmaker said.
`,
} as const

export type Name = keyof typeof ARTICLES extends `${infer N}.md` ? N : never

/** Writes the named articles into a new folder of their own and returns its path. */
export const folder = (...names: ReadonlyArray<Name>): string => {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-articles-"))
  mkdirSync(dir, { recursive: true })
  for (const name of names) writeFileSync(join(dir, `${name}.md`), ARTICLES[`${name}.md`])
  return dir
}

export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), "crosscheck-pipeline-")), "store.db")
