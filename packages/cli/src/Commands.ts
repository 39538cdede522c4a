/**
 * The `crosscheck` program: commander's root and the list of commands. Each command is a module
 * with `register(root, io, done)`; `done` receives its exit code and bin.ts turns failures into messages.
 */
import { Command } from "commander"
import cliPackage from "../package.json" with { type: "json" }
import * as Claims from "./Claims.js"
import * as Enqueue from "./Enqueue.js"
import * as ExitCode from "./ExitCode.js"
import * as Extract from "./Extract.js"
import type { Io } from "./Io.js"
import * as Report from "./Report.js"
import * as Run from "./Run.js"
import * as Schema from "./Schema.js"
import * as Stories from "./Stories.js"
import * as Verify from "./Verify.js"
import * as Worker from "./Worker.js"

export type { Io } from "./Io.js"

/** Builds the program; `done` receives each command's exit code. */
export const program = (io: Io, done: (code: number) => void): Command => {
  const root = new Command("crosscheck")
    .description("Extract numeric and attributed claims from articles and check them against each other.")
    .version(cliPackage.version, "-V, --version", "print crosscheck's version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `\nRun \`crosscheck <command> --help\` for a command's options and an example.\n\nExit codes:\n${ExitCode.MEANINGS.map(([code, meaning]) => `  ${String(code).padEnd(3)}${meaning}\n`).join("")}`,
    )

  // The commands, in the order --help lists them. A new command: one module, one line here.
  Run.register(root, io, done)
  Report.register(root, io, done)
  Claims.register(root, io, done)
  Stories.register(root, io, done)
  Extract.register(root, io, done)
  Verify.register(root, io, done)
  Enqueue.register(root, io, done)
  Worker.register(root, io, done)
  Schema.register(root, io, done)

  return root
}
