/**
 * Generated hostile articles, by size, for the hostile-input battery and `pnpm bench hostile`: long
 * runs without spaces, repeated verbs and speakers, nested markup, data URLs. Nothing large is committed.
 */

/** One kind of hostile article: a file name's extension and its text at about `chars` characters. */
export interface Generator {
  readonly name: string
  readonly ext: ".txt" | ".html"
  readonly make: (chars: number) => string
}

/** `unit` repeated to exactly `chars` characters. */
export const repeatTo = (unit: string, chars: number): string =>
  unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)

/** An HTML page with a title and a short article around `inner`, as a CMS might write it. */
const page = (inner: string): string =>
  `<!doctype html><html><head><title>Council budget</title></head><body><article><h1>Council budget</h1>` +
  `<p>The council approved 40 new homes on Tuesday, officials said.</p>${inner}` +
  `<p>A spokesperson said 12 more would follow.</p></article></body></html>`

const nestedTables = (chars: number): string => {
  const open = "<table><tr><td>"
  const close = "</td></tr></table>"
  const depth = Math.max(1, Math.floor(chars / (open.length + close.length)))
  return page(`${open.repeat(depth)}Turnout was 61 percent.${close.repeat(depth)}`)
}

// Base64's alphabet: a long run with no space that e-mail and URL patterns once scanned quadratically.
const base64 = (chars: number): string => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  let s = ""
  for (let i = 0; s.length < chars; i++) s += alphabet[(i * 7919) % 64]
  return s
}

/** The cases of issue #16 (and a few of their relatives), each growing with `chars`. */
export const generators: ReadonlyArray<Generator> = [
  { name: "dashes", ext: ".txt", make: (n) => "-".repeat(n) },
  { name: "dollars", ext: ".txt", make: (n) => "$".repeat(n) },
  { name: "digits and separators", ext: ".txt", make: (n) => repeatTo("1,2.3-4/5:", n) },
  { name: "quotes", ext: ".txt", make: (n) => repeatTo(`"'“”‘’`, n) },
  { name: "said", ext: ".txt", make: (n) => repeatTo("said ", n) },
  { name: "Kim said", ext: ".txt", make: (n) => repeatTo("Kim said ", n) },
  {
    name: "Kim said 5",
    ext: ".txt",
    make: (n) => repeatTo("Kim said 5 people were hurt. ", n),
  },
  {
    name: "data URL",
    ext: ".html",
    make: (n) => page(`<p><img alt="chart" src="data:image/png;base64,${base64(n)}"></p>`),
  },
  { name: "nested tables", ext: ".html", make: nestedTables },
  { name: "nested markup", ext: ".html", make: (n) => page(`${"<div><span>".repeat(n / 11)}x`) },
]

/** Every printable ASCII punctuation character, for a long run of each (the property tests). */
export const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"]
