/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, `initdb` in a temporary
 * folder, `pg_ctl start` on a free local port, one fresh database per caller, everything removed after.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import pg from "pg"

/** CI sets this: a missing PostgreSQL is then a failure, not a skip. */
export const required = process.env.CROSSCHECK_REQUIRE_POSTGRES === "1"

/**
 * The folder holding initdb and pg_ctl: $CROSSCHECK_PG_BIN, then PATH, then the newest of Debian's
 * /usr/lib/postgresql/<version>/bin (the package puts its binaries there, not on PATH).
 */
export const binDir = ((): string | null => {
  const has = (dir: string) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))
  const given = process.env.CROSSCHECK_PG_BIN
  if (given) return has(given) ? given : null
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && has(dir)) return dir
  const debian = "/usr/lib/postgresql"
  if (!existsSync(debian)) return null
  const versions = readdirSync(debian)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
  for (const v of versions) if (has(join(debian, v, "bin"))) return join(debian, v, "bin")
  return null
})()

export const present = binDir !== null

/** Why the PostgreSQL tests are skipped, for the one line the test files print. */
export const skipReason =
  "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql to run these tests"

/** `describe.skipIf(skip)`: skipped without binaries, unless CI requires them (then the set-up fails). */
export const skip = !present && !required

if (skip) console.warn(`PostgreSQL tests SKIPPED: ${skipReason}`)

export interface Server {
  readonly port: number
  /** A connection URL for a database on this server, `postgres://postgres@127.0.0.1:PORT/NAME`. */
  readonly url: (database: string) => string
  /** Creates an empty database with a fresh name and gives its URL. */
  readonly createDatabase: () => Promise<string>
  readonly stop: () => void
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))))
    })
  })

/**
 * initdb refuses to run as root: as root (CI, this machine) the server runs as the `postgres` user
 * that Debian's package creates, and owns its folder.
 */
const asServerUser = (): {
  readonly wrap: (cmd: string, args: string[]) => [string, string[]]
  readonly user: string
} => {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args], user: "" }
  const user = process.env.CROSSCHECK_PG_USER ?? "postgres"
  return { wrap: (cmd, args) => ["runuser", ["-u", user, "--", cmd, ...args]], user }
}

const idOf = (user: string, flag: "-u" | "-g"): number => {
  try {
    return Number(execFileSync("id", [flag, user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))
  } catch {
    throw new Error(
      `initdb refuses to run as root, and there is no user ${JSON.stringify(user)} to run the server as: install Debian's postgresql package (it creates "postgres") or set CROSSCHECK_PG_USER`,
    )
  }
}

let counter = 0

/** Starts a server (about a second); `stop` ends it and removes its folder, as does the process exiting. */
export const start = async (options: { readonly durable?: boolean } = {}): Promise<Server> => {
  if (!binDir)
    throw new Error(
      required ? `CROSSCHECK_REQUIRE_POSTGRES=1 but ${skipReason}` : `PostgreSQL is not available: ${skipReason}`,
    )
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-pg-"))
  const data = join(dir, "data")
  const log = join(dir, "server.log")
  const { wrap, user } = asServerUser()
  if (user) {
    chownSync(dir, idOf(user, "-u"), idOf(user, "-g"))
  }
  const run = (cmd: string, args: string[]) => {
    const [c, a] = wrap(join(binDir, cmd), args)
    const r = spawnSync(c, a, { encoding: "utf8" })
    if (r.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : ""
      throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr}${r.error ?? ""}\n${serverLog}`)
    }
  }
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
  // Tests throw the data away, so nothing needs to reach the disk; a benchmark asks for the real thing.
  const speed = options.durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  let port = 0
  for (let attempt = 0; ; attempt++) {
    port = await freePort()
    try {
      run("pg_ctl", [
        "start",
        "-w",
        "-D",
        data,
        "-l",
        log,
        "-o",
        `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200${speed}`,
      ])
      break
    } catch (e) {
      // Another process took the port between the probe and the start: try another.
      if (attempt >= 3) throw e
    }
  }
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    process.off("exit", stop)
    const [c, a] = wrap(join(binDir, "pg_ctl"), ["stop", "-D", data, "-m", "immediate"])
    spawnSync(c, a)
    rmSync(dir, { recursive: true, force: true })
  }
  process.on("exit", stop)
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`
  return {
    port,
    url,
    createDatabase: async () => {
      const name = `t${process.pid}_${++counter}`
      const client = new pg.Client({ connectionString: url("postgres") })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return url(name)
    },
    stop,
  }
}

/** One server for a whole test file, started by the first test that asks for a database. */
export const perFile = (): { readonly createDatabase: () => Promise<string>; readonly stop: () => Promise<void> } => {
  let server: Promise<Server> | undefined
  return {
    createDatabase: async () => {
      server ??= start()
      return (await server).createDatabase()
    },
    stop: async () => {
      if (server) (await server).stop()
    },
  }
}

/** Rows of one query on the database at `url`, read without the store's code (tests check what it wrote). */
export const query = async <R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: ReadonlyArray<unknown> = [],
): Promise<R[]> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(sql, [...values])).rows
  } finally {
    await client.end()
  }
}
