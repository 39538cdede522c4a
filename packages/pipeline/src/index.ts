export * as Pipeline from "./Pipeline.js"
