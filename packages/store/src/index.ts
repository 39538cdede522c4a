export * as Migrations from "./Migrations.js"
export * as Sqlite from "./Sqlite.js"
export * as Store from "./Store.js"
