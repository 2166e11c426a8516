import { createHmac, type KeyObject, randomBytes } from 'node:crypto';
import { spkiTextOf } from '../smki/publicKeyCache.ts';
import type { GbcsSigning } from './GbcsSigning.ts';
import { verifyGbcs } from './signature.ts';

/** The second half of every in-process seal, so a frame's reader can tell one from an ECDSA r‖s. */
export const IN_PROCESS_SEAL_TAG = Buffer.from('smets-harness in-process seal v1', 'latin1');
const SEAL_LENGTH = 64;
const MAC_LENGTH = SEAL_LENGTH - IN_PROCESS_SEAL_TAG.length;

/**
 * GBCS signatures of an estate with in-process signing (decision 0013), the GBCS half of
 * decision 0009. ECDSA is a fifth of a batch's CPU: 15 signatures and 6 checks a meter. In their
 * place a seal: HMAC-SHA-256, under this instance's secret, of the signer's public key (its DER
 * SubjectPublicKeyInfo, taken from the private key it is given) and the signed bytes, followed by
 * `IN_PROCESS_SEAL_TAG` – 64 bytes, where r‖s would be.
 *
 * A check recomputes the seal with the public key the checker holds (a device: the key of the
 * certificate in its authorising cell) over the bytes it received. So it holds exactly where
 * ECDSA's would – same key pair, same bytes – and fails where ECDSA's would: another key (a wrong
 * NO certificate in the cell), a byte changed, another estate's seal. What the device then does is
 * unchanged. A signature without the tag is checked as ECDSA, so real ones (RTDS vectors, a
 * supplier's) still verify. Seals prove nothing outside the estate that made them; an estate with
 * in-process signing has no HTTP interface, so its frames never leave the process.
 */
export class InProcessGbcsSigning implements GbcsSigning {
  readonly #secret: Buffer;

  /** `secret`: 32 random bytes unless given (tests give one to make seals reproducible). */
  constructor(secret: Uint8Array = randomBytes(32)) {
    this.#secret = Buffer.from(secret);
  }

  sign(data: Uint8Array, privateKey: KeyObject): Buffer {
    // GBCS signs with P-256 keys only: ECDSA would make no 64-byte r‖s with any other.
    const curve = privateKey.asymmetricKeyType === 'ec' ? privateKey.asymmetricKeyDetails?.namedCurve : undefined;
    if (privateKey.type !== 'private' || curve !== 'prime256v1') {
      const what = `${privateKey.type} ${privateKey.asymmetricKeyType ?? ''}${curve ? ` ${curve}` : ''}`;
      throw new TypeError(`a GBCS signature needs a P-256 private key, got a ${what} key`);
    }
    return Buffer.concat([this.#mac(privateKey, data), IN_PROCESS_SEAL_TAG], SEAL_LENGTH);
  }

  verify(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
    if (signature.length !== SEAL_LENGTH) return false;
    const view = Buffer.from(signature.buffer, signature.byteOffset, SEAL_LENGTH);
    if (!view.subarray(MAC_LENGTH).equals(IN_PROCESS_SEAL_TAG)) return verifyGbcs(data, signature, publicKey);
    return this.#mac(publicKey, data).equals(view.subarray(0, MAC_LENGTH));
  }

  /** HMAC of the key's SubjectPublicKeyInfo (self-delimiting DER) followed by the data. */
  #mac(key: KeyObject, data: Uint8Array): Buffer {
    return createHmac('sha256', this.#secret).update(spkiTextOf(key), 'latin1').update(data).digest();
  }
}
