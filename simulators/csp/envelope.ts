import { Eui } from '../core/Eui.ts';
import { DISPOSITIONS, type Disposition } from './DeviceSide.ts';

/**
 * One binary WebSocket message between the CSP and a device host (README.md, "Envelope"):
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 1 | type: 1 command, 2 response, 3 alert, 4 end, 5 tick |
 * | 1 | 8 | device EUI (zeros when none: tick, the end of a tick) |
 * | 9 | 8 | correlation id, unsigned big-endian; a host's frames echo the command's or tick's |
 * | 17 | 8 | time, ms since the Unix epoch, signed big-endian: the CSP's clock (the host uses it as `now`) |
 * | 25 | … | body: GBCS bytes (command, response, alert); end: see EndBody; tick: empty |
 */
export const ENVELOPE_TYPES = { command: 1, response: 2, alert: 3, end: 4, tick: 5 } as const;
export type EnvelopeType = keyof typeof ENVELOPE_TYPES;

export const HEADER_LENGTH = 25;
const NO_DEVICE = Eui.fromBytes(Buffer.alloc(8));

export interface Envelope {
  readonly type: EnvelopeType;
  readonly deviceId: Eui;
  readonly correlationId: bigint;
  readonly time: Date;
  readonly body: Buffer;
}

/** The end of a host's answer: disposition (1 byte, DISPOSITIONS order), wake-at ms (8, −1 none), UTF-8 reason. */
export interface EndBody {
  readonly disposition: Disposition;
  readonly wakeAt?: Date;
  readonly reason?: string;
}

export class EnvelopeError extends Error {}

export function encodeEnvelope(e: { type: EnvelopeType; deviceId?: Eui; correlationId: bigint; time: Date; body?: Buffer }): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header[0] = ENVELOPE_TYPES[e.type];
  (e.deviceId ?? NO_DEVICE).toBytes().copy(header, 1);
  header.writeBigUInt64BE(e.correlationId, 9);
  header.writeBigInt64BE(BigInt(e.time.getTime()), 17);
  return e.body && e.body.length > 0 ? Buffer.concat([header, e.body]) : header;
}

export function decodeEnvelope(bytes: Buffer): Envelope {
  if (bytes.length < HEADER_LENGTH) throw new EnvelopeError(`envelope: ${bytes.length} bytes, at least ${HEADER_LENGTH} expected`);
  const type = (Object.keys(ENVELOPE_TYPES) as EnvelopeType[]).find((k) => ENVELOPE_TYPES[k] === bytes[0]);
  if (type === undefined) throw new EnvelopeError(`envelope: unknown type ${bytes[0]}`);
  return {
    type,
    deviceId: Eui.fromBytes(bytes.subarray(1, 9)),
    correlationId: bytes.readBigUInt64BE(9),
    time: new Date(Number(bytes.readBigInt64BE(17))),
    body: Buffer.from(bytes.subarray(HEADER_LENGTH)),
  };
}

export function encodeEndBody(end: EndBody): Buffer {
  const fixed = Buffer.alloc(9);
  fixed[0] = DISPOSITIONS.indexOf(end.disposition);
  fixed.writeBigInt64BE(BigInt(end.wakeAt ? end.wakeAt.getTime() : -1), 1);
  return Buffer.concat([fixed, Buffer.from(end.reason ?? '', 'utf8')]);
}

export function decodeEndBody(body: Buffer): EndBody {
  if (body.length < 9) throw new EnvelopeError(`end: ${body.length} bytes, at least 9 expected`);
  const disposition = DISPOSITIONS[body[0]!];
  if (disposition === undefined) throw new EnvelopeError(`end: unknown disposition ${body[0]}`);
  const wakeAt = Number(body.readBigInt64BE(1));
  const reason = body.subarray(9).toString('utf8');
  return { disposition, ...(wakeAt >= 0 && { wakeAt: new Date(wakeAt) }), ...(reason && { reason }) };
}
