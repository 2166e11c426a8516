import type { X509Certificate } from 'node:crypto';
import { bytesOf, childrenOf, contentOf, decodeOid, issuerNameOfCertificate, readTlv } from './der.ts';

/**
 * Distinguished names as XML-DSig's X509IssuerName carries them: written the way DCC's tool
 * (Java's `X500Principal.getName()`, RFC 2253) writes them, e.g. `CN=Z1,OU=07`, and compared
 * by value, so that `CN=Z1, OU=07` (the RTDS templates' spacing) or `cn=z1,OID.2.5.4.11=07`
 * name the same issuer.
 */

/** One attribute of a name: its type OID and its value as a DER TLV. */
interface Ava {
  readonly oid: string;
  readonly tag: number;
  readonly content: Uint8Array;
  readonly tlv: Uint8Array;
}

/** The attribute types Java writes by keyword in RFC 2253 form; all others as a dotted OID. */
const RFC2253_KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Keywords accepted when reading a name (RFC 4514, RFC 1779 and the common extras). */
const KEYWORD_OIDS: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  SURNAME: '2.5.4.4',
  SERIALNUMBER: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  S: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  TITLE: '2.5.4.12',
  GIVENNAME: '2.5.4.42',
  INITIALS: '2.5.4.43',
  GENERATIONQUALIFIER: '2.5.4.44',
  X500UNIQUEIDENTIFIER: '2.5.4.45',
  DNQUALIFIER: '2.5.4.46',
  UID: '0.9.2342.19200300.100.1.1',
  DC: '0.9.2342.19200300.100.1.25',
  E: '1.2.840.113549.1.9.1',
  EMAIL: '1.2.840.113549.1.9.1',
  EMAILADDRESS: '1.2.840.113549.1.9.1',
};

/** DER string types Java renders as text (PrintableString, T61, IA5, GeneralString, UTF8, BMP). */
const JAVA_TEXT_TAGS = new Set([0x13, 0x14, 0x16, 0x1b, 0x0c, 0x1e]);
/** DER string types compared as text when matching names (the above plus Numeric, Visible, Universal). */
const TEXT_TAGS = new Set([...JAVA_TEXT_TAGS, 0x12, 0x1a, 0x1c]);
const RFC2253_ESCAPED = ',=+<>#;"\\';

/** The issuer of a certificate as DCC's tool writes X509IssuerName, e.g. `CN=Z1,OU=07`. */
export function issuerNameOf(certificate: X509Certificate): string {
  return formatRfc2253(issuerNameOfCertificate(certificate.raw));
}

/** The certificate's serial number, as X509SerialNumber carries it (in decimal). */
export function serialNumberOf(certificate: X509Certificate): bigint {
  return BigInt(`0x${certificate.serialNumber}`);
}

/**
 * A DER Name in RFC 2253 form exactly as Java's `X500Principal.getName()` writes it: the last
 * RDN first, `,` without spaces, keywords only for CN C L ST O OU STREET DC UID, any other type
 * or non-string value as `OID=#hex`; `,=+<>#;"\` escaped with a backslash, NUL as `\00`, leading
 * and trailing spaces escaped. Matches Java for PrintableString, UTF8String and IA5String values
 * (what SMKI certificates carry).
 */
export function formatRfc2253(nameDer: Uint8Array): string {
  return readName(nameDer)
    .reverse()
    .map((rdn) => rdn.map(formatAva).join('+'))
    .join(',');
}

function formatAva(ava: Ava): string {
  const keyword = RFC2253_KEYWORDS[ava.oid];
  if (keyword === undefined || !JAVA_TEXT_TAGS.has(ava.tag)) {
    return `${keyword ?? ava.oid}=#${Buffer.from(ava.tlv).toString('hex')}`;
  }
  return `${keyword}=${escapeRfc2253(decodeText(ava.tag, ava.content))}`;
}

function escapeRfc2253(value: string): string {
  let escaped = '';
  for (const c of value) {
    if (RFC2253_ESCAPED.includes(c)) escaped += `\\${c}`;
    else if (c === '\u0000') escaped += '\\00';
    else escaped += c;
  }
  const isEdge = (c: string | undefined) => c === ' ' || c === '\r';
  let lead = 0;
  while (lead < escaped.length && isEdge(escaped[lead])) lead++;
  let trail = escaped.length - 1;
  while (trail >= 0 && isEdge(escaped[trail])) trail--;
  let out = '';
  for (let i = 0; i < escaped.length; i++) out += i < lead || i > trail ? `\\${escaped[i]}` : escaped[i];
  return out;
}

/**
 * A comparison key for a name written as text (RFC 4514 / 2253 / 1779 style, last RDN first):
 * attribute types as OIDs, values unescaped, trimmed, inner whitespace collapsed and lower-cased,
 * `#hex` string values decoded, the AVAs of a multi-valued RDN sorted. `undefined` if the text
 * does not parse as a name.
 */
export function distinguishedNameKey(text: string): string | undefined {
  const rdns = parseNameText(text);
  return rdns === undefined ? undefined : keyOf(rdns);
}

/** The comparison key of a DER Name, comparable with {@link distinguishedNameKey}. */
export function distinguishedNameKeyOfDer(nameDer: Uint8Array): string {
  return keyOf(
    readName(nameDer)
      .reverse()
      .map((rdn) => rdn.map((ava) => ({ oid: ava.oid, value: matchValue(ava.tag, ava.content, ava.tlv) }))),
  );
}

/** Whether `issuerName` (as found in X509IssuerName) names this certificate's issuer. */
export function issuerMatches(certificate: X509Certificate, issuerName: string): boolean {
  const key = distinguishedNameKey(issuerName);
  return key !== undefined && key === distinguishedNameKeyOfDer(issuerNameOfCertificate(certificate.raw));
}

interface KeyAva {
  readonly oid: string;
  readonly value: string;
}

function keyOf(rdns: readonly (readonly KeyAva[])[]): string {
  return rdns
    .map((rdn) =>
      rdn
        .map((ava) => `${ava.oid}=${JSON.stringify(ava.value)}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

function normaliseText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

function matchValue(tag: number, content: Uint8Array, tlv: Uint8Array): string {
  return TEXT_TAGS.has(tag)
    ? normaliseText(decodeText(tag, content))
    : `#${Buffer.from(tlv).toString('hex')}`;
}

function readName(nameDer: Uint8Array): Ava[][] {
  const name = readTlv(nameDer, 0);
  if (name.tag !== 0x30) throw new RangeError('DER: a Name is a SEQUENCE');
  return childrenOf(nameDer, name).map((set) => {
    if (set.tag !== 0x31) throw new RangeError('DER: an RDN is a SET');
    return childrenOf(nameDer, set).map((atv) => {
      const [type, value] = childrenOf(nameDer, atv);
      if (type === undefined || value === undefined || type.tag !== 0x06) {
        throw new RangeError('DER: an AttributeTypeAndValue is SEQUENCE { OID, value }');
      }
      return {
        oid: decodeOid(contentOf(nameDer, type)),
        tag: value.tag,
        content: contentOf(nameDer, value),
        tlv: bytesOf(nameDer, value),
      };
    });
  });
}

function decodeText(tag: number, content: Uint8Array): string {
  const bytes = Buffer.from(content);
  switch (tag) {
    case 0x0c:
      return bytes.toString('utf8');
    case 0x1e:
      return new TextDecoder('utf-16be').decode(bytes);
    case 0x1c: {
      let s = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) s += String.fromCodePoint(bytes.readUInt32BE(i));
      return s;
    }
    default:
      return bytes.toString('latin1');
  }
}

/** Parses `CN=Z1, OU=07` into RDNs (text order) of {OID, match value}; `undefined` if malformed. */
function parseNameText(text: string): KeyAva[][] | undefined {
  const rdns: KeyAva[][] = [];
  let rdn: KeyAva[] = [];
  let i = 0;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (i === text.length) return [];
  for (;;) {
    skipSpaces();
    const eq = text.indexOf('=', i);
    if (eq < 0) return undefined;
    const oid = typeOid(text.slice(i, eq).trim());
    if (oid === undefined) return undefined;
    i = eq + 1;
    skipSpaces();
    const value = readValue();
    if (value === undefined) return undefined;
    rdn.push({ oid, value });
    skipSpaces();
    if (i === text.length) break;
    const separator = text[i++];
    if (separator === '+') continue;
    if (separator !== ',' && separator !== ';') return undefined;
    rdns.push(rdn);
    rdn = [];
  }
  rdns.push(rdn);
  return rdns;

  function readValue(): string | undefined {
    if (text[i] === '#') {
      const hex = /^#([0-9A-Fa-f]{2})+/.exec(text.slice(i));
      if (hex === null) return undefined;
      i += hex[0].length;
      const der = Buffer.from(hex[0].slice(1), 'hex');
      try {
        const tlv = readTlv(der, 0);
        if (tlv.end !== der.length) return undefined;
        return matchValue(tlv.tag, contentOf(der, tlv), der);
      } catch {
        return undefined;
      }
    }
    const bytes: number[] = [];
    const quoted = text[i] === '"';
    if (quoted) i++;
    let significantEnd = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (quoted ? c === '"' : c === ',' || c === '+' || c === ';') break;
      if (c === '\\') {
        const pair = /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3));
        if (pair !== null) {
          bytes.push(Number.parseInt(pair[0], 16));
          i += 3;
        } else if (i + 1 < text.length) {
          const escaped = String.fromCodePoint(text.codePointAt(i + 1)!);
          bytes.push(...Buffer.from(escaped, 'utf8'));
          i += 1 + escaped.length;
        } else {
          return undefined;
        }
        significantEnd = bytes.length;
        continue;
      }
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length;
      if (c !== ' ' || quoted) significantEnd = bytes.length;
    }
    if (quoted) {
      if (text[i] !== '"') return undefined;
      i++;
    }
    return normaliseText(Buffer.from(bytes.slice(0, significantEnd)).toString('utf8'));
  }
}

function typeOid(type: string): string | undefined {
  const dotted = /^(?:OID\.)?([0-9]+(?:\.[0-9]+)+)$/i.exec(type);
  if (dotted !== null) return dotted[1];
  return KEYWORD_OIDS[type.toUpperCase()];
}
