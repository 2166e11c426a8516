import type { KeyObject } from 'node:crypto';
import { signDeterministic } from './deterministicEcdsa.ts';
import { bitString, contextConstructed, objectIdentifier, sequence, time, unsignedInteger } from './der.ts';
import { subjectPublicKeyInfo } from './keys.ts';
import { OID } from './profile.ts';

/** Everything that goes into a certificate's TBSCertificate, already encoded where it is DER. */
export interface CertificateTemplate {
  /** Serial number magnitude, big-endian (positive). */
  readonly serial: Buffer;
  /** DER Name of the issuer; must equal the issuing CA's subject. */
  readonly issuer: Buffer;
  /** DER Name of the subject (an empty SEQUENCE for device certificates). */
  readonly subject: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The subject's key, or its DER SubjectPublicKeyInfo. */
  readonly publicKey: KeyObject | Buffer;
  /** DER `Extension` elements, in the order they should appear. */
  readonly extensions: readonly Buffer[];
}

const ECDSA_WITH_SHA256 = sequence(objectIdentifier(OID.ecdsaWithSha256));

/**
 * Encodes and signs an X.509 v3 certificate with ECDSA/SHA-256, synchronously (node:crypto), so
 * that issuance is a cheap pure function a simulator can call lazily per device. ECDSA signatures
 * are randomised, so two issuances differ in their signature bytes but in nothing else.
 */
export function signCertificate(template: CertificateTemplate, signingKey: KeyObject): Buffer {
  const tbs = sequence(
    contextConstructed(0, unsignedInteger(Buffer.from([2]))), // v3
    unsignedInteger(template.serial),
    ECDSA_WITH_SHA256,
    template.issuer,
    sequence(time(template.notBefore), time(template.notAfter)),
    template.subject,
    subjectPublicKeyInfo(template.publicKey),
    ...(template.extensions.length > 0 ? [contextConstructed(3, sequence(...template.extensions))] : []),
  );
  // Deterministic (RFC 6979): the same certificate comes out byte for byte on every run.
  const signature = signDeterministic(tbs, signingKey);
  return sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
}
