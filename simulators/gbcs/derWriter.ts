import { objectIdentifierContent } from '../smki/der.ts';
import { formatGeneralizedTime, TAG } from './derReader.ts';

/**
 * A DER value to be written. Codecs build a tree and `encodeDer` chooses the length form, so the same
 * codec can write minimal DER (what Users send) or the fixed two-byte long form devices use.
 */
export type DerNode =
  | { readonly tag: number; readonly children: readonly (DerNode | undefined)[] }
  | { readonly tag: number; readonly value: Uint8Array }
  | { readonly raw: Uint8Array };

/**
 * `minimal`: DER. `long2`: lengths of 128 or more always as `82 hh ll` – the RTDS device responses
 * encode `30 82 00 83` and `30 82 00 C4` where DER would write `30 81 83`.
 */
export type LengthStyle = 'minimal' | 'long2';

export function encodeDer(node: DerNode, style: LengthStyle = 'minimal'): Buffer {
  // Two passes: the size of every node, then one buffer written front to back – a certificate or
  // CS02b payload is dozens of nodes, and concatenating each level would copy every byte per level.
  const sizes = new Map<DerNode, number>();
  const out = Buffer.allocUnsafe(sizeOf(node, style, sizes));
  const end = writeNode(node, style, sizes, out, 0);
  if (end !== out.length) throw new Error(`encodeDer: wrote ${end} of ${out.length} bytes`);
  return out;
}

/** Content length of a node (its value, or its present children encoded). */
function contentSize(node: Exclude<DerNode, { raw: Uint8Array }>, style: LengthStyle, sizes: Map<DerNode, number>): number {
  if (!('children' in node)) return node.value.length;
  let size = 0;
  for (const c of node.children) if (c !== undefined) size += sizeOf(c, style, sizes);
  return size;
}

/** Encoded length of a node (tag, length and content); recorded in `sizes` for the writing pass. */
function sizeOf(node: DerNode, style: LengthStyle, sizes: Map<DerNode, number>): number {
  if ('raw' in node) return node.raw.length;
  const content = contentSize(node, style, sizes);
  sizes.set(node, content);
  return 1 + lengthSize(content, style) + content;
}

function writeNode(node: DerNode, style: LengthStyle, sizes: Map<DerNode, number>, out: Buffer, at: number): number {
  if ('raw' in node) {
    out.set(node.raw, at);
    return at + node.raw.length;
  }
  const content = sizes.get(node)!;
  out[at++] = node.tag;
  at = writeLength(content, style, out, at);
  if (!('children' in node)) {
    out.set(node.value, at);
    return at + node.value.length;
  }
  for (const c of node.children) if (c !== undefined) at = writeNode(c, style, sizes, out, at);
  return at;
}

function lengthSize(len: number, style: LengthStyle): number {
  if (style === 'long2' && len >= 0x80 && len <= 0xffff) return 3;
  if (len < 0x80) return 1;
  let n = 0;
  for (let v = len; v > 0; v = Math.floor(v / 256)) n++;
  return 1 + n;
}

function writeLength(len: number, style: LengthStyle, out: Buffer, at: number): number {
  const n = lengthSize(len, style) - 1;
  if (n === 0) {
    out[at] = len;
    return at + 1;
  }
  out[at] = 0x80 | n;
  for (let i = n, v = len; i >= 1; i--, v = Math.floor(v / 256)) out[at + i] = v & 0xff;
  return at + 1 + n;
}

export function seq(...children: (DerNode | undefined)[]): DerNode {
  return { tag: TAG.SEQUENCE, children };
}

/** A constructed element with any tag, e.g. `[2]` = `constructed(0xA2, …)`. */
export function constructed(tag: number, ...children: (DerNode | undefined)[]): DerNode {
  return { tag, children };
}

export function primitive(tag: number, value: Uint8Array): DerNode {
  return { tag, value };
}

export function raw(bytes: Uint8Array): DerNode {
  return { raw: bytes };
}

export function integer(value: bigint | number, tag: number = TAG.INTEGER): DerNode {
  return { tag, value: integerContent(BigInt(value)) };
}

export function enumerated(value: number, tag: number = TAG.ENUMERATED): DerNode {
  return integer(value, tag);
}

export function bitString(bytes: Uint8Array, unusedBits = 0, tag: number = TAG.BIT_STRING): DerNode {
  return { tag, value: Buffer.concat([Buffer.from([unusedBits]), bytes]) };
}

export function octetString(bytes: Uint8Array, tag: number = TAG.OCTET_STRING): DerNode {
  return { tag, value: bytes };
}

export function nullValue(): DerNode {
  return { tag: TAG.NULL, value: Buffer.alloc(0) };
}

export function generalizedTime(date: Date, tag: number = TAG.GENERALIZED_TIME): DerNode {
  return { tag, value: Buffer.from(formatGeneralizedTime(date), 'latin1') };
}

export function oid(dotted: string): DerNode {
  return { tag: TAG.OID, value: objectIdentifierContent(dotted) };
}

/** Minimal two's-complement content of an INTEGER. */
export function integerContent(n: bigint): Buffer {
  if (n === 0n) return Buffer.from([0]);
  const bytes: number[] = [];
  let v = n;
  for (;;) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
    const top = bytes[0]!;
    if ((v === 0n && top < 0x80) || (v === -1n && top >= 0x80)) break;
  }
  return Buffer.from(bytes);
}
