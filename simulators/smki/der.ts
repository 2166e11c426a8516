/**
 * A minimal DER writer and reader: just what SMKI certificates need. Writing by hand gives the
 * byte-exact shapes of the reference certificates (PrintableString issuer, BIT STRING unique
 * identifier, UTCTime vs GeneralizedTime); reading lets the checker look inside extensions that
 * @peculiar/x509 does not decode (the hardwareModuleName otherName, for one).
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Malformed DER. Internal: callers turn it into a verdict reason or an InvalidInputError. */
export class DerError extends Error {}

// ---------------------------------------------------------------- writing

export function tlv(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else {
    const lengthBytes: number[] = [];
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  return Buffer.concat([Buffer.from(header), content]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));
export const set = (...items: Uint8Array[]): Buffer => tlv(TAG.SET, Buffer.concat(items));
export const octetString = (bytes: Uint8Array): Buffer => tlv(TAG.OCTET_STRING, bytes);
export const utf8String = (text: string): Buffer => tlv(TAG.UTF8_STRING, Buffer.from(text, 'utf8'));
export const printableString = (text: string): Buffer =>
  tlv(TAG.PRINTABLE_STRING, Buffer.from(text, 'latin1'));
export const boolean = (value: boolean): Buffer => tlv(TAG.BOOLEAN, Buffer.from([value ? 0xff : 0]));
/** `[n]` context-specific, constructed (EXPLICIT tagging or a constructed IMPLICIT type). */
export const contextConstructed = (n: number, content: Uint8Array): Buffer => tlv(0xa0 | n, content);
/** `[n]` context-specific, primitive (IMPLICIT tagging of a primitive type). */
export const contextPrimitive = (n: number, content: Uint8Array): Buffer => tlv(0x80 | n, content);

/** A non-negative INTEGER from big-endian magnitude bytes: minimal, with a 00 pad when the top bit is set. */
export function unsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const bytes = Buffer.from(magnitude.subarray(start));
  if (bytes.length === 0) return tlv(TAG.INTEGER, Buffer.from([0]));
  return tlv(TAG.INTEGER, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

export function bitString(bytes: Uint8Array, unusedBits = 0): Buffer {
  return tlv(TAG.BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

/** A named-bit BIT STRING (bit 0 = most significant bit of the first byte), minimal as DER wants. */
export function namedBits(bitNumbers: readonly number[]): Buffer {
  if (bitNumbers.length === 0) return bitString(Buffer.alloc(0));
  const highest = Math.max(...bitNumbers);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bitNumbers) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return bitString(bytes, bytes.length * 8 - (highest + 1));
}

/** OID contents by dotted form: every certificate and GBCS payload names the same few dozen. */
const OID_CONTENTS = new Map<string, Buffer>();
const OID_CACHE_SIZE = 256;

function cachedOidContent(dotted: string): Buffer {
  let content = OID_CONTENTS.get(dotted);
  if (content === undefined) {
    content = encodeOidContent(dotted);
    if (OID_CONTENTS.size >= OID_CACHE_SIZE) OID_CONTENTS.delete(OID_CONTENTS.keys().next().value!);
    OID_CONTENTS.set(dotted, content);
  }
  return content;
}

/** The content octets of an OBJECT IDENTIFIER (no tag or length): the caller's own copy. */
export function objectIdentifierContent(dotted: string): Buffer {
  return Buffer.from(cachedOidContent(dotted));
}

export function objectIdentifier(dotted: string): Buffer {
  return tlv(TAG.OID, cachedOidContent(dotted)); // tlv copies
}

function encodeOidContent(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new DerError(`not an OID: ${dotted}`);
  const out: number[] = [];
  const first = arcs[0]! * 40n + arcs[1]!;
  for (const arc of [first, ...arcs.slice(2)]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) chunk.unshift(Number(rest & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return Buffer.from(out);
}

/** RFC 5280 §4.1.2.5: UTCTime for 1950–2049, GeneralizedTime otherwise; seconds, `Z`. */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-01-01T00:00:00.000Z
  const year = date.getUTCFullYear();
  const rest = iso.slice(5, 19).replace(/[-T:]/g, '');
  if (year >= 1950 && year < 2050) return tlv(TAG.UTC_TIME, Buffer.from(`${iso.slice(2, 4)}${rest}Z`));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(`${iso.slice(0, 4)}${rest}Z`));
}

// ---------------------------------------------------------------- reading

export interface Tlv {
  readonly tag: number;
  /** The value bytes. */
  readonly content: Buffer;
  /** The whole element, header included. */
  readonly raw: Buffer;
}

/** Reads one element at `offset`; `end` is where the next one starts. */
export function readTlv(buffer: Uint8Array, offset = 0): Tlv & { end: number } {
  const buf = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (offset + 2 > buf.length) throw new DerError('truncated element header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used in certificates');
  let length = buf[offset + 1]!;
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported length encoding');
    if (offset + 2 + count > buf.length) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i]!;
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > buf.length) throw new DerError('element runs past the end of its container');
  return { tag, content: buf.subarray(offset + headerLength, end), raw: buf.subarray(offset, end), end };
}

/** Reads exactly one element that fills `buffer`, optionally of an expected tag. */
export function readSingle(buffer: Uint8Array, expectedTag?: number): Tlv {
  const element = readTlv(buffer);
  if (element.end !== buffer.length) throw new DerError('trailing bytes after the element');
  if (expectedTag !== undefined && element.tag !== expectedTag) {
    throw new DerError(`expected tag 0x${hex2(expectedTag)}, found 0x${hex2(element.tag)}`);
  }
  return element;
}

/** The elements inside a constructed element (SEQUENCE, SET, explicit tag). */
export function children(parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = 0; offset < parent.content.length; ) {
    const item = readTlv(parent.content, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

export function readObjectIdentifier(element: Tlv): string {
  if (element.tag !== TAG.OID || element.content.length === 0) throw new DerError('not an OBJECT IDENTIFIER');
  const arcs: bigint[] = [];
  let value = 0n;
  for (const byte of element.content) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    }
  }
  const first = arcs[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** A BIT STRING's bytes and unused-bit count. */
export function readBitString(element: Tlv): { bytes: Buffer; unusedBits: number } {
  if (element.tag !== TAG.BIT_STRING || element.content.length === 0) throw new DerError('not a BIT STRING');
  const unusedBits = element.content[0]!;
  if (unusedBits > 7) throw new DerError('BIT STRING with more than 7 unused bits');
  return { bytes: element.content.subarray(1), unusedBits };
}

/** The numbers of the bits set in a named-bit BIT STRING. */
export function readNamedBits(element: Tlv): number[] {
  const { bytes } = readBitString(element);
  const bits: number[] = [];
  bytes.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) if (byte & (0x80 >> b)) bits.push(i * 8 + b);
  });
  return bits;
}

export function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
