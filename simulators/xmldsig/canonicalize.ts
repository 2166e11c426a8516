import { C14nCanonicalization, ExclusiveCanonicalization } from 'xml-crypto';
import { type C14N, EXC_C14N } from './algorithms.ts';

/**
 * Canonical XML (without comments) of an element and its subtree, by xml-crypto's
 * canonicalisers with one correction: xml-crypto sorts namespace declarations with
 * `localeCompare`, whose order differs from the code-point order C14N prescribes as soon as
 * prefixes mix case or punctuation (`xmlns:B` before `xmlns:a`, `ns_1` against `ns-1`); Java's
 * implementation, and so DCC's tool, sorts by code point. Attributes are likewise sorted by
 * namespace URI, then local name, compared as strings rather than as one concatenation.
 *
 * The node must be an element (the document element for a whole-document reference); comments
 * are dropped, as for a same-document Reference.
 */
export function canonicalize(element: Element, algorithm: typeof C14N | typeof EXC_C14N): string {
  return algorithm === EXC_C14N ? exclusive.process(element, {}) : inclusive.process(element, {});
}

function byCodeUnit(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNamespaces(a: { prefix?: string | null }, b: { prefix?: string | null }): -1 | 0 | 1 {
  return byCodeUnit(a.prefix ?? '', b.prefix ?? '');
}

function compareAttributes(a: Attr, b: Attr): -1 | 0 | 1 {
  return (
    byCodeUnit(a.namespaceURI ?? '', b.namespaceURI ?? '') ||
    byCodeUnit(a.localName ?? a.name, b.localName ?? b.name)
  );
}

class InclusiveC14n extends C14nCanonicalization {
  override attrCompare(a: Attr, b: Attr): -1 | 0 | 1 {
    return compareAttributes(a, b);
  }

  override nsCompare(a: { prefix?: string | null }, b: { prefix?: string | null }): -1 | 0 | 1 {
    return compareNamespaces(a, b);
  }
}

class ExclusiveC14n extends ExclusiveCanonicalization {
  override attrCompare(a: Attr, b: Attr): -1 | 0 | 1 {
    return compareAttributes(a, b);
  }

  override nsCompare(a: { prefix?: string | null }, b: { prefix?: string | null }): -1 | 0 | 1 {
    return compareNamespaces(a, b);
  }
}

const inclusive = new InclusiveC14n();
const exclusive = new ExclusiveC14n();
