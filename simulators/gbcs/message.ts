import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { decodeCommandWrapper, type WrappedMessage } from './CommandWrapper.ts';
import type { DlmsDateTime } from './DlmsDateTime.ts';
import { GbcsDecodeError, hexByte } from './GbcsDecodeError.ts';
import {
  decodeGroupingHeader,
  encodePreCommand,
  type GroupingHeader,
  type GroupingHeaderFields,
  type Supplementary,
} from './GroupingHeader.ts';
import { wrapWithMac } from './mac.ts';
import { decodePayload, encodePayload, type GbcsPayload, messageCodeOfPayload } from './payload.ts';
import type { GbcsSigning } from './GbcsSigning.ts';
import { signPreCommand } from './signature.ts';

/** Any GBCS message the harness handles, framing and payload decoded. */
export interface GbcsMessage {
  /** `wrapped`: DD command wrapper with a MAC; `groupingHeader`: DF alone (pre-command, signed command or response). */
  readonly frame: 'wrapped' | 'groupingHeader';
  readonly header: GroupingHeader;
  /** Present for `wrapped`. */
  readonly wrapped?: WrappedMessage;
  readonly payload: GbcsPayload;
}

/** Decodes a whole message; every malformation, unknown message code included, is a GbcsDecodeError. */
export function decodeGbcsMessage(bytes: Buffer): GbcsMessage {
  if (bytes[0] === 0xdd) {
    const wrapped = decodeCommandWrapper(bytes);
    return { frame: 'wrapped', header: wrapped.header, wrapped, payload: decodePayload(wrapped.header) };
  }
  if (bytes[0] === 0xdf) {
    const header = decodeGroupingHeader(bytes);
    return { frame: 'groupingHeader', header, payload: decodePayload(header) };
  }
  throw new GbcsDecodeError(
    'frame tag',
    0,
    '0xDD (command wrapper) or 0xDF (general-signing)',
    bytes.length === 0 ? 'no bytes' : hexByte(bytes[0]!),
  );
}

/** Hex text (whitespace allowed) to bytes, refusing anything else. */
export function parseGbcsHex(text: string, field = 'GBCS hex'): Buffer {
  // Node stops decoding at the first character that is not a hex pair: all of it decoded means it was all hex.
  const bytes = Buffer.from(text, 'hex');
  if (bytes.length * 2 === text.length) return bytes;
  const compact = text.replace(/\s+/g, '');
  const bad = /[^0-9A-Fa-f]/.exec(compact);
  if (bad) throw new GbcsDecodeError(field, Math.floor(bad.index / 2), 'hex digits', JSON.stringify(bad[0]));
  if (compact.length % 2 !== 0)
    throw new GbcsDecodeError(field, compact.length / 2, 'an even number of hex digits', `${compact.length}`);
  return Buffer.from(compact, 'hex');
}

/** Named inputs of a command's grouping header; the message code follows from the payload. */
export interface PreCommandInputs {
  readonly originatorCounter: bigint;
  readonly originator: Eui;
  readonly recipient: Eui;
  readonly dateTime?: DlmsDateTime;
  readonly supplementary?: Supplementary;
  readonly payload: GbcsPayload;
}

export function preCommandFields(inputs: PreCommandInputs): GroupingHeaderFields {
  return {
    craFlag: 'command',
    originatorCounter: inputs.originatorCounter,
    originator: inputs.originator,
    recipient: inputs.recipient,
    ...(inputs.dateTime && { dateTime: inputs.dateTime }),
    messageCode: messageCodeOfPayload(inputs.payload),
    ...(inputs.supplementary && { supplementary: inputs.supplementary }),
    content: encodePayload(inputs.payload),
  };
}

/** A pre-command as the DSP returns it (RTDS form: no trailing `00` unless asked). */
export function buildPreCommand(inputs: PreCommandInputs, options: { trailingZero?: boolean } = {}): Buffer {
  return encodePreCommand(preCommandFields(inputs), options);
}

export interface CommandKeys {
  /** The User's DS private key; omit for a MAC-only command (signature field `00`). */
  readonly signer?: KeyObject;
  /** The DCC ACB's KA private key. */
  readonly macPrivateKey: KeyObject;
  /** The device's KA public key. */
  readonly macPublicKey: KeyObject;
  /** How the User signs. Default: ECDSA. */
  readonly signing?: GbcsSigning;
}

/** Pre-command → signed by the User (when a signer is given) → MAC'd by the DCC → DD frame. */
export function buildCommand(preCommand: Buffer, keys: CommandKeys): Buffer {
  const header = keys.signer ? signPreCommand(preCommand, keys.signer, keys.signing) : unsignedHeader(preCommand);
  return wrapWithMac(header, keys.macPrivateKey, keys.macPublicKey);
}

function unsignedHeader(preCommand: Buffer): Buffer {
  const { signedBytes } = decodeGroupingHeader(preCommand);
  return Buffer.concat([Buffer.from([0xdf]), signedBytes, Buffer.from([0x00])]);
}
