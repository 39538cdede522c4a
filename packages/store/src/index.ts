export * as Migrations from "./Migrations.js"
export * as Store from "./Store.js"
