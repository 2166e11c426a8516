import { type KeyObject, sign, verify } from 'node:crypto';
import { ACCEPTED, type Verdict, verdictOf } from '../core/verdict.ts';
import { hex } from './ByteReader.ts';
import type { GbcsSigning } from './GbcsSigning.ts';
import {
  decodeGroupingHeader,
  decodePreCommand,
  GENERAL_SIGNING_TAG,
  type GroupingHeader,
} from './GroupingHeader.ts';

/** ECDSA P-256 / SHA-256 over `data`, as raw r‖s (64 bytes). */
export function signGbcs(data: Uint8Array, privateKey: KeyObject): Buffer {
  return sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
}

export function verifyGbcs(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  if (signature.length !== 64) return false;
  return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
}

/** GBCS's own signatures: ECDSA P-256 / SHA-256, raw r‖s. */
export const ECDSA_GBCS_SIGNING: GbcsSigning = { sign: signGbcs, verify: verifyGbcs };

/**
 * Checks a grouping header's signature with the DS public key of its originator (the User's for a
 * command, the device's for a response or alert). A refusal is a verdict, not an exception.
 */
export function verifyGroupingHeaderSignature(
  header: GroupingHeader,
  publicKey: KeyObject,
  signing: GbcsSigning = ECDSA_GBCS_SIGNING,
): Verdict {
  if (!Buffer.isBuffer(header.signature)) {
    return verdictOf([
      { code: 'unsigned', message: `the grouping header from ${header.originator} carries no signature` },
    ]);
  }
  if (!signing.verify(header.signedBytes, header.signature, publicKey)) {
    return verdictOf([
      {
        code: 'bad-signature',
        message: `the signature of ${header.craFlag} #${header.originatorCounter} from ${header.originator} does not verify with the key given (r‖s ${hex(header.signature.subarray(0, 8))}…)`,
      },
    ]);
  }
  return ACCEPTED;
}

/**
 * Turns a pre-command into a signed grouping header, as a User does for a CV 5 SignedPreCommand: drop
 * the trailing `00` where present, append `40` ‖ r‖s.
 */
export function signPreCommand(preCommand: Buffer, privateKey: KeyObject, signing: GbcsSigning = ECDSA_GBCS_SIGNING): Buffer {
  const { signedBytes } = decodePreCommand(preCommand);
  return Buffer.concat([
    Buffer.from([GENERAL_SIGNING_TAG]),
    signedBytes,
    Buffer.from([0x40]),
    signing.sign(signedBytes, privateKey),
  ]);
}

/** Signs any grouping header, replacing a signature it already has (e.g. a device signing its response). */
export function signGroupingHeader(groupingHeader: Buffer, privateKey: KeyObject): Buffer {
  const { signedBytes } = decodeGroupingHeader(groupingHeader);
  return Buffer.concat([
    Buffer.from([GENERAL_SIGNING_TAG]),
    signedBytes,
    Buffer.from([0x40]),
    signGbcs(signedBytes, privateKey),
  ]);
}
