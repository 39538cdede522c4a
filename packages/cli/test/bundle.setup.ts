/**
 * Vitest global set-up: builds the bundled CLI the end-to-end tests run (packages/cli/bundle.mjs,
 * as `pnpm crosscheck` does), so they test what a user runs. A no-op when nothing changed.
 */
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL("../bundle.mjs", import.meta.url))], { stdio: "inherit" })
}
