import { hash } from 'node:crypto';
import { InvalidInputError } from '../core/errors.ts';

/**
 * Deterministic certificate serial numbers: 16 bytes from SHA-256 over the SMKI seed and what the
 * certificate is for (kind, EUI, usage, generation), top bit cleared (positive) and the first byte
 * at least 0x10, so every serial encodes as a 16-byte INTEGER like the RTDS ones.
 */
export function deriveSerial(seed: string, ...parts: readonly (string | number)[]): Buffer {
  const digest = hash('sha256', ['smets-harness/smki/serial/v1', seed, ...parts.map(String)].join('\u0000'), 'buffer');
  const serial = Buffer.from(digest.subarray(0, 16));
  serial[0] = serial[0]! & 0x7f;
  if (serial[0] < 0x10) serial[0] |= 0x10;
  return serial;
}

/** Upper-case hex without leading zero bytes: the form openssl prints and `describeCertificate` returns. */
export function serialHex(serial: Uint8Array): string {
  let start = 0;
  while (start < serial.length - 1 && serial[start] === 0) start++;
  return Buffer.from(serial.subarray(start)).toString('hex').toUpperCase();
}

/**
 * A caller-chosen serial: hex digits (any case, optional `0x`, colons allowed as openssl prints
 * them) or a bigint; positive, at most 20 bytes (RFC 5280).
 */
export function parseSerial(value: string | bigint, field = 'serial'): Buffer {
  const expected = 'a positive serial number of at most 20 bytes, as hex digits or a bigint';
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'string' && /^(0x)?[0-9a-f]+(:[0-9a-f]+)*$/i.test(value.trim())) {
    n = BigInt(`0x${value.trim().replace(/^0x/i, '').replaceAll(':', '')}`);
  } else throw new InvalidInputError(field, expected, value);
  if (n <= 0n || n >= 1n << 159n) throw new InvalidInputError(field, expected, value);
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}
