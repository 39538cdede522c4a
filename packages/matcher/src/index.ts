export * as Alignment from "./Alignment.js"
