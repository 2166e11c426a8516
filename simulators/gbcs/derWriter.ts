import { berLength } from './ByteReader.ts';
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
  if ('raw' in node) return Buffer.from(node.raw);
  const content =
    'children' in node
      ? Buffer.concat(node.children.filter((c) => c !== undefined).map((c) => encodeDer(c, style)))
      : Buffer.from(node.value);
  return Buffer.concat([Buffer.from([node.tag]), lengthBytes(content.length, style), content]);
}

function lengthBytes(len: number, style: LengthStyle): Buffer {
  if (style === 'long2' && len >= 0x80 && len <= 0xffff) return Buffer.from([0x82, len >> 8, len & 0xff]);
  return berLength(len);
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
  const arcs = dotted.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) throw new RangeError(`OID needs two arcs at least: ${dotted}`);
  const bytes: number[] = [];
  for (const arc of [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)]) {
    const chunk = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    bytes.push(...chunk);
  }
  return { tag: TAG.OID, value: Buffer.from(bytes) };
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
