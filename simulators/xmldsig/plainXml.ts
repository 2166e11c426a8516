/**
 * XML text in one narrow, plain form – the form the harness's own writer (`serialiseXml`) and
 * signDuis produce – read as the events xmldom's parser would report for it: the one grammar
 * behind {@link parsePlainDocument} (xmldom's Document without xmldom's tokenizer) and
 * {@link plainCanonicalForm} (the signature's digest input without a DOM). Anything outside the
 * form gives `undefined`, and the caller takes the DOM path (parseXmlStrict), refusals and all:
 * the form is all well-formed XML that xmldom reads without a warning.
 *
 * The plain form, checked character by character:
 *
 * - optionally the XML declaration `<?xml version="1.0"[ encoding="UTF-8"][ standalone="yes|no"]?>`
 *   at the very start (no BOM), then only spaces, tabs and line feeds around the one root element;
 * - elements named `prefix:local` (ASCII names), the prefix declared on the element or an
 *   ancestor (`xmlns:p="…"`, no default namespace, no `xml…` prefix, not the XHTML namespace,
 *   whose `script` and `textarea` xmldom reads differently);
 * - attributes unprefixed, not named `xml…`, written ` name="value"` (one space before, double
 *   quotes), each name once; tags closed by `>` or `/>` straight after, end tags exactly `</name>`;
 * - no comments, CDATA, processing instructions other than that declaration, or DOCTYPE;
 * - references only `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references to
 *   characters XML allows; no raw CR, U+0085, U+2028, U+2029 (line ends a parser rewrites or
 *   counts), C0 control, surrogate, U+FFFE/U+FFFF or `]]>` in text, nor raw tab or line feed in
 *   attribute values (a parser turns those into spaces).
 *
 * Both readers are compared with the DOM path on generated documents (plainDocument.test.ts,
 * plainCanonicalForm.test.ts).
 */

/** An attribute as xmldom's parser hands it to its DOM builder. */
export interface PlainAttribute {
  readonly qName: string;
  /** With references resolved. */
  readonly value: string;
  /** As xmldom: the XMLNS namespace for a namespace declaration, none for an unprefixed attribute. */
  readonly uri: string | undefined;
  /** Where the opening quote of the value is. */
  readonly offset: number;
}

/** XML's namespace of namespace declarations. */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** What xmldom's parser reports, in order; text with references resolved. */
export type PlainToken =
  | { readonly kind: 'declaration'; readonly data: string }
  | { readonly kind: 'text'; readonly text: string; readonly offset: number }
  | {
      readonly kind: 'start';
      readonly uri: string;
      readonly localName: string;
      readonly qName: string;
      readonly attributes: readonly PlainAttribute[];
      readonly offset: number;
      readonly selfClosing: boolean;
    }
  | { readonly kind: 'end'; readonly uri: string; readonly localName: string; readonly qName: string };

const XML_DECLARATION = /^<\?xml (version="1\.0"(?: encoding="UTF-8")?(?: standalone="(?:yes|no)")?)\?>/;
const QNAME = /([A-Za-z_][A-Za-z0-9_.-]*):([A-Za-z_][A-Za-z0-9_.-]*)/y;
const ATTRIBUTE = / ([A-Za-z_][A-Za-z0-9_.-]*)(?::([A-Za-z_][A-Za-z0-9_.-]*))?="([^"<]*)"/y;
// eslint-disable-next-line no-control-regex -- refusing exactly the control characters
const REFUSED_IN_TEXT = /[\x00-\x08\x0B-\x1F\u0085\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>/;
// eslint-disable-next-line no-control-regex -- refusing exactly the control characters
const REFUSED_IN_ATTRIBUTE = /[\x00-\x1F\u0085\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;
const NAMESPACE_NAME = /^[^\s&<>"\u0085\u2028\u2029]+$/;
const WHITESPACE = /^[ \t\n]*$/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const SLASH = 0x2f;
const GT = 0x3e;

interface Open {
  readonly qName: string;
  readonly uri: string;
  readonly localName: string;
  /** The prefixes in scope inside this element. */
  readonly scope: ReadonlyMap<string, string>;
}

/** The parser's events for `text`, or undefined outside the plain form. */
export function tokenizePlainXml(text: string): PlainToken[] | undefined {
  if (typeof text !== 'string') return undefined;
  const tokens: PlainToken[] = [];
  const declaration = XML_DECLARATION.exec(text);
  let at = 0;
  if (declaration !== null) {
    tokens.push({ kind: 'declaration', data: declaration[1]! });
    at = declaration[0].length;
  }
  const open: Open[] = [];
  let seenRoot = false;
  for (;;) {
    const next = text.indexOf('<', at);
    if (next === -1) {
      // After the root: only whitespace, which xmldom drops.
      return seenRoot && open.length === 0 && WHITESPACE.test(text.slice(at)) ? tokens : undefined;
    }
    if (next > at) {
      const raw = text.slice(at, next);
      if (open.length === 0) {
        // Outside the root: whitespace only, as xmldom appends it to the document.
        if (!WHITESPACE.test(raw)) return undefined;
        tokens.push({ kind: 'text', text: raw, offset: at });
      } else {
        const decoded = decode(raw, REFUSED_IN_TEXT);
        if (decoded === undefined) return undefined;
        tokens.push({ kind: 'text', text: decoded, offset: at });
      }
    }
    at = next;
    const after = text.charCodeAt(at + 1);
    if (after === SLASH) {
      const element = open.pop();
      if (element === undefined || !text.startsWith(element.qName, at + 2) || text.charCodeAt(at + 2 + element.qName.length) !== GT) {
        return undefined;
      }
      tokens.push({ kind: 'end', uri: element.uri, localName: element.localName, qName: element.qName });
      at += element.qName.length + 3;
      continue;
    }
    if (after === 0x21 /* ! */ || after === 0x3f /* ? */) return undefined;
    if (seenRoot && open.length === 0) return undefined; // a second root
    QNAME.lastIndex = at + 1;
    const qname = QNAME.exec(text);
    if (qname === null) return undefined;
    const tagStart = at;
    at = QNAME.lastIndex;
    const attributes: PlainAttribute[] = [];
    let declared: Map<string, string> | undefined;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(text);
      if (attribute === null) break;
      const quote = at + attribute[0].length - attribute[3]!.length - 2;
      at = ATTRIBUTE.lastIndex;
      const [, first, local, raw] = attribute as unknown as [string, string, string | undefined, string];
      const qName = local === undefined ? first : `${first}:${local}`;
      if (attributes.some((a) => a.qName === qName)) return undefined;
      if (local !== undefined) {
        // Only a namespace declaration may be prefixed.
        if (first !== 'xmlns' || /^xml/i.test(local)) return undefined;
        if (!NAMESPACE_NAME.test(raw) || raw === XML_NS || raw === XMLNS_NS || raw === XHTML_NS) return undefined;
        declared ??= new Map();
        declared.set(local, raw);
        attributes.push({ qName, value: raw, uri: XMLNS_NS, offset: quote });
      } else {
        if (/^xml/i.test(first)) return undefined;
        const value = decode(raw, REFUSED_IN_ATTRIBUTE);
        if (value === undefined) return undefined;
        attributes.push({ qName, value, uri: undefined, offset: quote });
      }
    }
    let selfClosing = false;
    if (text.charCodeAt(at) === SLASH) {
      selfClosing = true;
      at++;
    }
    if (text.charCodeAt(at) !== GT) return undefined;
    at++;
    const parentScope = open[open.length - 1]?.scope ?? EMPTY_SCOPE;
    let scope: ReadonlyMap<string, string> = parentScope;
    if (declared !== undefined) {
      const merged = new Map(parentScope);
      for (const [prefix, uri] of declared) merged.set(prefix, uri);
      scope = merged;
    }
    const uri = scope.get(qname[1]!);
    if (uri === undefined) return undefined;
    seenRoot = true;
    tokens.push({ kind: 'start', uri, localName: qname[2]!, qName: qname[0], attributes, offset: tagStart, selfClosing });
    if (!selfClosing) open.push({ qName: qname[0], uri, localName: qname[2]!, scope });
  }
}

const EMPTY_SCOPE: ReadonlyMap<string, string> = new Map();

/** The characters a run of text or an attribute value stands for, or undefined outside the plain form. */
function decode(raw: string, refused: RegExp): string | undefined {
  if (refused.test(raw)) return undefined;
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    REFERENCE.lastIndex = amp;
    const ref = REFERENCE.exec(raw);
    if (ref === null) return undefined;
    let char: string;
    if (ref[1] !== undefined) char = PREDEFINED[ref[1]]!;
    else {
      const code = ref[2] !== undefined ? Number.parseInt(ref[2], 10) : Number.parseInt(ref[3]!, 16);
      if (!isXmlChar(code)) return undefined;
      char = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + char;
    from = REFERENCE.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
