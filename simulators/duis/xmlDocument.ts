import { DOMParser } from '@xmldom/xmldom';
import { InvalidInputError } from '../core/errors.ts';

/** DOM node types used here (Node.js has no global `Node`). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/**
 * Parses untrusted XML text into a DOM Document with @xmldom/xmldom. Refuses a DOCTYPE (DUIS
 * forbids one, and it is the door to entity-expansion attacks) and any well-formedness error
 * or warning the parser reports, naming `field` (e.g. "DUIS request") in the error.
 */
export function parseXmlDocument(xml: string, field: string): Document {
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new InvalidInputError(field, 'an XML document', xml);
  }
  if (/<!DOCTYPE/i.test(xml)) {
    throw new InvalidInputError(
      field,
      'an XML document without a DOCTYPE (DUIS refuses DTDs)',
      '<!DOCTYPE …>',
    );
  }
  const problems: string[] = [];
  const record = (level: string) => (msg: string) => {
    problems.push(`${level}: ${msg.replace(/^\[xmldom \w+\]\s*/, '').trim()}`);
  };
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      locator: {},
      errorHandler: { warning: record('warning'), error: record('error'), fatalError: record('fatal') },
    }).parseFromString(xml, 'application/xml');
  } catch (cause) {
    problems.push(cause instanceof Error ? cause.message : String(cause));
  }
  if (problems.length > 0 || doc === undefined || doc.documentElement === null) {
    throw new InvalidInputError(
      field,
      'well-formed XML',
      problems.length > 0 ? problems.join('; ') : 'a document without a root element',
    );
  }
  return doc;
}

/** Refuses a Document handed in ready-parsed if it carries a DOCTYPE or has no root. */
export function checkDocument(doc: Document, field: string): Element {
  if (doc.doctype !== null && doc.doctype !== undefined) {
    throw new InvalidInputError(
      field,
      'an XML document without a DOCTYPE (DUIS refuses DTDs)',
      '<!DOCTYPE …>',
    );
  }
  const root = doc.documentElement;
  if (root === null) throw new InvalidInputError(field, 'an XML document with a root element', undefined);
  return root;
}

/** The element children of `el`, in document order. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  }
  return out;
}

/** The concatenated text and CDATA content directly inside `el`. */
export function directText(el: Element): string {
  let text = '';
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) text += n.nodeValue ?? '';
  }
  return text;
}

/** `{namespace}localName`, for error messages about elements in an unexpected namespace. */
export function expandedName(el: Element): string {
  return el.namespaceURI ? `{${el.namespaceURI}}${el.localName}` : (el.localName ?? el.nodeName);
}
