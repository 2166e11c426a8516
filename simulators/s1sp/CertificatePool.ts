import { createHash } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { describeCertificate } from '../smki/index.ts';

/**
 * An organisation certificate held in one or more virtual anchor slots. Slots hold references to
 * these shared, frozen objects, so a million devices holding the same network operator's
 * certificate cost a million pointers, not a million copies.
 */
export interface HeldCertificate {
  readonly der: Buffer;
  /** The subject's x500UniqueIdentifier: the party that owns the certificate. */
  readonly owner: Eui;
  /** Undefined when the subject OU is not a GBCS role. */
  readonly role: RemotePartyRole | undefined;
  readonly usage: KeyUsage | undefined;
  /** Upper-case hex, as openssl prints it. */
  readonly serial: string;
  /** SHA-1 of the DER: the hash MMC responses report (ra:SHA1). */
  readonly sha1: Buffer;
  /** SHA-256 of the DER in hex: the pool's key. */
  readonly fingerprint: string;
}

/**
 * Interns certificates by their SHA-256, so equal certificates are one object. Share one pool
 * between S1SP instances to share the objects across cohorts.
 */
export class CertificatePool {
  readonly #byFingerprint = new Map<string, HeldCertificate>();

  get size(): number {
    return this.#byFingerprint.size;
  }

  /**
   * The shared object for this certificate. Throws InvalidInputError when the DER does not
   * describe an organisation certificate with an Entity ID (judge untrusted certificates with
   * `checkSlotCertificate` first).
   */
  intern(certificate: Uint8Array | HeldCertificate, field = 'certificate'): HeldCertificate {
    if (!(certificate instanceof Uint8Array)) return this.#adopt(certificate);
    const der = Buffer.from(certificate);
    const fingerprint = createHash('sha256').update(der).digest('hex');
    const known = this.#byFingerprint.get(fingerprint);
    if (known !== undefined) return known;
    const description = describeCertificate(der);
    if (description.kind !== 'organisation' || description.eui === undefined) {
      throw new InvalidInputError(
        field,
        'an organisation certificate with an x500UniqueIdentifier (the owner)',
        `a certificate of kind ${description.kind}`,
      );
    }
    const held: HeldCertificate = Object.freeze({
      der,
      owner: description.eui,
      role: description.role,
      usage: description.usage,
      serial: description.serial,
      sha1: createHash('sha1').update(der).digest(),
      fingerprint,
    });
    this.#byFingerprint.set(fingerprint, held);
    return held;
  }

  #adopt(held: HeldCertificate): HeldCertificate {
    const known = this.#byFingerprint.get(held.fingerprint);
    if (known !== undefined) return known;
    this.#byFingerprint.set(held.fingerprint, held);
    return held;
  }
}
