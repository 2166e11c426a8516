import type { KeyObject } from 'node:crypto';

/**
 * How GBCS signatures are made and checked: the 64 bytes after `40` in a grouping header. A User
 * signing a pre-command and a device signing its response take one; a device checking a command
 * takes one. `ECDSA_GBCS_SIGNING` (`signature.ts`) is GBCS's own (P-256 / SHA-256, r‖s); an estate with in-process
 * signing uses its `InProcessGbcsSigning` instead (decision 0013).
 */
export interface GbcsSigning {
  /** 64 bytes over `data` with `privateKey`. */
  sign(data: Uint8Array, privateKey: KeyObject): Buffer;
  /** Whether `signature` is `publicKey`'s over `data`; never throws for a signature that does not hold. */
  verify(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean;
}
