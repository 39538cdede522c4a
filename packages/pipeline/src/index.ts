export * as Pipeline from "./Pipeline.js"
export * as Verify from "./Verify.js"
