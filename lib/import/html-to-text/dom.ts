/**
 * The parse5 tree as html-to-text walks it: node type guards, attribute access, and the two
 * generic iterative walks (first match, text content). Walks use an explicit stack so deeply
 * nested markup cannot overflow the call stack.
 */
import type { DefaultTreeAdapterTypes as T } from "parse5";

export type DomDocument = T.Document;
export type DomNode = T.ChildNode;
export type DomElement = T.Element;
export type DomParent = T.ParentNode;

export function isElement(n: T.Node): n is DomElement {
  return "tagName" in n;
}

export function isText(n: T.Node): n is T.TextNode {
  return n.nodeName === "#text";
}

export function hasChildren(n: T.Node): n is DomParent {
  return "childNodes" in n;
}

/** The value of attribute `name` (lower-case), or undefined. */
export function attr(el: DomElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

export const NO_ATTRS: Record<string, string | undefined> = Object.freeze(Object.create(null) as Record<string, string | undefined>);

/** The element's attributes as a record (a prototype-less object, so "constructor" is no key). */
export function attrs(el: DomElement): Record<string, string | undefined> {
  const r: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const a of el.attrs) r[a.name] ??= a.value;
  return r;
}

/** The first element under `node` (excluded) that passes `test`, depth first. */
export function findFirst(node: DomParent, test: (el: DomElement) => boolean): DomElement | null {
  const stack: DomNode[] = [];
  for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (test(n)) return n;
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return null;
}

/** Whether the space-separated list `value` holds `token` (ASCII case-insensitive). */
export function hasToken(value: string, token: string): boolean {
  return value.toLowerCase().split(/[\t\n\f\r ]+/).includes(token);
}

/** The concatenated text of all Text nodes under `node` (iterative). */
export function textContent(node: T.Node): string {
  const out: string[] = [];
  const stack: T.Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) out.push(n.value);
    else if (hasChildren(n)) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out.join("");
}
