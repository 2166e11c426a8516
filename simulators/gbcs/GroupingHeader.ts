import { Eui } from '../core/Eui.ts';
import { ByteReader, berLength, hex } from './ByteReader.ts';
import { DlmsDateTime } from './DlmsDateTime.ts';
import { GbcsDecodeError, hexByte } from './GbcsDecodeError.ts';
import { formatMessageCode } from './messageCodes.ts';
import { oncePerFrame } from './oncePerFrame.ts';

export const GENERAL_SIGNING_TAG = 0xdf;

/** Transaction id CRA flag: what kind of message this is. */
export type CraFlag = 'command' | 'response' | 'alert';
export const CRA_FLAG_BYTES: Readonly<Record<CraFlag, number>> = { command: 1, response: 2, alert: 3 };
const CRA_BY_BYTE = new Map(Object.entries(CRA_FLAG_BYTES).map(([k, v]) => [v, k as CraFlag]));

/** What may follow the message code in other information [spec; none of the RTDS vectors has any]. */
export type Supplementary =
  | { readonly kind: 'remoteParty'; readonly remotePartyId: Eui; readonly remotePartyCounter: bigint }
  | { readonly kind: 'originatorCounter'; readonly counter: bigint }
  /** Anything else, e.g. a KA certificate, kept as bytes. */
  | { readonly kind: 'raw'; readonly bytes: Buffer };

/** 64 bytes r‖s; `none` = a single `00`; `omitted` = no byte at all (how RTDS pre-commands end). */
export type SignatureField = Buffer | 'none' | 'omitted';

export interface GroupingHeaderFields {
  readonly craFlag: CraFlag;
  /** Originator counter, 8 bytes big-endian; for a command the DUIS RequestID counter. */
  readonly originatorCounter: bigint;
  readonly originator: Eui;
  readonly recipient: Eui;
  readonly dateTime?: DlmsDateTime;
  readonly messageCode: number;
  readonly supplementary?: Supplementary;
  /** The use case payload (ASN.1 DER for the CS02 family, DLMS for ECS70). */
  readonly content: Buffer;
}

/** A decoded general-signing grouping header, with the exact bytes it came from. */
export interface GroupingHeader extends GroupingHeaderFields {
  readonly signature: SignatureField;
  /** From `DF` to the end of the signature field, exactly as received. */
  readonly bytes: Buffer;
  /** What is signed: the bytes after `DF` up to, not including, the signature-length byte. */
  readonly signedBytes: Buffer;
  /** Offset of `content` (decoder base included), for payload decoders to report positions. */
  readonly contentOffset: number;
}

/** Decodes a general-signing grouping header; a whole frame (`base` 0) is decoded once however often it is read (oncePerFrame). */
export function decodeGroupingHeader(bytes: Buffer, base = 0): GroupingHeader {
  return base === 0 ? decodeFrameOnce(bytes) : readGroupingHeader(bytes, base);
}

const decodeFrameOnce = oncePerFrame((bytes) => readGroupingHeader(bytes, 0));

function readGroupingHeader(bytes: Buffer, base: number): GroupingHeader {
  const r = new ByteReader(bytes, base);
  r.expectByte(GENERAL_SIGNING_TAG, 'general-signing tag', '0xDF (general-signing)');
  r.expectByte(0x09, 'transaction id length', '0x09 (CRA flag + 8-byte counter)');
  const craAt = r.absolute;
  const craByte = r.u8('CRA flag');
  const craFlag = CRA_BY_BYTE.get(craByte);
  if (craFlag === undefined) {
    throw new GbcsDecodeError(
      'CRA flag',
      craAt,
      '0x01 command, 0x02 response or 0x03 alert',
      hexByte(craByte),
    );
  }
  const originatorCounter = r.u64('originator counter');
  const originator = systemTitle(r, 'originator system title');
  const recipient = systemTitle(r, 'recipient system title');
  const dateTime = readDateTime(r);
  const { messageCode, supplementary } = readOtherInformation(r);
  const contentLength = r.berLength('content');
  const contentOffset = r.absolute;
  const content = r.take(contentLength, 'content', undefined, 'content bytes');
  const signedEnd = r.pos;
  const signature = readSignature(r);
  r.end('grouping header');
  return {
    craFlag,
    originatorCounter,
    originator,
    recipient,
    ...(dateTime && { dateTime }),
    messageCode,
    ...(supplementary && { supplementary }),
    content,
    signature,
    bytes,
    signedBytes: bytes.subarray(1, signedEnd),
    contentOffset,
  };
}

/** A pre-command: a grouping header whose signature field is `00` or missing altogether. */
export function decodePreCommand(bytes: Buffer, base = 0): GroupingHeader {
  const header = decodeGroupingHeader(bytes, base);
  if (Buffer.isBuffer(header.signature)) {
    throw new GbcsDecodeError(
      'signature',
      base + header.signedBytes.length + 1,
      'no signature in a pre-command',
      '64 bytes',
    );
  }
  return header;
}

export function encodeGroupingHeader(fields: GroupingHeaderFields, signature: SignatureField): Buffer {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(fields.originatorCounter);
  const other = otherInformationBytes(fields);
  return Buffer.concat([
    Buffer.from([GENERAL_SIGNING_TAG, 0x09, CRA_FLAG_BYTES[fields.craFlag]]),
    counter,
    Buffer.from([0x08]),
    fields.originator.toBytes(),
    Buffer.from([0x08]),
    fields.recipient.toBytes(),
    fields.dateTime ? Buffer.concat([Buffer.from([0x0c]), fields.dateTime.encode()]) : Buffer.from([0x00]),
    berLength(other.length),
    other,
    berLength(fields.content.length),
    fields.content,
    signatureFieldBytes(signature),
  ]);
}

/**
 * A pre-command as the DSP hands it to a User. RTDS pre-commands end after the content (no `00`), which
 * is the default; `trailingZero` adds the empty signature field.
 */
export function encodePreCommand(
  fields: GroupingHeaderFields,
  options: { trailingZero?: boolean } = {},
): Buffer {
  return encodeGroupingHeader(fields, options.trailingZero ? 'none' : 'omitted');
}

/** The bytes a signature covers for these fields. */
export function signedBytesOf(fields: GroupingHeaderFields): Buffer {
  return encodeGroupingHeader(fields, 'omitted').subarray(1);
}

function signatureFieldBytes(signature: SignatureField): Buffer {
  if (signature === 'omitted') return Buffer.alloc(0);
  if (signature === 'none') return Buffer.from([0x00]);
  if (signature.length !== 64)
    throw new RangeError(`signature: expected 64 bytes r‖s, got ${signature.length}`);
  return Buffer.concat([Buffer.from([0x40]), signature]);
}

function otherInformationBytes(fields: GroupingHeaderFields): Buffer {
  if (!Number.isInteger(fields.messageCode) || fields.messageCode < 0 || fields.messageCode > 0xffff) {
    throw new RangeError(`message code: expected 0x0000-0xFFFF, got ${fields.messageCode}`);
  }
  const code = Buffer.alloc(2);
  code.writeUInt16BE(fields.messageCode);
  const s = fields.supplementary;
  if (s === undefined) return code;
  if (s.kind === 'raw') return Buffer.concat([code, s.bytes]);
  const counter = Buffer.alloc(8);
  if (s.kind === 'originatorCounter') {
    counter.writeBigUInt64BE(s.counter);
    return Buffer.concat([code, counter]);
  }
  counter.writeBigUInt64BE(s.remotePartyCounter);
  return Buffer.concat([code, s.remotePartyId.toBytes(), counter]);
}

function systemTitle(r: ByteReader, field: string): Eui {
  r.expectByte(0x08, `${field} length`, '0x08 (an 8-byte EUI-64)');
  return Eui.fromBytes(r.take(8, field, 'an 8-byte EUI-64'), field);
}

function readDateTime(r: ByteReader): DlmsDateTime | undefined {
  const at = r.absolute;
  const len = r.u8('date-time length');
  if (len === 0x00) return undefined;
  if (len !== 0x0c) {
    throw new GbcsDecodeError(
      'date-time length',
      at,
      '0x00 (absent) or 0x0C (12-byte DLMS date-time)',
      hexByte(len),
    );
  }
  return DlmsDateTime.decode(r.take(12, 'date-time', 'a 12-byte DLMS date-time'), at + 1);
}

function readOtherInformation(r: ByteReader): { messageCode: number; supplementary?: Supplementary } {
  const at = r.absolute;
  const other = new ByteReader(r.lengthPrefixed('other information'), r.absolute);
  if (other.remaining < 2) {
    throw new GbcsDecodeError(
      'other information',
      at,
      'at least the 2-byte message code',
      `${other.remaining} bytes`,
    );
  }
  const messageCode = other.u16('message code');
  if (other.done) return { messageCode };
  if (other.remaining === 16) {
    const remotePartyId = Eui.fromBytes(other.take(8, 'supplementary remote party ID'));
    return {
      messageCode,
      supplementary: {
        kind: 'remoteParty',
        remotePartyId,
        remotePartyCounter: other.u64('supplementary counter'),
      },
    };
  }
  if (other.remaining === 8) {
    return {
      messageCode,
      supplementary: { kind: 'originatorCounter', counter: other.u64('supplementary counter') },
    };
  }
  return { messageCode, supplementary: { kind: 'raw', bytes: other.take(other.remaining, 'supplementary') } };
}

function readSignature(r: ByteReader): SignatureField {
  if (r.done) return 'omitted';
  const at = r.absolute;
  const len = r.u8('signature length');
  if (len === 0x00) return 'none';
  if (len !== 0x40) {
    throw new GbcsDecodeError(
      'signature length',
      at,
      '0x00 (no signature) or 0x40 (64-byte r‖s)',
      hexByte(len),
    );
  }
  return r.take(64, 'signature', '64 bytes r‖s');
}

/** A one-line description for logs and test output. */
export function describeGroupingHeader(h: GroupingHeaderFields): string {
  const code = formatMessageCode(h.messageCode);
  return `${h.craFlag} ${code} #${h.originatorCounter} ${h.originator.hex}→${h.recipient.hex} (${h.content.length} bytes: ${hex(h.content.subarray(0, 8))}…)`;
}
