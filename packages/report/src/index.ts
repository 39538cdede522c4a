export * as Html from "./Html.js"
export * as Judgement from "./Judgement.js"
export * as Markdown from "./Markdown.js"
export * as ReportFile from "./ReportFile.js"
