import { describe, expect, it } from "vitest"
import { Url } from "../src/index.js"

describe("Url.safe", () => {
  it.each([
    ["https://example.org/a", "https://example.org/a"],
    ["  http://example.org/a?b=1#c ", "http://example.org/a?b=1#c"],
    ["HTTPS://Example.org", "https://example.org/"],
    ["javascript:alert(1)", null],
    [" JavaScript:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["data:text/html;base64,PHNjcmlwdD4=", null],
    ["file:///etc/passwd", null],
    ["vbscript:msgbox", null],
    ["//example.org/a", null],
    ["/relative/path", null],
    ["not a url", null],
    ["", null],
    [null, null],
  ])("%j gives %j", (raw, safe) => {
    expect(Url.safe(raw)).toBe(safe)
  })
})
