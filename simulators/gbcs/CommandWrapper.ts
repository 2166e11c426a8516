import { ByteReader, berLength, hex } from './ByteReader.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import { decodeGroupingHeader, type GroupingHeader } from './GroupingHeader.ts';
import { oncePerFrame } from './oncePerFrame.ts';

export const COMMAND_WRAPPER_TAG = 0xdd;
/** Security control `11` and a zero invocation counter: the only header the RTDS vectors use. */
export const SECURITY_HEADER: Buffer = Buffer.from('1100000000', 'hex');
export const MAC_LENGTH = 12;

/**
 * A MAC-protected message: `DD` + six `00`, BER length of the rest, security header `11 00 00 00 00`,
 * a grouping header (signed, or with signature field `00`), then a 12-byte MAC. Commands come like this
 * (the DCC adds the MAC), and so do MAC-only device responses (RTDS CS02a).
 */
export interface WrappedMessage {
  readonly header: GroupingHeader;
  readonly mac: Buffer;
  /** The whole frame as received. */
  readonly bytes: Buffer;
}

/** Decodes a command wrapper; a whole frame (`base` 0) is decoded once however often it is read (oncePerFrame). */
export function decodeCommandWrapper(bytes: Buffer, base = 0): WrappedMessage {
  return base === 0 ? decodeFrameOnce(bytes) : readCommandWrapper(bytes, base);
}

const decodeFrameOnce = oncePerFrame((bytes) => readCommandWrapper(bytes, 0));

function readCommandWrapper(bytes: Buffer, base: number): WrappedMessage {
  const r = new ByteReader(bytes, base);
  r.expectByte(COMMAND_WRAPPER_TAG, 'command wrapper tag', '0xDD');
  for (let i = 1; i <= 6; i++) r.expectByte(0x00, `command wrapper byte ${i + 1}`, '0x00');
  const lengthAt = r.absolute;
  const length = r.berLength('command wrapper');
  if (length !== r.remaining) {
    throw new GbcsDecodeError(
      'command wrapper length',
      lengthAt,
      `${r.remaining} (the bytes that follow)`,
      String(length),
    );
  }
  const securityAt = r.absolute;
  const security = r.take(SECURITY_HEADER.length, 'security header', '5 bytes 11 00 00 00 00');
  if (!security.equals(SECURITY_HEADER)) {
    throw new GbcsDecodeError('security header', securityAt, '11 00 00 00 00', hex(security));
  }
  if (r.remaining < MAC_LENGTH + 1) {
    throw new GbcsDecodeError(
      'command wrapper',
      r.absolute,
      `a grouping header and a ${MAC_LENGTH}-byte MAC`,
      `${r.remaining} bytes`,
    );
  }
  const headerAt = r.absolute;
  const headerBytes = r.take(r.remaining - MAC_LENGTH, 'grouping header');
  const mac = r.take(MAC_LENGTH, 'MAC');
  const header = decodeGroupingHeader(headerBytes, headerAt);
  if (header.signature === 'omitted') {
    throw new GbcsDecodeError(
      'signature length',
      headerAt + headerBytes.length,
      '0x00 or 0x40 before the MAC',
      'the MAC (the grouping header ends after its content)',
    );
  }
  return { header, mac, bytes };
}

/** Wraps a grouping header (signature field `00` or `40`‖r‖s) and its MAC. */
export function encodeCommandWrapper(groupingHeader: Buffer, mac: Buffer): Buffer {
  if (mac.length !== MAC_LENGTH) throw new RangeError(`MAC: expected ${MAC_LENGTH} bytes, got ${mac.length}`);
  const rest = Buffer.concat([SECURITY_HEADER, groupingHeader, mac]);
  return Buffer.concat([Buffer.from([COMMAND_WRAPPER_TAG, 0, 0, 0, 0, 0, 0]), berLength(rest.length), rest]);
}
