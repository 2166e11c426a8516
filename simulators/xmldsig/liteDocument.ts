import { type PlainAttribute, tokenizePlainXml } from './plainXml.ts';

/**
 * A read-only DOM for XML text in the plain form (plainXml.ts), built straight from its tokens: the
 * node properties the DUIS readers and parseXmlStrict's checks use – nodeType, parentNode,
 * firstChild, nextSibling, nodeName, nodeValue, textContent; elements' namespaceURI, localName,
 * prefix, tagName, attributes and getAttribute; the document's documentElement and doctype – and
 * nothing else: no mutation, no canonicalisation, no line numbers. It costs a fraction of xmldom's
 * Document, which the in-process signing path (decision 0009) reads every DUIS message into; XML-DSig
 * needs xmldom's and keeps it. Outside the plain form this returns `undefined`.
 */
export function parseLiteDocument(text: string): Document | undefined {
  const tokens = tokenizePlainXml(text);
  if (tokens === undefined) return undefined;
  const doc = new LiteDocument();
  let parent: LiteParent = doc;
  for (const token of tokens) {
    switch (token.kind) {
      case 'declaration':
        parent.append(new LiteInstruction('xml', token.data));
        break;
      case 'text':
        parent.append(new LiteText(token.text));
        break;
      case 'start': {
        const element = new LiteElement(token.uri, token.localName, token.qName, token.attributes);
        parent.append(element);
        if (!token.selfClosing) parent = element;
        break;
      }
      case 'end':
        parent = parent.parentNode ?? doc;
    }
  }
  return doc as unknown as Document;
}

const ELEMENT_NODE = 1;
const ATTRIBUTE_NODE = 2;
const TEXT_NODE = 3;
const PROCESSING_INSTRUCTION_NODE = 7;
const DOCUMENT_NODE = 9;

type LiteChild = LiteElement | LiteText | LiteInstruction;
type LiteParent = LiteDocument | LiteElement;

abstract class LiteNode {
  abstract readonly nodeType: number;
  parentNode: LiteParent | null = null;
  nextSibling: LiteChild | null = null;
}

abstract class LiteContainer extends LiteNode {
  firstChild: LiteChild | null = null;
  lastChild: LiteChild | null = null;

  append(child: LiteChild): void {
    child.parentNode = this as unknown as LiteParent;
    if (this.lastChild === null) this.firstChild = child;
    else this.lastChild.nextSibling = child;
    this.lastChild = child;
  }
}

class LiteDocument extends LiteContainer {
  readonly nodeType = DOCUMENT_NODE;
  readonly nodeName = '#document';
  readonly doctype = null;

  get documentElement(): LiteElement | null {
    for (let n = this.firstChild; n !== null; n = n.nextSibling) if (n instanceof LiteElement) return n;
    return null;
  }
}

class LiteAttribute {
  readonly nodeType = ATTRIBUTE_NODE;
  readonly name: string;
  readonly nodeName: string;
  readonly localName: string;
  readonly prefix: string | null;
  readonly namespaceURI: string | null;
  readonly value: string;

  constructor(a: PlainAttribute) {
    const colon = a.qName.indexOf(':');
    this.name = a.qName;
    this.nodeName = a.qName;
    this.prefix = colon < 0 ? null : a.qName.slice(0, colon);
    this.localName = colon < 0 ? a.qName : a.qName.slice(colon + 1);
    this.namespaceURI = a.uri ?? null;
    this.value = a.value;
  }

  get nodeValue(): string {
    return this.value;
  }
}

/** The attributes as a NamedNodeMap reads them: `length` and `item(i)`. */
class LiteAttributes {
  readonly #list: readonly LiteAttribute[];

  constructor(list: readonly LiteAttribute[]) {
    this.#list = list;
  }

  get length(): number {
    return this.#list.length;
  }

  item(index: number): LiteAttribute | null {
    return this.#list[index] ?? null;
  }

  named(name: string): LiteAttribute | undefined {
    return this.#list.find((a) => a.name === name);
  }
}

class LiteElement extends LiteContainer {
  readonly nodeType = ELEMENT_NODE;
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly tagName: string;
  readonly nodeName: string;
  readonly prefix: string | null;
  readonly attributes: LiteAttributes;
  readonly nodeValue = null;

  constructor(uri: string, localName: string, qName: string, attributes: readonly PlainAttribute[]) {
    super();
    const colon = qName.indexOf(':');
    this.namespaceURI = uri === '' ? null : uri;
    this.localName = localName;
    this.tagName = qName;
    this.nodeName = qName;
    this.prefix = colon < 0 ? null : qName.slice(0, colon);
    this.attributes = new LiteAttributes(attributes.map((a) => new LiteAttribute(a)));
  }

  /** The value, or '' without the attribute, as xmldom answers. */
  getAttribute(name: string): string {
    return this.attributes.named(name)?.value ?? '';
  }

  get textContent(): string {
    let text = '';
    for (let n = this.firstChild; n !== null; n = n.nextSibling) text += n.textContent ?? '';
    return text;
  }
}

class LiteText extends LiteNode {
  readonly nodeType = TEXT_NODE;
  readonly nodeName = '#text';
  readonly firstChild = null;

  constructor(readonly nodeValue: string) {
    super();
  }

  get data(): string {
    return this.nodeValue;
  }

  get textContent(): string {
    return this.nodeValue;
  }
}

class LiteInstruction extends LiteNode {
  readonly nodeType = PROCESSING_INSTRUCTION_NODE;
  readonly firstChild = null;

  constructor(
    readonly target: string,
    readonly data: string,
  ) {
    super();
  }

  get nodeName(): string {
    return this.target;
  }

  get tagName(): string {
    return this.target;
  }

  get nodeValue(): string {
    return this.data;
  }

  get textContent(): string {
    return this.data;
  }
}
