// The SQLite store (issue 8) lands here; nothing is exported until it does.
export {}
