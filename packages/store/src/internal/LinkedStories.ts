/**
 * The walk both engines take to find a batch's linked stories: the stories asked for, then those sharing
 * a claim key with what was read, until none is new or the cap is reached; the ones past the cap are counted.
 */

export interface Walk {
  /** The stories to read, the asked-for ones first. */
  readonly read: string[]
  readonly seen: Set<string>
  readonly asked: number
  readonly max: number
  leftOut: number
}

export const start = (stories: ReadonlyArray<string>, max: number): Walk => {
  const read = [...new Set(stories)]
  return { read, seen: new Set(read), asked: read.length, max, leftOut: 0 }
}

/** Takes the stories linked to the last step's; returns the ones newly read, the next step's frontier. */
export const admit = (walk: Walk, linked: Iterable<string>): string[] => {
  const next: string[] = []
  for (const id of linked) {
    if (walk.seen.has(id)) continue
    walk.seen.add(id)
    if (walk.read.length - walk.asked < walk.max) {
      walk.read.push(id)
      next.push(id)
    } else walk.leftOut++
  }
  return next
}
