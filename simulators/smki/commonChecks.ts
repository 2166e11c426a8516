import { type KeyObject, verify } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage } from '../core/roles.ts';
import type { Reason } from '../core/verdict.ts';
import { isP256Spki } from './p256Spki.ts';
import { type CertificateLike, type DecodedCertificate, decodeCertificate } from './decode.ts';
import { DerError } from './der.ts';
import { readKeyUsageField, readPolicies } from './fields.ts';
import { describeKey, isP256 } from './keys.ts';
import { formatName, sameName } from './names.ts';
import { OID } from './profile.ts';
import { publicKeyFromSpki } from './publicKeyCache.ts';

/**
 * The checks organisation and device certificates share: signature algorithm and key, issuer
 * (and signature, given the issuing CA certificate), validity, key usage and policy. Each pushes
 * one Reason per problem it finds.
 */

/** Every reason code the checkers can give (stable: scenarios and other code match on them). */
export const SMKI_REASON_CODES = [
  'malformed-certificate',
  'wrong-signature-algorithm',
  'not-p256',
  'wrong-issuer',
  'bad-signature',
  'expired',
  'not-yet-valid',
  'unexpected-ca',
  'wrong-key-usage',
  'key-usage-not-critical',
  'missing-policy',
  'policy-not-critical',
  'missing-unique-identifier',
  'bad-unique-identifier',
  'missing-role',
  'bad-role',
  'wrong-role',
  'wrong-eui',
  'unexpected-subject',
  'missing-hardware-module-name',
  'bad-hardware-module-name',
  'san-not-critical',
] as const;

export type SmkiReasonCode = (typeof SMKI_REASON_CODES)[number];

export const reason = (code: SmkiReasonCode, message: string): Reason => ({ code, message });

const USAGE_NAME = { DS: 'digitalSignature (DS)', KA: 'keyAgreement (KA)' } as const;

export function checkAlgorithms(decoded: DecodedCertificate, reasons: Reason[]): void {
  const { signatureAlgorithm, tbsSignatureAlgorithm } = decoded;
  if (signatureAlgorithm !== OID.ecdsaWithSha256 || tbsSignatureAlgorithm !== signatureAlgorithm) {
    const declared =
      signatureAlgorithm === tbsSignatureAlgorithm
        ? signatureAlgorithm
        : `${signatureAlgorithm}/${tbsSignatureAlgorithm}`;
    reasons.push(
      reason(
        'wrong-signature-algorithm',
        `signed with ${declared}, expected ecdsa-with-SHA256 (${OID.ecdsaWithSha256})`,
      ),
    );
  }
  if (isP256Spki(decoded.subjectPublicKeyInfo)) return;
  const key = publicKeyOf(decoded.subjectPublicKeyInfo);
  if (!key || !isP256(key)) {
    const found = key ? describeKey(key) : 'a public key that does not parse';
    reasons.push(
      reason('not-p256', `the subject public key is ${found}, expected an EC key on P-256 (prime256v1)`),
    );
  }
}

export function checkIssuer(
  decoded: DecodedCertificate,
  issuer: CertificateLike | undefined,
  profileCaName: Buffer,
  reasons: Reason[],
): void {
  const issuerCertificate = issuer === undefined ? undefined : decodeIssuer(issuer);
  const expectedName = issuerCertificate?.subject ?? profileCaName;
  if (!sameName(decoded.issuer, expectedName)) {
    const message = `issued by "${formatName(decoded.issuer)}", expected "${formatName(expectedName)}"`;
    reasons.push(reason('wrong-issuer', message));
    return;
  }
  if (issuerCertificate === undefined) return;
  const key = publicKeyOf(issuerCertificate.subjectPublicKeyInfo);
  let verified: boolean;
  try {
    verified =
      key !== undefined && verify('sha256', decoded.tbs, { key, dsaEncoding: 'der' }, decoded.signature);
  } catch {
    verified = false;
  }
  if (!verified) {
    reasons.push(
      reason('bad-signature', `the signature does not verify with the key of "${formatName(expectedName)}"`),
    );
  }
}

export function checkValidity(decoded: DecodedCertificate, clock: Clock, reasons: Reason[]): void {
  const now = clock.now();
  if (now.getTime() > decoded.notAfter.getTime()) {
    reasons.push(
      reason('expired', `expired at ${decoded.notAfter.toISOString()}; it is now ${now.toISOString()}`),
    );
  }
  if (now.getTime() < decoded.notBefore.getTime()) {
    reasons.push(
      reason(
        'not-yet-valid',
        `valid from ${decoded.notBefore.toISOString()}; it is now ${now.toISOString()}`,
      ),
    );
  }
}

export function checkKeyUsage(
  decoded: DecodedCertificate,
  expected: KeyUsage | undefined,
  reasons: Reason[],
): void {
  const field = readKeyUsageField(decoded);
  if (!field.ok) {
    reasons.push(reason('wrong-key-usage', `${field.problem}; expected digitalSignature or keyAgreement`));
    return;
  }
  const { usage, usages, critical } = field.value;
  if (usage === undefined) {
    const listed = usages.length ? usages.join(', ') : 'empty';
    reasons.push(
      reason('wrong-key-usage', `key usage is ${listed}, expected digitalSignature or keyAgreement alone`),
    );
  } else if (expected !== undefined && usage !== expected) {
    reasons.push(
      reason('wrong-key-usage', `key usage is ${USAGE_NAME[usage]}, expected ${USAGE_NAME[expected]}`),
    );
  }
  if (!critical)
    reasons.push(reason('key-usage-not-critical', 'the keyUsage extension is not marked critical'));
}

export function checkPolicy(decoded: DecodedCertificate, policy: string, reasons: Reason[]): void {
  const field = readPolicies(decoded);
  if (!field.ok) {
    reasons.push(reason('missing-policy', `${field.problem}; expected policy ${policy}`));
  } else if (!field.value.oids.includes(policy)) {
    const listed = field.value.oids.join(', ') || 'none';
    reasons.push(reason('missing-policy', `the certificate policies (${listed}) do not include ${policy}`));
  } else if (!field.value.critical) {
    reasons.push(reason('policy-not-critical', 'the certificatePolicies extension is not marked critical'));
  }
}

/**
 * The key a SubjectPublicKeyInfo carries, undefined when node:crypto refuses it. From the
 * process-wide cache: the same CA and organisation keys come up in check after check, and making a
 * key object costs more than the rest of a profile check.
 */
function publicKeyOf(spki: Buffer): KeyObject | undefined {
  try {
    return publicKeyFromSpki(spki);
  } catch {
    return undefined;
  }
}

function decodeIssuer(issuer: CertificateLike): DecodedCertificate {
  try {
    return decodeCertificate(issuer);
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    throw new InvalidInputError(
      'issuer',
      'the issuing CA certificate',
      `DER that does not decode (${error.message})`,
    );
  }
}
