import { InvalidInputError } from './errors.ts';

const HEX16 = /^[0-9A-F]{16}$/;

/**
 * EUIs by the exact text they were parsed from. An Eui is immutable, so one object can stand for every
 * parse of the same text: a message names its device and User several times on its way through the
 * DSP, the CSP and the journal. Bounded; emptied when full.
 */
const PARSED = new Map<string, Eui>();
const PARSED_CACHE_SIZE = 65_536;

/**
 * An EUI-64 Entity Identifier: a device ID or a party's SMKI Entity ID. Parses the forms DCC
 * material uses (`90-B3-D5-1F-30-01-00-00`, `90B3D51F30010000`, `90:b3:…`, any case) and formats
 * with dashes as DUIS does.
 */
export class Eui {
  /** Sixteen upper-case hex digits, no separators. */
  readonly hex: string;
  /** The dashed form, made once: journals and DUIS headers ask for it many times per message. */
  #text: string | undefined;

  private constructor(hex: string) {
    this.hex = hex;
  }

  static parse(text: unknown, field = 'EUI'): Eui {
    if (typeof text !== 'string') throw new InvalidInputError(field, 'an EUI-64 as 16 hex digits', text);
    let eui = PARSED.get(text);
    if (eui === undefined) {
      eui = Eui.#parse(text, field);
      if (PARSED.size >= PARSED_CACHE_SIZE) PARSED.clear();
      PARSED.set(text, eui);
    }
    return eui;
  }

  static #parse(text: string, field: string): Eui {
    const trimmed = text.trim();
    const grouped = /^[0-9A-Fa-f]{2}([-: ])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){6}$/.test(trimmed);
    const compact = trimmed.replace(/[-: ]/g, '').toUpperCase();
    if (!HEX16.test(compact) || (compact.length !== trimmed.length && !grouped)) {
      throw new InvalidInputError(
        field,
        'an EUI-64 as 16 hex digits, optionally in dash-separated pairs (e.g. 90-B3-D5-1F-30-01-00-00)',
        text,
      );
    }
    return new Eui(compact);
  }

  static fromBytes(bytes: Uint8Array, field = 'EUI'): Eui {
    if (bytes.length !== 8) throw new InvalidInputError(field, '8 bytes', `${bytes.length} bytes`);
    return new Eui(Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('hex').toUpperCase());
  }

  static fromBigInt(value: bigint): Eui {
    if (value < 0n || value >= 1n << 64n)
      throw new InvalidInputError('EUI', 'a 64-bit unsigned value', value);
    return new Eui(value.toString(16).toUpperCase().padStart(16, '0'));
  }

  /** `90-B3-D5-1F-30-01-00-00`, the form DUIS uses in RequestIDs. */
  toString(): string {
    this.#text ??= this.hex.match(/../g)!.join('-');
    return this.#text;
  }

  toJSON(): string {
    return this.toString();
  }

  toBytes(): Buffer {
    return Buffer.from(this.hex, 'hex');
  }

  toBigInt(): bigint {
    return BigInt(`0x${this.hex}`);
  }

  equals(other: Eui | undefined | null): boolean {
    return other != null && other.hex === this.hex;
  }
}
