import { GbcsDecodeError, hexByte } from './GbcsDecodeError.ts';

/**
 * A cursor over untrusted bytes. Every read names its field, so a short or malformed buffer fails with
 * a GbcsDecodeError that says where and what was expected. `base` is added to offsets in errors, so a
 * reader over a slice still reports positions in the whole message.
 */
export class ByteReader {
  #pos = 0;

  constructor(
    readonly bytes: Buffer,
    readonly base = 0,
  ) {}

  /** Offset within `bytes`. */
  get pos(): number {
    return this.#pos;
  }

  /** Offset as reported in errors (base + pos). */
  get absolute(): number {
    return this.base + this.#pos;
  }

  get remaining(): number {
    return this.bytes.length - this.#pos;
  }

  get done(): boolean {
    return this.#pos >= this.bytes.length;
  }

  peek(): number | undefined {
    return this.bytes[this.#pos];
  }

  /** One byte; `suffix` is added to the field's name in the error (left unjoined otherwise: reads outnumber failures). */
  u8(field: string, suffix = ''): number {
    if (this.#pos >= this.bytes.length) this.#short(1, field + suffix, 'one byte');
    return this.bytes[this.#pos++]!;
  }

  /**
   * `n` bytes (a view, not a copy). `expected` says what they are in the error; the default,
   * `n bytes`, and `asLengthSays`' `n … as its length says` are written only when the read fails.
   */
  take(n: number, field: string, expected?: string, asLengthSays?: 'content bytes' | 'bytes'): Buffer {
    if (this.bytes.length - this.#pos < n) {
      this.#short(n, field, expected ?? (asLengthSays === undefined ? `${n} bytes` : `${n} ${asLengthSays} as its length says`));
    }
    const out = this.bytes.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }

  u16(field: string): number {
    return this.take(2, field, '2 bytes (big-endian)').readUInt16BE(0);
  }

  u32(field: string): number {
    return this.take(4, field, '4 bytes (big-endian)').readUInt32BE(0);
  }

  u64(field: string): bigint {
    return this.take(8, field, '8 bytes (big-endian)').readBigUInt64BE(0);
  }

  /** A byte that must have one value. */
  expectByte(value: number, field: string, meaning?: string): void {
    const at = this.absolute;
    const got = this.u8(field);
    if (got !== value) throw new GbcsDecodeError(field, at, meaning ?? hexByte(value), hexByte(got));
  }

  /** A BER definite length: short form, or 81..84 followed by 1-4 length bytes (non-minimal accepted). */
  berLength(field: string): number {
    const at = this.absolute;
    const first = this.u8(field, ' length');
    if (first < 0x80) return first;
    const n = first & 0x7f;
    if (n === 0)
      throw new GbcsDecodeError(`${field} length`, at, 'a definite BER length', 'indefinite (0x80)');
    if (n > 4)
      throw new GbcsDecodeError(`${field} length`, at, 'a BER length of at most 4 bytes', hexByte(first));
    if (this.remaining < n) this.#short(n, `${field} length`, `${n} length bytes after ${hexByte(first)}`);
    let length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + this.bytes[this.#pos++]!;
    return length;
  }

  /** A BER length followed by that many bytes. */
  lengthPrefixed(field: string): Buffer {
    return this.take(this.berLength(field), field, undefined, 'bytes');
  }

  /** Fails unless every byte has been read. */
  end(field: string): void {
    if (!this.done) {
      throw new GbcsDecodeError(field, this.absolute, 'the end of the data', `${this.remaining} more bytes`);
    }
  }

  #short(n: number, field: string, expected: string): never {
    throw new GbcsDecodeError(
      field,
      this.absolute,
      expected,
      this.remaining === 0 ? 'the end of the data' : `only ${this.remaining} bytes`,
    );
  }
}

/** Minimal BER definite length. */
export function berLength(len: number): Buffer {
  if (!Number.isInteger(len) || len < 0) throw new RangeError(`BER length: not a length: ${len}`);
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}
