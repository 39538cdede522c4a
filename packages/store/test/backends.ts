/**
 * The engines the store's behaviour tests run on, each giving every test a store of its own: SQLite
 * always, PostgreSQL (one server per test file) where its binaries are, as CI requires.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { Effect } from "effect"
import { afterAll } from "vitest"
import { Location } from "../src/index.js"
import * as PostgresServer from "./PostgresServer.js"

/** A new SQLite file in a temporary folder of its own. */
export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), "crosscheck-store-")), "store.db")

const postgres = PostgresServer.perFile()
afterAll(() => postgres.stop())

export const BACKENDS: ReadonlyArray<{ readonly name: string; readonly fresh: () => Effect.Effect<string> }> = [
  { name: "SQLite", fresh: () => Effect.sync(tempDb) },
  ...(PostgresServer.skip ? [] : [{ name: "PostgreSQL", fresh: () => Effect.promise(postgres.createDatabase) }]),
]

/** Rows of a query on either engine, read without the store's code; counts cast to integers come back as numbers on both. */
export const rows = async (path: string, sql: string): Promise<Array<Record<string, unknown>>> => {
  if (Location.isPostgres(path)) return PostgresServer.query(path, sql)
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>
  } finally {
    db.close()
  }
}

/** The first column of the first row: a count or a check. */
export const value = async (path: string, sql: string): Promise<unknown> => {
  const [row] = await rows(path, sql)
  return row ? Object.values(row)[0] : undefined
}

/** Runs a statement on either engine without the store's code: a row made as an older crosscheck left it. */
export const execute = async (path: string, sql: string): Promise<void> => {
  if (Location.isPostgres(path)) {
    await PostgresServer.query(path, sql)
    return
  }
  const db = new Database(path, { fileMustExist: true })
  try {
    db.exec(sql)
  } finally {
    db.close()
  }
}
