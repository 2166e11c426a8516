import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { isBase64 } from '../core/isBase64.ts';

/**
 * Reads and writes one XSD simple type. `parse` turns element text into a value (refusing what
 * the schema refuses, naming the element path); `format` writes a value and refuses values the
 * schema would refuse, so that built XML always validates.
 */
export interface Codec<T> {
  readonly describe: string;
  parse(text: string, path: string): T;
  format(value: T, path: string): string;
}

/**
 * Whether `value` has from `min` to `max` characters, counted as the schema counts them (code
 * points, so a surrogate pair is one). UTF-16 length bounds the count from above and from below (at
 * most two units a character), so most text is decided without counting.
 */
function codePointsWithin(value: string, min: number, max: number): boolean {
  if (value.length < min || Math.ceil(value.length / 2) > max) return false;
  if (value.length <= max && Math.ceil(value.length / 2) >= min) return true;
  let count = 0;
  for (const _ of value) count++;
  return count >= min && count <= max;
}

export function textCodec({ min = 0, max = Number.POSITIVE_INFINITY } = {}): Codec<string> {
  const describe =
    max === Number.POSITIVE_INFINITY
      ? min > 0
        ? `text of at least ${min} characters`
        : 'text'
      : `text of ${min} to ${max} characters`;
  const check = (value: unknown, path: string): string => {
    if (typeof value !== 'string' || !codePointsWithin(value, min, max)) {
      throw new InvalidInputError(path, describe, value);
    }
    return value;
  };
  return { describe, parse: check, format: check };
}

export function enumCodec<const T extends string>(values: readonly T[]): Codec<T> {
  const describe = `one of ${values.map((v) => `"${v}"`).join(', ')}`;
  const check = (value: unknown, path: string): T => {
    const t = typeof value === 'string' ? value.trim() : value;
    if (typeof t !== 'string' || !(values as readonly string[]).includes(t)) {
      throw new InvalidInputError(path, describe, value);
    }
    return t as T;
  };
  return { describe, parse: check, format: check };
}

const DASHED_EUI = /^[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){7}$/;

/** sr:EUI: eight dash-separated hex pairs. */
export const euiCodec: Codec<Eui> = {
  describe: 'an EUI-64 as eight dash-separated hex pairs (e.g. 00-DB-12-34-56-78-90-A0)',
  parse(text, path) {
    if (!DASHED_EUI.test(text.trim())) throw new InvalidInputError(path, euiCodec.describe, text);
    return Eui.parse(text, path);
  },
  format(value, path) {
    if (!(value instanceof Eui)) throw new InvalidInputError(path, 'an Eui', value);
    return value.toString();
  },
};

export const booleanCodec: Codec<boolean> = {
  describe: 'an xs:boolean (true, false, 1 or 0)',
  parse(text, path) {
    const t = text.trim();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    throw new InvalidInputError(path, booleanCodec.describe, text);
  },
  format(value, path) {
    if (typeof value !== 'boolean') throw new InvalidInputError(path, 'a boolean', value);
    return String(value);
  },
};

const INTEGER = /^[+-]?[0-9]+$/;

export function intCodec(min: number, max: number): Codec<number> {
  const describe = `an integer from ${min} to ${max}`;
  return {
    describe,
    parse(text, path) {
      const t = text.trim();
      const n = INTEGER.test(t) ? Number(t) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidInputError(path, describe, text);
      return n;
    },
    format(value, path) {
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw new InvalidInputError(path, describe, value);
      }
      return String(value);
    },
  };
}

export function bigintCodec(min: bigint, max: bigint): Codec<bigint> {
  const describe = `an integer from ${min} to ${max}`;
  return {
    describe,
    parse(text, path) {
      const t = text.trim();
      const n = INTEGER.test(t) ? BigInt(t) : undefined;
      if (n === undefined || n < min || n > max) throw new InvalidInputError(path, describe, text);
      return n;
    },
    format(value, path) {
      if (typeof value !== 'bigint' || value < min || value > max) {
        throw new InvalidInputError(path, describe, value);
      }
      return value.toString();
    },
  };
}

/** An xs:positiveInteger with at most `totalDigits` digits (sr:UPRN), kept as its decimal digits. */
export function digitsCodec(totalDigits: number): Codec<string> {
  const describe = `a positive integer of at most ${totalDigits} digits`;
  const check = (value: unknown, path: string): string => {
    const t =
      typeof value === 'string'
        ? value
            .trim()
            .replace(/^\+/, '')
            .replace(/^0+(?=\d)/, '')
        : '';
    if (!/^[1-9][0-9]*$/.test(t) || t.length > totalDigits)
      throw new InvalidInputError(path, describe, value);
    return t;
  };
  return { describe, parse: check, format: check };
}

const DATE_TIME =
  /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

/**
 * xs:dateTime → Date. DUIS times are UTC; a value without a zone is read as UTC (the schema
 * allows it, and reading it as local time would make the harness depend on the host's zone).
 * Written as `toISOString()` (milliseconds, `Z`).
 */
export const dateTimeCodec: Codec<Date> = {
  describe: 'an xs:dateTime (e.g. 2026-01-01T00:00:00Z)',
  parse(text, path) {
    const m = DATE_TIME.exec(text.trim());
    if (m === null) throw new InvalidInputError(path, dateTimeCodec.describe, text);
    const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m as unknown as string[];
    const ms = Math.round(Number(`0${frac || '.0'}`) * 1000);
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    const valid =
      check.getUTCMonth() === Number(mo) - 1 &&
      check.getUTCDate() === Number(d) &&
      Number(h) <= 24 &&
      Number(mi) < 60 &&
      Number(s) < 60;
    if (!valid || Number.isNaN(utc)) throw new InvalidInputError(path, dateTimeCodec.describe, text);
    const offsetMinutes =
      zone === 'Z'
        ? 0
        : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
    return new Date(utc - offsetMinutes * 60_000);
  },
  format(value, path) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      throw new InvalidInputError(path, 'a valid Date', value);
    }
    const year = value.getUTCFullYear();
    if (year < 1 || year > 9999)
      throw new InvalidInputError(path, 'a date-time in the years 1 to 9999', year);
    return value.toISOString();
  },
};

/** xs:date kept as `YYYY-MM-DD` (a calendar day, no time to convert). */
export const dateCodec: Codec<string> = {
  describe: 'an xs:date as YYYY-MM-DD',
  parse(text, path) {
    return checkDate(text.trim(), path);
  },
  format: (value, path) => checkDate(value, path),
};

function checkDate(value: unknown, path: string): string {
  const m = typeof value === 'string' ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value) : null;
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (
    m === null ||
    day === undefined ||
    day.getUTCDate() !== Number(m[3]) ||
    day.getUTCMonth() !== Number(m[2]) - 1
  ) {
    throw new InvalidInputError(path, dateCodec.describe, value);
  }
  return value as string;
}

const WHITESPACE = /\s/;

/** xs:base64Binary → Buffer (whitespace inside the text is allowed, as the schema allows). */
export function base64Codec({ nonEmpty = true, what = 'base64' } = {}): Codec<Buffer> {
  const describe = `${what} as base64${nonEmpty ? ' (not empty)' : ''}`;
  return {
    describe,
    parse(text, path) {
      const compact = WHITESPACE.test(text) ? text.replace(/\s+/g, '') : text;
      if (!isBase64(compact) || (nonEmpty && compact === '')) {
        throw new InvalidInputError(path, describe, text);
      }
      return Buffer.from(compact, 'base64');
    },
    format(value, path) {
      if (!((value as unknown) instanceof Uint8Array)) {
        throw new InvalidInputError(path, `${what} as a Buffer`, value);
      }
      if (nonEmpty && value.length === 0) throw new InvalidInputError(path, describe, 'an empty buffer');
      // A Uint8Array that is not a Buffer is viewed as one, not copied.
      const bytes: Uint8Array = value;
      return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('base64');
    },
  };
}

/** xs:hexBinary kept as upper-case hex (e.g. an alert code `8F70`); `bytes` fixes the length. */
export function hexCodec(bytes?: number): Codec<string> {
  let codec = HEX_CODECS.get(bytes);
  if (codec === undefined) {
    codec = makeHexCodec(bytes);
    HEX_CODECS.set(bytes, codec);
  }
  return codec;
}

/** One codec per length: readers and writers ask for them per message. */
const HEX_CODECS = new Map<number | undefined, Codec<string>>();

function makeHexCodec(bytes: number | undefined): Codec<string> {
  const describe = bytes ? `${bytes * 2} hex digits` : 'hex digits in pairs';
  const check = (value: unknown, path: string): string => {
    const t = typeof value === 'string' ? value.trim() : '';
    if (!/^([0-9A-Fa-f]{2})*$/.test(t) || (bytes !== undefined && t.length !== bytes * 2)) {
      throw new InvalidInputError(path, describe, value);
    }
    return t.toUpperCase();
  };
  return { describe, parse: check, format: check };
}
