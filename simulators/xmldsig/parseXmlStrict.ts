import { DOMParser } from '@xmldom/xmldom';
import { parseLiteDocument } from './liteDocument.ts';
import { parsePlainDocument } from './plainDocument.ts';
import { XmlRefusedError } from './XmlRefusedError.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;
const DOCUMENT_TYPE_NODE = 10;

const DOCTYPE = /<!DOCTYPE/i;
const ENTITY = /<!ENTITY/i;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
/** Characters xml-crypto would copy unescaped into a canonical namespace declaration. */
const NOT_IN_NAMESPACE_NAMES = /[\s&<>"]/;

/**
 * Parses untrusted XML (a DUIS request or response) into a DOM, refusing with an
 * {@link XmlRefusedError} (DUIS response code E12):
 *
 * - a DOCTYPE or ENTITY declaration anywhere in the text, before the parser sees it (this also
 *   refuses the strings inside comments or CDATA, which no DUIS document needs);
 * - a processing instruction other than the XML declaration at the very start;
 * - anything @xmldom/xmldom reports, warnings included: its error handler throws rather than
 *   logs, so a half-parsed document never escapes;
 * - what xmldom 0.8 lets through but XML does not: no root element, two roots, text outside the
 *   root, and element or attribute prefixes that no namespace declaration binds;
 * - a namespace name with whitespace, `&`, `<`, `>` or `"` (no DUIS namespace has one, and
 *   xml-crypto's canonicalisers would copy it into the digest input unescaped).
 *
 * Known leniency kept from xmldom: a raw `<` inside an attribute value is accepted.
 *
 * xmldom never expands entities other than the five predefined ones and character references, so
 * nothing here can grow beyond the size of the text.
 */
export interface ParseXmlOptions {
  /**
   * `lite`: plain-form text is read into liteDocument.ts's read-only DOM (what DUIS readers need,
   * several times cheaper) – for documents no XML-DSig will touch (decision 0009). Default `xmldom`.
   * Other text goes to xmldom either way; the refusals are the same.
   */
  readonly dom?: 'xmldom' | 'lite';
}

export function parseXmlStrict(xml: string, options: ParseXmlOptions = {}): Document {
  if (typeof xml !== 'string') {
    throw new XmlRefusedError('not-well-formed', `expected XML text, got a value of type ${typeof xml}`);
  }
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (WHITESPACE_ONLY.test(text)) throw new XmlRefusedError('not-well-formed', 'an empty document');
  refuseDeclarations(text);

  // Plain XML (what the harness writes and signs) is read without xmldom's tokenizer, into the
  // same Document (plainDocument.ts); anything else goes to xmldom.
  let doc = options.dom === 'lite' ? parseLiteDocument(text) : parsePlainDocument(text, {});
  if (doc === undefined) {
    // xmldom catches what a handler throws while it parses an element and reports it again as
    // "element parse error: …"; the first refusal is the one worth reading, so it is rethrown.
    let first: XmlRefusedError | undefined;
    const refuse = (message: string): never => {
      first ??= new XmlRefusedError('not-well-formed', describeParserMessage(message));
      throw first;
    };
    try {
      doc = new DOMParser({
        locator: {},
        errorHandler: { warning: refuse, error: refuse, fatalError: refuse },
      }).parseFromString(text, 'application/xml');
    } catch (cause) {
      if (first !== undefined) throw first;
      if (cause instanceof XmlRefusedError) throw cause;
      throw new XmlRefusedError('not-well-formed', describeParserMessage(errorMessage(cause)), { cause });
    }
  }
  checkDocumentChildren(doc, text);
  checkTree(doc.documentElement);
  return doc;
}

function refuseDeclarations(text: string): void {
  const doctype = DOCTYPE.exec(text);
  if (doctype !== null) {
    throw new XmlRefusedError(
      'doctype',
      `a DOCTYPE declaration at ${position(text, doctype.index)}; DUIS documents have none (DTDs can declare entities)`,
    );
  }
  const entity = ENTITY.exec(text);
  if (entity !== null) {
    throw new XmlRefusedError(
      'entity-declaration',
      `an ENTITY declaration at ${position(text, entity.index)}; entities are refused (expansion attacks)`,
    );
  }
}

/** xmldom's wording where it misleads, in plain words. */
const PLAIN_WORDS: readonly [RegExp, string][] = [
  [/^unclosed xml attribute$/, 'an element is not closed, or closed by the wrong end tag'],
  [/Hierarchy request error: Only one element can be added.*$/, 'more than one root element'],
];

/** `[xmldom warning]\tunclosed xml attribute\n@#[line:1,col:4]` → `… (line 1, column 4)`. */
function describeParserMessage(message: string): string {
  let body = message.replace(/^\[xmldom \w+\]\s*/, '');
  const at = /\n?@#\[line:(\d+),col:(\d+|undefined)\]\s*$/.exec(body);
  if (at !== null) body = body.slice(0, at.index);
  body = body.replace(/^element parse error: (Error: )?/, '').trim();
  for (const [pattern, plain] of PLAIN_WORDS) body = body.replace(pattern, plain);
  if (at === null) return body;
  return `${body} (${at[2] === 'undefined' ? `line ${at[1]}` : `line ${at[1]}, column ${at[2]}`})`;
}

function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function checkDocumentChildren(doc: Document | undefined, text: string): void {
  if (doc === undefined || doc === null) {
    throw new XmlRefusedError('not-well-formed', 'the parser returned no document');
  }
  let roots = 0;
  let index = 0;
  for (let n = doc.firstChild; n !== null; n = n.nextSibling, index++) {
    switch (n.nodeType) {
      case ELEMENT_NODE:
        roots++;
        break;
      case COMMENT_NODE:
        break;
      case TEXT_NODE:
        if (!WHITESPACE_ONLY.test(n.nodeValue ?? '')) {
          throw new XmlRefusedError(
            'not-well-formed',
            `text outside the root element: ${JSON.stringify((n.nodeValue ?? '').trim().slice(0, 40))}`,
          );
        }
        break;
      case PROCESSING_INSTRUCTION_NODE: {
        const target = (n as ProcessingInstruction).target;
        if (target.toLowerCase() === 'xml') {
          if (index !== 0 || !text.startsWith('<?xml')) {
            throw new XmlRefusedError(
              'not-well-formed',
              'the XML declaration is allowed only at the very start of the document',
            );
          }
          break;
        }
        throw refusedInstruction(target);
      }
      case DOCUMENT_TYPE_NODE:
        throw new XmlRefusedError('doctype', 'a DOCTYPE declaration; DUIS documents have none');
      default:
        throw new XmlRefusedError(
          'not-well-formed',
          `unexpected node of type ${n.nodeType} outside the root`,
        );
    }
  }
  if (roots !== 1) {
    throw new XmlRefusedError(
      'not-well-formed',
      roots === 0 ? 'no root element' : `${roots} root elements; a document has exactly one`,
    );
  }
}

/** Walks the tree below the root without recursion (deep documents cannot exhaust the stack). */
function checkTree(root: Element): void {
  let node: Node | null = root;
  while (node !== null) {
    if (node.nodeType === ELEMENT_NODE) {
      checkNames(node as Element);
    } else if (node.nodeType === PROCESSING_INSTRUCTION_NODE) {
      throw refusedInstruction((node as ProcessingInstruction).target);
    }
    if (node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    node = node === null || node === root ? null : node.nextSibling;
  }
}

function checkNames(el: Element): void {
  if (el.prefix && !el.namespaceURI) {
    throw new XmlRefusedError('undeclared-prefix', `element <${el.tagName}> uses an undeclared prefix`);
  }
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs.item(i)!;
    if ((attr.prefix === 'xmlns' || attr.name === 'xmlns') && NOT_IN_NAMESPACE_NAMES.test(attr.value)) {
      throw new XmlRefusedError(
        'unsupported-namespace-name',
        `${attr.name}="${attr.value}" on <${el.tagName}>: namespace names with whitespace, &, <, > or " are refused ` +
          '(not URIs, or not canonicalised correctly by xml-crypto)',
      );
    }
    if (attr.prefix && attr.prefix !== 'xmlns' && !attr.namespaceURI) {
      throw new XmlRefusedError(
        'undeclared-prefix',
        `attribute ${attr.name} of <${el.tagName}> uses an undeclared prefix`,
      );
    }
  }
}

function refusedInstruction(target: string): XmlRefusedError {
  return new XmlRefusedError(
    'processing-instruction',
    `a processing instruction <?${target} …?>; only the XML declaration is allowed`,
  );
}

function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
