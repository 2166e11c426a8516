import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';

/**
 * The in-process signing path of decision 0009, for very large batches: DUIS documents travel
 * between in-process Users and the DSP unsigned in the XML, each with an HMAC-SHA256 over its exact
 * text under a key derived for its signer's EUI from a secret only this process holds. It stands in
 * for XML-DSig's ECDSA (which costs more than the rest of a Service Request): whoever checks still
 * learns who sent the document and that not a byte changed, and every other check runs unchanged.
 * It never crosses a process or a port: an estate with in-process signing has no HTTP interface.
 */
export class InProcessSigning {
  readonly #secret: Buffer;
  readonly #keys = new Map<string, Buffer>();

  /** `secret`: 32 random bytes unless given (tests give one to compare signatures). */
  constructor(secret: Buffer = randomBytes(32)) {
    if (secret.length < 16) throw new RangeError('InProcessSigning: the secret needs at least 16 bytes');
    this.#secret = Buffer.from(secret);
  }

  /** The signature of `signer` over `text`, as hex. */
  sign(signer: Eui, text: string): string {
    return createHmac('sha256', this.#key(signer)).update(text, 'utf8').digest('hex');
  }

  /** Whether `signature` is `signer`'s over exactly `text`. */
  verify(signer: Eui, text: string, signature: string | undefined): boolean {
    if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false;
    return timingSafeEqual(Buffer.from(this.sign(signer, text), 'hex'), Buffer.from(signature, 'hex'));
  }

  #key(signer: Eui): Buffer {
    const id = signer.hex;
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = createHmac('sha256', this.#secret).update(`smets-harness in-process DUIS signing key for ${id}`).digest();
      this.#keys.set(id, key);
    }
    return key;
  }
}
