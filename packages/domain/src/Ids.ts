/**
 * Branded identifiers, so a claim id cannot be passed where a document id is expected.
 * Ids are derived from content (see `hashId`), so the same input gives the same id in every run.
 */
import * as Crypto from "node:crypto"
import { Schema } from "effect"

export const DocumentId = Schema.String.pipe(Schema.brand("DocumentId"))
export type DocumentId = typeof DocumentId.Type

export const ClaimId = Schema.String.pipe(Schema.brand("ClaimId"))
export type ClaimId = typeof ClaimId.Type

export const FindingId = Schema.String.pipe(Schema.brand("FindingId"))
export type FindingId = typeof FindingId.Type

// Node 20.12+ hashes a string in one call (`crypto.hash`), without a Hash object; 20.11 makes one.
const oneShot = (Crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash
const sha256Hex = (data: string): string =>
  oneShot ? oneShot("sha256", data, "hex") : Crypto.createHash("sha256").update(data).digest("hex")

/** A short stable hash of the given parts, prefixed so ids say what they name ("d-", "c-", "f-"). */
export const hashId = (prefix: string, ...parts: ReadonlyArray<string | number>): string => {
  // One update of the parts, each ended by a NUL: the same bytes as one update per part and per NUL,
  // at a fraction of the cost (each update crosses into native code).
  let joined = ""
  for (const part of parts) joined += `${part}\u0000`
  return `${prefix}-${sha256Hex(joined).slice(0, 16)}`
}

export const documentId = (...parts: ReadonlyArray<string | number>): DocumentId =>
  DocumentId.make(hashId("d", ...parts))
export const claimId = (...parts: ReadonlyArray<string | number>): ClaimId => ClaimId.make(hashId("c", ...parts))
export const findingId = (...parts: ReadonlyArray<string | number>): FindingId => FindingId.make(hashId("f", ...parts))
