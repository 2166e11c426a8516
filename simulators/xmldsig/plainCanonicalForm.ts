import { DS_NS } from './algorithms.ts';
import { tokenizePlainXml, XMLNS_NS } from './plainXml.ts';

/**
 * The digest input {@link signDuis} computes – inclusive C14N of the document element after
 * {@link stripElementContentWhitespace} – read straight from the text, without building a DOM, for
 * XML in the plain form (plainXml.ts: the form the harness's own writer, `serialiseXml`, produces,
 * and so every response and alert the DSP signs) with, besides, every namespace declared on the
 * root element, none of them the XML-DSig namespace (a document holding a signature takes the DOM
 * path, which drops it), and no mixed content (an element with element children holds only
 * whitespace besides them). Anything else gives `undefined`, and the caller takes the DOM path
 * (parseXmlStrict, strip, canonicalize), which also refuses what is not XML. So this never decides
 * anything the DOM path would decide differently; it only skips a parse.
 *
 * The canonical form is then: start and end tag for every element; on the root its namespace
 * declarations sorted by prefix (code point), then attributes sorted by name (code point) – all
 * are unprefixed, so that is C14N's order by namespace URI, then local name; whitespace between
 * elements dropped; text with `&`, `<`, `>`, CR escaped, attribute values with `&`, `<`, `"`, tab,
 * LF and CR escaped, as xml-crypto's C14N (see canonicalize.ts) writes them.
 * plainCanonicalForm.test.ts checks it against the DOM path on the writer's output and on
 * generated documents.
 */
export interface PlainCanonicalForm {
  /** Inclusive C14N of the document element, whitespace between elements removed. */
  readonly canonical: string;
  /** The root element's name, e.g. `sr:Response`. */
  readonly rootName: string;
}

const WHITESPACE_ONLY = /^[ \t\r\n]+$/;

export function plainCanonicalForm(xml: string): PlainCanonicalForm | undefined {
  const tokens = tokenizePlainXml(xml);
  if (tokens === undefined) return undefined;
  let out = '';
  let rootName: string | undefined;
  /** Per open element: whether it has an element child yet. */
  const parents: boolean[] = [];
  /** Text read since the last tag, not yet known to be content or whitespace between elements. */
  let pending: string | undefined;
  for (const token of tokens) {
    switch (token.kind) {
      case 'declaration':
        break;
      case 'text':
        // Text outside the root (whitespace) is not part of the document element.
        if (parents.length > 0) pending = token.text;
        break;
      case 'start': {
        // Text before a child element is whitespace between elements, or mixed content.
        if (pending !== undefined && !WHITESPACE_ONLY.test(pending)) return undefined;
        pending = undefined;
        const declarations: [string, string][] = [];
        const attributes: [string, string][] = [];
        for (const a of token.attributes) {
          if (a.uri === XMLNS_NS) declarations.push([a.qName.slice('xmlns:'.length), a.value]);
          else attributes.push([a.qName, a.value]);
        }
        const isRoot = rootName === undefined;
        if (declarations.length > 0 && (!isRoot || declarations.some(([, uri]) => uri === DS_NS))) return undefined;
        out += `<${token.qName}`;
        if (isRoot) {
          rootName = token.qName;
          declarations.sort((a, b) => byCodeUnit(a[0], b[0]));
          for (const [prefix, uri] of declarations) out += ` xmlns:${prefix}="${uri}"`;
        }
        if (attributes.length > 1) attributes.sort((a, b) => byCodeUnit(a[0], b[0]));
        for (const [name, value] of attributes) out += ` ${name}="${escapeAttribute(value)}"`;
        out += '>';
        if (parents.length > 0) parents[parents.length - 1] = true;
        if (token.selfClosing) out += `</${token.qName}>`;
        else parents.push(false);
        break;
      }
      case 'end': {
        const hasElementChild = parents.pop();
        if (pending !== undefined) {
          if (!hasElementChild) out += escapeText(pending);
          else if (!WHITESPACE_ONLY.test(pending)) return undefined;
        }
        pending = undefined;
        out += `</${token.qName}>`;
        break;
      }
    }
  }
  return rootName === undefined ? undefined : { canonical: out, rootName };
}

/** As xml-crypto writes a text node in canonical form. */
function escapeText(text: string): string {
  return /[&<>\r]/.test(text)
    ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;')
    : text;
}

/** As xml-crypto writes an attribute value in canonical form. */
function escapeAttribute(value: string): string {
  return /[&<"\r\n\t]/.test(value)
    ? value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/"/g, '&quot;')
        .replace(/\r/g, '&#xD;')
        .replace(/\n/g, '&#xA;')
        .replace(/\t/g, '&#x9;')
    : value;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
