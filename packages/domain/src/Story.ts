/**
 * A story: the articles that report one event, found by the story stage, with what a reader needs
 * to recognise it (a label, its time span, its outlets) (docs/report-format.md `Story`).
 */
import { Schema } from "effect"
import { DocumentId } from "./Ids.js"

export const StoryId = Schema.String.pipe(Schema.brand("StoryId"))
export type StoryId = typeof StoryId.Type

export const Story = Schema.Struct({
  id: StoryId,
  /** Its most telling title words or names ("Kim Yo Jong · loudspeakers · Seoul"). */
  label: Schema.String,
  /** First and last publication dates of its articles (ISO), null when none is dated. */
  start: Schema.NullOr(Schema.String),
  end: Schema.NullOr(Schema.String),
  /** Canonical outlets, each once, in order of first article. */
  outlets: Schema.Array(Schema.String),
  documentIds: Schema.Array(DocumentId),
}).annotations({ identifier: "Story" })
export type Story = typeof Story.Type
