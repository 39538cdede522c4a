/**
 * Where a store lives, from the one string a user gives (`--db`, the facade's `db`): a
 * `postgres://` or `postgresql://` URL is a PostgreSQL database, anything else a SQLite file.
 */

export type Location =
  | { readonly engine: "sqlite"; readonly path: string }
  | { readonly engine: "postgres"; readonly url: string }

/** The one rule: a URL with a PostgreSQL scheme (any case) is PostgreSQL; everything else is a file path. */
export const isPostgres = (given: string): boolean => /^postgres(ql)?:\/\//i.test(given)

export const parse = (given: string): Location =>
  isPostgres(given) ? { engine: "postgres", url: given } : { engine: "sqlite", path: given }

/**
 * The location as it may be shown (messages, `run`'s summary, errors): a URL's password is replaced
 * by `***`, so a store's name can be printed or logged without leaking its credentials.
 */
export const display = (given: string): string => {
  if (!isPostgres(given)) return given
  try {
    const url = new URL(given)
    if (url.password) url.password = "***"
    return url.toString()
  } catch {
    // Not parseable as a URL: hide whatever stands between "://" and "@".
    return given.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, "$1:***@")
  }
}
