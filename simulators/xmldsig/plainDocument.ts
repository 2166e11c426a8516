import { createRequire } from 'node:module';
import { type PlainAttribute, tokenizePlainXml } from './plainXml.ts';

/**
 * The DOM @xmldom/xmldom builds, for XML text in the plain form (plainXml.ts), built without
 * xmldom's tokenizer: xmldom's own DOM builder (the DOMHandler its parser drives) is called with
 * exactly the calls, arguments and positions its parser would make. So the Document is xmldom's,
 * node for node, line and column numbers included; only the reading of the text is quicker
 * (xmldom's tokenizer costs about 0.1 ms for a 4 kB DUIS request, most of the DSP's parse).
 * Outside the plain form this returns `undefined` and {@link parseXmlStrict} has xmldom parse it.
 */
export function parsePlainDocument(text: string, locator?: Locator): Document | undefined {
  if (DOMHandler === undefined) return undefined;
  const tokens = tokenizePlainXml(text);
  if (tokens === undefined) return undefined;
  const handler = new DOMHandler();
  // Functions are not made per call here: tsx names every function it creates (esbuild's
  // keepNames), which costs more than this whole reading.
  const lines = new LineCounter(text, locator);
  if (locator !== undefined) handler.setDocumentLocator(locator);
  handler.startDocument();
  for (const token of tokens) {
    switch (token.kind) {
      case 'declaration':
        lines.at(0);
        handler.processingInstruction('xml', token.data);
        break;
      case 'text':
        lines.at(token.offset);
        handler.characters(token.text, 0, token.text.length);
        break;
      case 'start': {
        lines.at(token.offset);
        // xmldom positions the element at its '<' (a copy of the locator, taken before the attributes move it).
        const element = locator === undefined ? undefined : { lineNumber: locator.lineNumber, columnNumber: locator.columnNumber };
        let attributes = token.attributes;
        if (locator !== undefined) {
          const located: ParsedAttribute[] = [];
          for (const a of token.attributes) {
            lines.at(a.offset);
            located.push({ ...a, locator: { lineNumber: locator.lineNumber, columnNumber: locator.columnNumber } });
          }
          attributes = located;
        }
        const list = new AttributeList(attributes);
        if (element !== undefined && attributes.length > 0) {
          handler.locator = element;
          handler.startElement(token.uri, token.localName, token.qName, list);
          handler.locator = locator;
        } else {
          handler.startElement(token.uri, token.localName, token.qName, list);
        }
        if (token.selfClosing) handler.endElement(token.uri, token.localName, token.qName);
        break;
      }
      case 'end':
        handler.endElement(token.uri, token.localName, token.qName);
        break;
    }
  }
  handler.endDocument();
  return handler.doc;
}

/** xmldom's locator: where the parser is, 1-based. */
export interface Locator {
  lineNumber?: number;
  columnNumber?: number;
}

/** The part of xmldom's DOMHandler the parser drives (lib/dom-parser.js, exported as `__DOMHandler`). */
interface DomHandler {
  locator?: Locator;
  readonly doc: Document;
  setDocumentLocator(locator: Locator): void;
  startDocument(): void;
  endDocument(): void;
  processingInstruction(target: string, data: string): void;
  characters(chars: string, start: number, length: number): void;
  startElement(uri: string, localName: string, qName: string, attributes: AttributeList): void;
  endElement(uri: string, localName: string, qName: string): void;
}


const DOMHandler = loadDomHandler();

function loadDomHandler(): (new () => DomHandler) | undefined {
  try {
    const parser = createRequire(import.meta.url)('@xmldom/xmldom/lib/dom-parser.js') as { __DOMHandler?: new () => DomHandler };
    return typeof parser.__DOMHandler === 'function' ? parser.__DOMHandler : undefined;
  } catch {
    return undefined;
  }
}

interface ParsedAttribute extends PlainAttribute {
  readonly locator?: Locator;
}

/** What DOMHandler.startElement reads of xmldom's ElementAttributes. */
class AttributeList {
  readonly #attributes: readonly ParsedAttribute[];

  constructor(attributes: readonly ParsedAttribute[]) {
    this.#attributes = attributes;
  }

  get length(): number {
    return this.#attributes.length;
  }

  getURI(i: number): string | undefined {
    return this.#attributes[i]!.uri;
  }

  getValue(i: number): string {
    return this.#attributes[i]!.value;
  }

  getQName(i: number): string {
    return this.#attributes[i]!.qName;
  }

  getLocator(i: number): Locator | undefined {
    return this.#attributes[i]!.locator;
  }
}

/**
 * Moves xmldom's locator to an offset, as its parser does: lines end at LF only (the plain form
 * has no other line end), and offsets never go backwards.
 */
class LineCounter {
  readonly #text: string;
  readonly #locator: Locator | undefined;
  #line = 1;
  #lineStart = 0;
  #scanned = 0;

  constructor(text: string, locator: Locator | undefined) {
    this.#text = text;
    this.#locator = locator;
  }

  at(offset: number): void {
    const locator = this.#locator;
    if (locator === undefined) return;
    for (let nl = this.#text.indexOf('\n', this.#scanned); nl !== -1 && nl < offset; nl = this.#text.indexOf('\n', nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
    this.#scanned = Math.max(this.#scanned, offset);
    locator.lineNumber = this.#line;
    locator.columnNumber = offset - this.#lineStart + 1;
  }
}
