/**
 * What the extractor's tests share: a one-text document, so each test file need not build its own.
 * `publishedAt` anchors relative times where a test reads them.
 */
import { type Document, Ids } from "@crosscheck/domain"

export const doc = (text: string, publishedAt: string | null = null): Document.Document => ({
  id: Ids.documentId("test", text),
  outlet: "test",
  title: null,
  publishedAt,
  url: null,
  origin: { path: "test.txt", index: 0 },
  syndicationGroup: null,
  text,
})
