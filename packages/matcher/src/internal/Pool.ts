/**
 * A growable typed array. The matcher keeps a number or two per claim, item or candidate pair, and at
 * 10,000 documents (400,000 items) a plain array's 8-byte slots and growth slack are most of that.
 */

type Typed = Int32Array | Float64Array

export interface Pool<T extends Typed> {
  readonly length: number
  readonly push: (...values: ReadonlyArray<number>) => void
  /** The values pushed, in an array of their own length: the doubling slack is not kept. */
  readonly done: () => T
}

export const pool = <T extends Typed>(make: (length: number) => T, capacity = 1 << 16): Pool<T> => {
  let data = make(capacity)
  let length = 0
  return {
    get length() {
      return length
    },
    push: (...values) => {
      if (length + values.length > data.length) {
        const grown = make(Math.max(2 * data.length, length + values.length))
        grown.set(data)
        data = grown
      }
      for (const v of values) data[length++] = v
    },
    done: () => data.slice(0, length) as T,
  }
}

export const ints = (capacity?: number): Pool<Int32Array> => pool((n) => new Int32Array(n), capacity)
export const floats = (capacity?: number): Pool<Float64Array> => pool((n) => new Float64Array(n), capacity)
