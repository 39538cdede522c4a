/**
 * Colour for terminal output: only on a TTY and never when NO_COLOR is set (https://no-color.org),
 * so piped output and `pnpm --silent crosscheck …` stay plain text.
 */
const CODES = { red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] } as const

export type Colour = keyof typeof CODES

export type Paint = (colour: Colour, text: string) => string

export const enabled = (isTty: boolean, env: Readonly<Record<string, string | undefined>>): boolean =>
  isTty && (env.NO_COLOR === undefined || env.NO_COLOR === "") && env.TERM !== "dumb"

export const painter =
  (on: boolean): Paint =>
  (colour, text) =>
    on ? `\u001b[${CODES[colour][0]}m${text}\u001b[${CODES[colour][1]}m` : text

const VERDICT_COLOUR: Record<string, Colour> = {
  contradict: "red",
  disputed: "yellow",
  changed: "cyan",
  compatible: "green",
  agree: "green",
  "single-source": "dim",
}

export const verdict = (paint: Paint, name: string): string => paint(VERDICT_COLOUR[name] ?? "bold", name)
