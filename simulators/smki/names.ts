import type { Eui } from '../core/Eui.ts';
import {
  bitString,
  children,
  objectIdentifier,
  printableString,
  readObjectIdentifier,
  readSingle,
  sequence,
  set,
  TAG,
  tlv,
  utf8String,
} from './der.ts';
import { type NameAttribute, OID } from './profile.ts';

/**
 * Distinguished names: each attribute in its own RDN, as every SMKI certificate has them.
 * Encoding is exact (string types as given); comparison follows RFC 5280 §7.1 loosely: string
 * types and case do not matter, other values compare byte for byte.
 */

/** An attribute whose value is given as ready-made DER (the BIT STRING x500UniqueIdentifier). */
export interface RawNameAttribute {
  readonly oid: string;
  readonly der: Buffer;
}

export function encodeName(attributes: readonly (NameAttribute | RawNameAttribute)[]): Buffer {
  return sequence(
    ...attributes.map((attribute) => {
      const value =
        'der' in attribute
          ? attribute.der
          : attribute.type === 'printable'
            ? printableString(attribute.value)
            : utf8String(attribute.value);
      return set(sequence(objectIdentifier(attribute.oid), value));
    }),
  );
}

/** x500UniqueIdentifier as SMKI encodes an Entity ID: BIT STRING, no unused bits, 8 bytes (`03 09 00 …`). */
export function uniqueIdentifierAttribute(eui: Eui): RawNameAttribute {
  return { oid: OID.x500UniqueIdentifier, der: bitString(eui.toBytes()) };
}

/** An organisation certificate subject: optional CN, OU = role as two hex digits, x500UniqueIdentifier. */
export function organisationSubject(eui: Eui, roleOu: string, commonName?: string): Buffer {
  return encodeName([
    ...(commonName === undefined ? [] : [{ oid: OID.commonName, value: commonName, type: 'utf8' as const }]),
    { oid: OID.organizationalUnitName, value: roleOu, type: 'utf8' },
    uniqueIdentifierAttribute(eui),
  ]);
}

export interface ReadAttribute {
  readonly oid: string;
  readonly tag: number;
  /** The value's content bytes (without tag and length). */
  readonly content: Buffer;
  /** The value as text for string types; undefined otherwise. */
  readonly text: string | undefined;
}

const STRING_TAGS = new Set<number>([TAG.UTF8_STRING, TAG.PRINTABLE_STRING, 0x16 /* IA5 */, 0x14 /* T61 */]);

/** Every attribute of a DER Name, in order. Throws DerError when malformed. */
export function readName(der: Uint8Array): ReadAttribute[] {
  const attributes: ReadAttribute[] = [];
  for (const rdn of children(readSingle(der, TAG.SEQUENCE))) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (type === undefined || value === undefined) continue;
      attributes.push({
        oid: readObjectIdentifier(type),
        tag: value.tag,
        content: value.content,
        text: STRING_TAGS.has(value.tag)
          ? value.content.toString(value.tag === 0x0c ? 'utf8' : 'latin1')
          : undefined,
      });
    }
  }
  return attributes;
}

/** The values of one attribute type, in order. */
export function attributesOf(attributes: readonly ReadAttribute[], oid: string): ReadAttribute[] {
  return attributes.filter((attribute) => attribute.oid === oid);
}

function normalised(attribute: ReadAttribute): string {
  if (attribute.text !== undefined)
    return `${attribute.oid}=s:${attribute.text.trim().replace(/\s+/g, ' ').toLowerCase()}`;
  return `${attribute.oid}=${attribute.tag}:${attribute.content.toString('hex')}`;
}

/** Whether two DER names denote the same entity (same attributes, same order, strings compared loosely). */
export function sameName(a: Uint8Array, b: Uint8Array): boolean {
  try {
    const left = readName(a).map(normalised);
    const right = readName(b).map(normalised);
    return left.length === right.length && left.every((value, i) => value === right[i]);
  } catch {
    return false;
  }
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.organizationalUnitName]: 'OU',
  '2.5.4.10': 'O',
  '2.5.4.6': 'C',
  [OID.x500UniqueIdentifier]: 'x500UniqueIdentifier',
};

/** `OU=07, CN=Z1` in DER order (as @peculiar/x509 and openssl print it); non-strings as `#<hex DER>`. */
export function formatName(der: Uint8Array): string {
  try {
    return readName(der)
      .map((attribute) => {
        const value =
          attribute.text ?? `#${tlv(attribute.tag, attribute.content).toString('hex').toUpperCase()}`;
        return `${SHORT_NAMES[attribute.oid] ?? attribute.oid}=${value}`;
      })
      .join(', ');
  } catch {
    return `(malformed name ${Buffer.from(der).toString('hex')})`;
  }
}
