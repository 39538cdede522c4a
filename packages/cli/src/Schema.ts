/** `crosscheck schema`: the JSON Schema of report.json, generated from the domain schema. */
import { Report } from "@crosscheck/domain"
import type { Command } from "commander"
import * as ExitCode from "./ExitCode.js"
import type { Io } from "./Io.js"

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  root
    .command("schema")
    .description("Print the JSON Schema of report.json, generated from the domain schema.")
    .addHelpText("after", "\nExample:\n  pnpm --silent crosscheck schema > report.schema.json\n")
    .action(() => {
      io.stdout(`${JSON.stringify(Report.jsonSchema(), null, 2)}\n`)
      done(ExitCode.OK)
    })
