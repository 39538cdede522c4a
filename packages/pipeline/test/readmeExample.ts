/**
 * The README's embedding example and what it must print, shared by the test that runs it from the
 * sources (Readme.test.ts) and the one that runs it from the packed tarballs (Packed.test.ts).
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { expect } from "vitest"

export const root = new URL("../../../", import.meta.url).pathname

/** The fenced block right after the marker comment, exactly as a reader copies it. */
export const example = (): string => {
  const readme = readFileSync(join(root, "README.md"), "utf8")
  const marker = readme.indexOf("<!-- embedding-example")
  const block = readme.slice(marker).match(/```ts\n([\s\S]*?)```/)
  if (marker < 0 || !block?.[1]) throw new Error("README: no embedding example after its marker")
  return block[1]
}

/** What the example prints on the seeds, and the files it leaves in its working folder. */
export const expectRan = (run: { readonly stdout: string; readonly stderr: string }, cwd: string): void => {
  expect(run.stderr).toBe("")
  const lines = run.stdout.trim().split("\n")
  expect(lines[0]).toMatch(/^stored 4 articles, \d+ findings$/)
  expect(lines).toContainEqual(expect.stringMatching(/^\d+ claims mention Kim Jong Un$/))
  expect(lines).toContainEqual(expect.stringMatching(/^(supports|discusses), with [1-9]\d* pieces of evidence$/))
  expect(lines.at(-1)).toMatch(/^\d+ findings in stories changed since 15 August, \d+ reviews$/)
  expect(existsSync(join(cwd, "desk.db"))).toBe(true)
  // The page the example writes inlines its style and script, files the report package reads at run time.
  const page = readFileSync(join(cwd, "today.html"), "utf8")
  const asset = (name: string) => readFileSync(join(root, "packages/report/src/internal", name), "utf8")
  expect(page).toContain(`<style>${asset("page.css")}</style>`)
  expect(page).toContain(`<script>${asset("page.js")}</script>`)
}
