import { type ByteReader, berLength } from './ByteReader.ts';
import { DlmsDateTime } from './DlmsDateTime.ts';
import { GbcsDecodeError, hexByte } from './GbcsDecodeError.ts';

/** Fixed-size A-XDR scalar types (DLMS Data CHOICE), by tag. */
const SCALARS = {
  boolean: { tag: 3, size: 1, signed: false },
  doubleLong: { tag: 5, size: 4, signed: true },
  doubleLongUnsigned: { tag: 6, size: 4, signed: false },
  bcd: { tag: 13, size: 1, signed: false },
  integer: { tag: 15, size: 1, signed: true },
  long: { tag: 16, size: 2, signed: true },
  unsigned: { tag: 17, size: 1, signed: false },
  longUnsigned: { tag: 18, size: 2, signed: false },
  long64: { tag: 20, size: 8, signed: true },
  long64Unsigned: { tag: 21, size: 8, signed: false },
  enum: { tag: 22, size: 1, signed: false },
} as const;
type ScalarType = keyof typeof SCALARS;

/** Length-prefixed byte strings and fixed-size opaque ones. */
const STRINGS = { octetString: 9, visibleString: 10, utf8String: 12 } as const;
const OPAQUE = {
  float32: { tag: 23, size: 4 },
  float64: { tag: 24, size: 8 },
  date: { tag: 26, size: 5 },
  time: { tag: 27, size: 4 },
} as const;
type StringType = keyof typeof STRINGS;
type OpaqueType = keyof typeof OPAQUE;

/** A DLMS `Data` value (A-XDR), as ECS70 and other DLMS use cases carry them. */
export type DlmsData =
  | { readonly type: 'null' }
  | { readonly type: 'array' | 'structure'; readonly items: readonly DlmsData[] }
  | { readonly type: ScalarType; readonly value: bigint }
  | { readonly type: StringType | OpaqueType; readonly bytes: Buffer }
  | { readonly type: 'bitString'; readonly bits: number; readonly bytes: Buffer }
  | { readonly type: 'dateTime'; readonly value: DlmsDateTime };

const TAG_NULL = 0;
const TAG_ARRAY = 1;
const TAG_STRUCTURE = 2;
const TAG_BIT_STRING = 4;
const TAG_DATE_TIME = 25;

const SCALAR_BY_TAG = new Map(
  Object.entries(SCALARS).map(([name, s]) => [s.tag as number, name as ScalarType]),
);
const STRING_BY_TAG = new Map(
  Object.entries(STRINGS).map(([name, tag]) => [tag as number, name as StringType]),
);
const OPAQUE_BY_TAG = new Map(
  Object.entries(OPAQUE).map(([name, o]) => [o.tag as number, name as OpaqueType]),
);

export function readDlmsData(r: ByteReader, field: string): DlmsData {
  const at = r.absolute;
  const tag = r.u8(`${field} type`);
  if (tag === TAG_NULL) return { type: 'null' };
  if (tag === TAG_ARRAY || tag === TAG_STRUCTURE) {
    const count = r.berLength(`${field} element count`);
    const items: DlmsData[] = [];
    for (let i = 0; i < count; i++) items.push(readDlmsData(r, `${field}[${i}]`));
    return { type: tag === TAG_ARRAY ? 'array' : 'structure', items };
  }
  if (tag === TAG_BIT_STRING) {
    const bits = r.berLength(`${field} bit count`);
    return { type: 'bitString', bits, bytes: r.take(Math.ceil(bits / 8), field) };
  }
  if (tag === TAG_DATE_TIME)
    return { type: 'dateTime', value: DlmsDateTime.decode(r.take(12, field), at + 1, field) };
  const scalar = SCALAR_BY_TAG.get(tag);
  if (scalar !== undefined) {
    const { size, signed } = SCALARS[scalar];
    const bytes = r.take(size, field, `${size} bytes of ${scalar}`);
    return { type: scalar, value: toBigInt(bytes, signed) };
  }
  const str = STRING_BY_TAG.get(tag);
  if (str !== undefined) return { type: str, bytes: r.lengthPrefixed(field) };
  const opaque = OPAQUE_BY_TAG.get(tag);
  if (opaque !== undefined) return { type: opaque, bytes: r.take(OPAQUE[opaque].size, field) };
  throw new GbcsDecodeError(
    `${field} type`,
    at,
    'a supported DLMS Data type (0-6, 9, 10, 12, 13, 15-18, 20-27)',
    hexByte(tag),
  );
}

function toBigInt(bytes: Buffer, signed: boolean): bigint {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  if (signed && bytes[0]! >= 0x80) n -= 1n << BigInt(bytes.length * 8);
  return n;
}

export function encodeDlmsData(d: DlmsData): Buffer {
  switch (d.type) {
    case 'null':
      return Buffer.from([TAG_NULL]);
    case 'array':
    case 'structure':
      return Buffer.concat([
        Buffer.from([d.type === 'array' ? TAG_ARRAY : TAG_STRUCTURE]),
        berLength(d.items.length),
        ...d.items.map(encodeDlmsData),
      ]);
    case 'bitString':
      return Buffer.concat([Buffer.from([TAG_BIT_STRING]), berLength(d.bits), d.bytes]);
    case 'dateTime':
      return Buffer.concat([Buffer.from([TAG_DATE_TIME]), d.value.encode()]);
    case 'octetString':
    case 'visibleString':
    case 'utf8String':
      return Buffer.concat([Buffer.from([STRINGS[d.type]]), berLength(d.bytes.length), d.bytes]);
    case 'float32':
    case 'float64':
    case 'date':
    case 'time':
      return Buffer.concat([Buffer.from([OPAQUE[d.type].tag]), d.bytes]);
    default: {
      const { tag, size } = SCALARS[d.type];
      const mask = (1n << BigInt(size * 8)) - 1n;
      const hex = (d.value & mask).toString(16).padStart(size * 2, '0');
      return Buffer.concat([Buffer.from([tag]), Buffer.from(hex, 'hex')]);
    }
  }
}

/** Convenience constructors for the common cases. */
export const dlms = {
  null: (): DlmsData => ({ type: 'null' }),
  structure: (...items: DlmsData[]): DlmsData => ({ type: 'structure', items }),
  array: (...items: DlmsData[]): DlmsData => ({ type: 'array', items }),
  scalar: (type: ScalarType, value: bigint | number): DlmsData => ({ type, value: BigInt(value) }),
  octetString: (bytes: Uint8Array): DlmsData => ({ type: 'octetString', bytes: Buffer.from(bytes) }),
  /** A date-time carried as a 12-byte octet-string, as ECS70 does. */
  dateTimeOctets: (value: DlmsDateTime): DlmsData => ({ type: 'octetString', bytes: value.encode() }),
};

/** The date-time in a 12-byte octet-string or a date-time value, else undefined. */
export function dlmsDateTimeOf(d: DlmsData | undefined): DlmsDateTime | undefined {
  if (d?.type === 'dateTime') return d.value;
  if (d?.type === 'octetString' && d.bytes.length === 12) return DlmsDateTime.decode(d.bytes);
  return undefined;
}
