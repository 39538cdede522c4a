/**
 * The few DOM shapes the HTML reader uses, typed structurally: the project compiles without the DOM
 * library, and linkedom's own types lean on it.
 */

export interface Node {
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<Node>
  readonly textContent: string | null
}

export interface Element extends Node {
  readonly tagName: string
  getAttribute(name: string): string | null
  querySelectorAll(selectors: string): ArrayLike<Element>
  querySelector(selectors: string): Element | null
  remove(): void
}

export interface Document extends Element {
  readonly title: string
  readonly body: Element | null
  readonly documentElement: Element | null
}

export const TEXT_NODE = 3
export const ELEMENT_NODE = 1

export interface MutableElement extends Element {
  readonly parentNode: MutableElement | null
  readonly children: ArrayLike<MutableElement>
  readonly firstChild: Node | null
  insertBefore(node: Node, before: Node): void
}

/**
 * Unwraps every element nested deeper than `limit`, keeping its content in place. Readability's
 * scoring walks ancestors for each node, which takes minutes on a page of thousands of nested divs.
 */
export const flatten = (root: MutableElement, limit: number): number => {
  const deep: MutableElement[] = []
  const stack: Array<[MutableElement, number]> = [[root, 0]]
  while (stack.length > 0) {
    const [e, depth] = stack.pop() ?? [root, 0]
    if (depth > limit) deep.push(e)
    const children = e.children
    for (let i = 0; i < children.length; i++) {
      const c = children[i]
      if (c) stack.push([c, depth + 1])
    }
  }
  // Deepest first, so each unwrap moves only what is already flat.
  for (let i = deep.length - 1; i >= 0; i--) {
    const e = deep[i]
    const parent = e?.parentNode
    if (!e || !parent) continue
    while (e.firstChild) parent.insertBefore(e.firstChild, e)
    e.remove()
  }
  return deep.length
}
