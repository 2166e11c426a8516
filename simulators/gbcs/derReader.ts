import { ByteReader, hex } from './ByteReader.ts';
import { GbcsDecodeError, hexByte } from './GbcsDecodeError.ts';

/** Universal tags the GBCS payloads use. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag `[n]`: primitive (IMPLICIT over a primitive type) or constructed. */
export function contextTag(n: number, constructed: boolean): number {
  if (n < 0 || n > 30) throw new RangeError(`context tag [${n}] is outside the single-byte range`);
  return (constructed ? 0xa0 : 0x80) | n;
}

const TAG_NAMES = new Map<number, string>(Object.entries(TAG).map(([name, tag]) => [tag, name]));

export function describeTag(tag: number): string {
  const name = TAG_NAMES.get(tag);
  if (name !== undefined) return `${name} (${hexByte(tag)})`;
  if ((tag & 0xc0) === 0x80) return `[${tag & 0x1f}]${tag & 0x20 ? ' constructed' : ''} (${hexByte(tag)})`;
  return `tag ${hexByte(tag)}`;
}

/** One tag-length-value with where it sat; offsets are absolute (reader base applied). */
export interface Tlv {
  readonly tag: number;
  readonly value: Buffer;
  /** The whole element, header included, exactly as received. */
  readonly raw: Buffer;
  readonly offset: number;
  readonly valueOffset: number;
}

/**
 * Reads DER as GBCS devices send it: single-byte tags, definite lengths. Lengths are accepted in
 * non-minimal long form (devices in RTDS send `30 82 00 83`); integers must be minimal.
 */
export class DerReader {
  readonly #r: ByteReader;

  constructor(bytes: Buffer, base = 0) {
    this.#r = new ByteReader(bytes, base);
  }

  get done(): boolean {
    return this.#r.done;
  }

  /** Absolute offset of the next element, for error messages. */
  get offset(): number {
    return this.#r.absolute;
  }

  peekTag(): number | undefined {
    return this.#r.peek();
  }

  any(field: string): Tlv {
    const start = this.#r.pos;
    const offset = this.#r.absolute;
    const tag = this.#r.u8(field, ' tag');
    if ((tag & 0x1f) === 0x1f) throw new GbcsDecodeError(field, offset, 'a single-byte tag', hexByte(tag));
    const length = this.#r.berLength(field);
    const valueOffset = this.#r.absolute;
    const value = this.#r.take(length, field, undefined, 'content bytes');
    return { tag, value, raw: this.#r.bytes.subarray(start, this.#r.pos), offset, valueOffset };
  }

  tlv(tag: number, field: string): Tlv {
    const got = this.peekTag();
    if (got !== tag) {
      throw new GbcsDecodeError(
        field,
        this.#r.absolute,
        describeTag(tag),
        got === undefined ? 'the end of the data' : describeTag(got),
      );
    }
    return this.any(field);
  }

  /** The element if the next tag is `tag`, else nothing (an absent OPTIONAL). */
  optional(tag: number, field: string): Tlv | undefined {
    return this.peekTag() === tag ? this.any(field) : undefined;
  }

  /** A reader over the contents of a constructed element (SEQUENCE by default). */
  sequence(field: string, tag: number = TAG.SEQUENCE): DerReader {
    return readerOver(this.tlv(tag, field));
  }

  integer(field: string, tag: number = TAG.INTEGER): bigint {
    return integerOf(this.tlv(tag, field), field);
  }

  /** An INTEGER that fits a JS number (role, mode, status). */
  smallInteger(field: string, tag: number = TAG.INTEGER): number {
    return smallIntegerOf(this.tlv(tag, field), field);
  }

  enumerated(field: string, tag: number = TAG.ENUMERATED): number {
    return smallIntegerOf(this.tlv(tag, field), field);
  }

  bitString(field: string, tag: number = TAG.BIT_STRING): { unusedBits: number; bytes: Buffer; tlv: Tlv } {
    const tlv = this.tlv(tag, field);
    if (tlv.value.length === 0 || tlv.value[0]! > 7 || (tlv.value.length === 1 && tlv.value[0] !== 0)) {
      throw new GbcsDecodeError(
        field,
        tlv.offset,
        'a BIT STRING with an unused-bits count of 0-7',
        hex(tlv.raw),
      );
    }
    return { unusedBits: tlv.value[0]!, bytes: tlv.value.subarray(1), tlv };
  }

  octetString(field: string, tag: number = TAG.OCTET_STRING): Buffer {
    return this.tlv(tag, field).value;
  }

  null(field: string): void {
    const tlv = this.tlv(TAG.NULL, field);
    if (tlv.value.length !== 0)
      throw new GbcsDecodeError(field, tlv.offset, 'NULL with no content', hex(tlv.raw));
  }

  oid(field: string): string {
    return oidOf(this.tlv(TAG.OID, field), field);
  }

  /** GeneralizedTime as DER requires it here: `YYYYMMDDHHMMSSZ`. */
  generalizedTime(field: string, tag: number = TAG.GENERALIZED_TIME): Date {
    return generalizedTimeOf(this.tlv(tag, field), field);
  }

  end(field: string): void {
    this.#r.end(field);
  }
}

export function readerOver(tlv: Tlv): DerReader {
  return new DerReader(tlv.value, tlv.valueOffset);
}

/** Decodes one whole DER value: runs `read` over the buffer and fails on trailing bytes. */
export function readDer<T>(bytes: Buffer, base: number, field: string, read: (r: DerReader) => T): T {
  const r = new DerReader(bytes, base);
  const out = read(r);
  r.end(field);
  return out;
}

export function integerOf(tlv: Tlv, field: string): bigint {
  const v = tlv.value;
  if (v.length === 0)
    throw new GbcsDecodeError(field, tlv.offset, 'an INTEGER with at least one content byte', 'none');
  if (v.length > 1 && ((v[0] === 0 && v[1]! < 0x80) || (v[0] === 0xff && v[1]! >= 0x80))) {
    throw new GbcsDecodeError(field, tlv.offset, 'a minimally encoded INTEGER', hex(tlv.raw));
  }
  let n = BigInt(`0x${v.toString('hex')}`);
  if (v[0]! >= 0x80) n -= 1n << BigInt(v.length * 8);
  return n;
}

function smallIntegerOf(tlv: Tlv, field: string): number {
  const n = integerOf(tlv, field);
  if (n < BigInt(Number.MIN_SAFE_INTEGER) || n > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new GbcsDecodeError(field, tlv.offset, 'a small integer', n.toString());
  }
  return Number(n);
}

function oidOf(tlv: Tlv, field: string): string {
  const arcs: bigint[] = [];
  let acc = 0n;
  for (const [i, b] of tlv.value.entries()) {
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(acc);
      acc = 0n;
    } else if (i === tlv.value.length - 1) {
      throw new GbcsDecodeError(field, tlv.offset, 'a complete OBJECT IDENTIFIER', hex(tlv.raw));
    }
  }
  if (arcs.length === 0)
    throw new GbcsDecodeError(field, tlv.offset, 'a non-empty OBJECT IDENTIFIER', 'none');
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

function generalizedTimeOf(tlv: Tlv, field: string): Date {
  const text = tlv.value.toString('latin1');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  if (!date || Number.isNaN(date.getTime()) || formatGeneralizedTime(date) !== text) {
    throw new GbcsDecodeError(field, tlv.offset, 'a GeneralizedTime YYYYMMDDHHMMSSZ', JSON.stringify(text));
  }
  return date;
}

export function formatGeneralizedTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}
