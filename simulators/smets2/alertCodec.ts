/**
 * GBCS device alert payloads, which the gbcs codec does not cover. Two shapes:
 *
 * 1. Generic alerts (0x8F3D, 0x8F30, 0x8F70, 0x8F1E, 0x8F4C–0x8F4F) under message code 0x1000 "Generic
 *    Critical Alert" (DCC's gbcs-parser names 0x1000/0x1001 generic critical / non-critical alerts), as
 *    a DLMS Data-Notification: `0F` long-invoke-id-and-priority (4 bytes, 0) date-time `00` (absent)
 *    then a structure of two: alert code (long-unsigned `12 hh ll`) and time stamp (octet-string
 *    `09 0C` + 12-byte DLMS date-time) – the layout gbcs-parser reads for ESME alerts.
 *    [assumed] real GSMEs/GPFs/CHFs send generic alerts as GBZ or other forms; the harness uses this
 *    one shape for every device type, and calls them critical because they are signed.
 * 2. The future-dated CS02b alert (0x8F66 success / 0x8F67 failure) under message code 0x00CB
 *    "Future Dated Update Security Credentials Alert": DER SEQUENCE { alertCode INTEGER,
 *    executionDateTime GeneralizedTime, executionOutcome } with the CS02b response's execution outcome
 *    (as gbcs-parser's parseUpdateSecurityCredentialsAlert reads it).
 */
import {
  ByteReader,
  berLength,
  type Cs02bExecutionOutcome,
  DlmsDateTime,
  decodeCs02bResponse,
  encodeCs02bResponse,
  GbcsDecodeError,
} from '../gbcs/index.ts';

export const ALERT_MESSAGE_CODES = {
  genericCritical: 0x1000,
  futureDatedUpdateSecurityCredentials: 0x00cb,
} as const;

/** The GBCS alert codes the simulator raises (names as DCC's gbcs-parser gives them). */
export const ALERT_CODES = {
  /** Integrity check of content or format of command failed. */
  commandIntegrityFailure: 0x8f1e,
  /** Source does not have authority for command. */
  noAuthority: 0x8f30,
  /** Trusted source authentication failure (bad or missing signature / MAC). */
  trustedSourceAuthenticationFailure: 0x8f3d,
  deviceDsCertificateReplacementFailed: 0x8f4c,
  deviceDsCertificateReplacementSucceeded: 0x8f4d,
  deviceKaCertificateReplacementFailed: 0x8f4e,
  deviceKaCertificateReplacementSucceeded: 0x8f4f,
  futureDatedCommandSucceeded: 0x8f66,
  futureDatedCommandFailed: 0x8f67,
  /** Update security credentials (trust anchor cells changed). */
  updateSecurityCredentials: 0x8f70,
} as const;

export type DeviceAlertPayload =
  | {
      readonly kind: 'generic';
      readonly alertCode: number;
      readonly timestamp: DlmsDateTime;
    }
  | {
      readonly kind: 'futureDatedCs02b';
      readonly alertCode: number;
      readonly executionDateTime: Date;
      readonly executionOutcome: Cs02bExecutionOutcome;
    };

const NOTIFICATION_HEADER = Buffer.from('0F00000000000202', 'hex');

export function alertMessageCode(payload: DeviceAlertPayload): number {
  return payload.kind === 'generic'
    ? ALERT_MESSAGE_CODES.genericCritical
    : ALERT_MESSAGE_CODES.futureDatedUpdateSecurityCredentials;
}

export function encodeAlertPayload(payload: DeviceAlertPayload): Buffer {
  if (payload.kind === 'generic') {
    const code = Buffer.alloc(3);
    code[0] = 0x12;
    code.writeUInt16BE(payload.alertCode, 1);
    return Buffer.concat([NOTIFICATION_HEADER, code, Buffer.from([0x09, 0x0c]), payload.timestamp.encode()]);
  }
  const response = encodeCs02bResponse({
    executionOutcome: payload.executionOutcome,
  });
  const r = new ByteReader(response);
  r.expectByte(0x30, 'CS02b response', 'SEQUENCE');
  r.berLength('CS02b response');
  r.expectByte(0x05, 'commandAccepted', 'NULL');
  r.expectByte(0x00, 'commandAccepted', 'NULL length 0');
  const outcome = r.take(r.remaining, 'executionOutcome');
  return tlv(
    0x30,
    Buffer.concat([derInteger(payload.alertCode), generalizedTime(payload.executionDateTime), outcome]),
  );
}

export function decodeAlertPayload(messageCode: number, content: Buffer, base = 0): DeviceAlertPayload {
  if (messageCode === ALERT_MESSAGE_CODES.genericCritical) return decodeGeneric(content, base);
  if (messageCode === ALERT_MESSAGE_CODES.futureDatedUpdateSecurityCredentials)
    return decodeFutureDated(content, base);
  throw new GbcsDecodeError('alert message code', base, '0x1000 or 0x00CB', `0x${messageCode.toString(16)}`);
}

function decodeGeneric(content: Buffer, base: number): DeviceAlertPayload {
  const r = new ByteReader(content, base);
  const header = r.take(NOTIFICATION_HEADER.length, 'data-notification header');
  if (!header.equals(NOTIFICATION_HEADER))
    throw new GbcsDecodeError(
      'data-notification header',
      base,
      NOTIFICATION_HEADER.toString('hex'),
      header.toString('hex'),
    );
  r.expectByte(0x12, 'alert code type', '0x12 (long-unsigned)');
  const alertCode = r.u16('alert code');
  r.expectByte(0x09, 'time stamp type', '0x09 (octet-string)');
  r.expectByte(0x0c, 'time stamp length', '0x0C');
  const timestamp = DlmsDateTime.decode(r.take(12, 'time stamp'), r.absolute - 12);
  r.end('generic alert');
  return { kind: 'generic', alertCode, timestamp };
}

function decodeFutureDated(content: Buffer, base: number): DeviceAlertPayload {
  const outer = new ByteReader(content, base);
  const bodyBytes = readTlv(outer, 0x30, 'CS02b alert');
  const body = new ByteReader(bodyBytes, outer.absolute - bodyBytes.length);
  outer.end('CS02b alert');
  const codeBytes = readTlv(body, 0x02, 'alertCode');
  const alertCode = codeBytes.length === 0 ? 0 : Number.parseInt(codeBytes.toString('hex'), 16);
  const timeText = readTlv(body, 0x18, 'executionDateTime').toString('latin1');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(timeText);
  if (!m) throw new GbcsDecodeError('executionDateTime', body.absolute, 'YYYYMMDDHHMMSSZ', timeText);
  const executionDateTime = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  const outcome = body.take(body.remaining, 'executionOutcome');
  const asResponse = tlv(0x30, Buffer.concat([Buffer.from([0x05, 0x00]), outcome]));
  const { executionOutcome } = decodeCs02bResponse(asResponse);
  if (executionOutcome === undefined)
    throw new GbcsDecodeError('executionOutcome', body.absolute, 'an execution outcome', 'nothing');
  return {
    kind: 'futureDatedCs02b',
    alertCode,
    executionDateTime,
    executionOutcome,
  };
}

function readTlv(r: ByteReader, tag: number, field: string): Buffer {
  r.expectByte(tag, field, `tag 0x${tag.toString(16).padStart(2, '0')}`);
  return r.take(r.berLength(field), field);
}

function tlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), berLength(value.length), value]);
}

function derInteger(n: number): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function generalizedTime(date: Date): Buffer {
  const text = `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
  return tlv(0x18, Buffer.from(text, 'latin1'));
}
