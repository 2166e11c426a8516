import type { Codec } from './codecs.ts';

/** A node of XML to write: an element with attributes and either element children or text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

/** A DUIS element (`sr:` prefix) with element children; `undefined` children are left out. */
export function srElement(name: string, children: readonly (XmlElement | undefined)[] = []): XmlElement {
  return { name: `sr:${name}`, children: children.filter((c): c is XmlElement => c !== undefined) };
}

/** A DUIS element holding text. */
export function srText(name: string, text: string): XmlElement {
  return { name: `sr:${name}`, text };
}

/** A DUIS element holding a value written by `codec`; the path (with a 1-based position if given) names it in errors. */
export function srValue<T>(
  name: string,
  codec: Codec<T>,
  value: T,
  parentPath: string,
  position?: number,
): XmlElement {
  return srText(
    name,
    codec.format(value, `${parentPath}/sr:${name}${position === undefined ? '' : `[${position}]`}`),
  );
}

/** As srValue, or nothing when the value is undefined (an optional element). */
export function srOptional<T>(
  name: string,
  codec: Codec<T>,
  value: T | undefined,
  parentPath: string,
): XmlElement | undefined {
  return value === undefined ? undefined : srValue(name, codec, value, parentPath);
}

/** Characters escapeText changes: most DUIS text (hex, base64, dates, codes) has none, and is returned as it is. */
const TEXT_TO_ESCAPE = /[&<>\r]/;

export function escapeText(text: string): string {
  if (!TEXT_TO_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** ` name="value"` for each attribute, in order; '' for the many elements without. */
function attributesOf(el: XmlElement): string {
  let attrs = '';
  if (el.attributes !== undefined) for (const [k, v] of Object.entries(el.attributes)) attrs += ` ${k}="${escapeAttribute(v)}"`;
  return attrs;
}

function write(el: XmlElement, indent: string, out: string[]): void {
  const attrs = attributesOf(el);
  const children = el.children ?? [];
  if (children.length > 0) {
    out.push(`${indent}<${el.name}${attrs}>`);
    for (const child of children) write(child, `${indent}  `, out);
    out.push(`${indent}</${el.name}>`);
  } else if (el.text !== undefined && el.text !== '') {
    out.push(`${indent}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>`);
  } else {
    out.push(`${indent}<${el.name}${attrs}/>`);
  }
}

/**
 * Writes a document: the XML declaration, then the root indented by two spaces per level. Text
 * is only ever inside leaf elements, so the indentation is insignificant whitespace.
 */
export function serialiseXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
