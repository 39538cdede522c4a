export * as Bcubed from "./Bcubed.js"
export * as Clustering from "./Clustering.js"
export * as Keys from "./Keys.js"
export * as StoryState from "./State.js"
