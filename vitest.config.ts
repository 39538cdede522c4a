import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/test/**/*.test.ts"],
    // The end-to-end tests run the bundled CLI, as `pnpm crosscheck` does.
    globalSetup: ["packages/cli/test/bundle.setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
