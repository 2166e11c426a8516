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

  u8(field: string): number {
    this.need(1, field, 'one byte');
    return this.bytes[this.#pos++]!;
  }

  take(n: number, field: string, expected = `${n} bytes`): Buffer {
    this.need(n, field, expected);
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
  expectByte(value: number, field: string, meaning = hexByte(value)): void {
    const at = this.absolute;
    const got = this.u8(field);
    if (got !== value) throw new GbcsDecodeError(field, at, meaning, hexByte(got));
  }

  /** A BER definite length: short form, or 81..84 followed by 1-4 length bytes (non-minimal accepted). */
  berLength(field: string): number {
    const at = this.absolute;
    const first = this.u8(`${field} length`);
    if (first < 0x80) return first;
    const n = first & 0x7f;
    if (n === 0)
      throw new GbcsDecodeError(`${field} length`, at, 'a definite BER length', 'indefinite (0x80)');
    if (n > 4)
      throw new GbcsDecodeError(`${field} length`, at, 'a BER length of at most 4 bytes', hexByte(first));
    return this.take(n, `${field} length`, `${n} length bytes after ${hexByte(first)}`).readUIntBE(0, n);
  }

  /** A BER length followed by that many bytes. */
  lengthPrefixed(field: string): Buffer {
    const len = this.berLength(field);
    return this.take(len, field, `${len} bytes as its length says`);
  }

  /** Fails unless every byte has been read. */
  end(field: string): void {
    if (!this.done) {
      throw new GbcsDecodeError(field, this.absolute, 'the end of the data', `${this.remaining} more bytes`);
    }
  }

  private need(n: number, field: string, expected: string): void {
    if (this.remaining < n) {
      throw new GbcsDecodeError(
        field,
        this.absolute,
        expected,
        this.remaining === 0 ? 'the end of the data' : `only ${this.remaining} bytes`,
      );
    }
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
