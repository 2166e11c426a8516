import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { remotePartyRoleOu } from '../../simulators/core/roles.ts';
import type { Party } from '../../simulators/estate/Party.ts';
import type { SmkiCredential } from '../../simulators/smki/index.ts';

/**
 * Organisation certificates that are wrong in exactly one way, signed by the estate's own Z1 CA
 * (except where the fault is the issuer), so the profile checker's reason can be pinned on it.
 */
export const CERTIFICATE_FAULTS = [
  'another issuer',
  'no unique identifier',
  'both key usages',
  'a non-critical key usage',
  'a P-384 key',
  'a validity that ended in 2024',
] as const;
export type CertificateFault = (typeof CERTIFICATE_FAULTS)[number];

const POLICY = '1.2.826.0.1.8641679.1.2.1.4';
const { KeyUsageFlags } = x509;

export async function makeFaultyCertificate(
  party: Party,
  issuingCa: SmkiCredential,
  fault: CertificateFault,
): Promise<x509.X509Certificate> {
  const keys = await webcrypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: fault === 'a P-384 key' ? 'P-384' : 'P-256' },
    true,
    ['sign', 'verify'],
  );
  const otherCa = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  const caKey =
    fault === 'another issuer'
      ? otherCa.privateKey
      : await webcrypto.subtle.importKey(
          'pkcs8',
          issuingCa.privateKey.export({ format: 'der', type: 'pkcs8' }),
          { name: 'ECDSA', namedCurve: 'P-256' },
          false,
          ['sign'],
        );
  const uniqueId = `2.5.4.45=#030900${party.eui.hex}`;
  const ou = `OU=${remotePartyRoleOu(party.remotePartyRole)}`;
  const keyUsage =
    fault === 'both key usages'
      ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyAgreement
      : KeyUsageFlags.digitalSignature;
  return x509.X509CertificateGenerator.create({
    serialNumber: '0123456789abcdef0123456789abcdef',
    issuer: fault === 'another issuer' ? 'OU=07, CN=Z9' : issuingCa.certificate.subject,
    subject: fault === 'no unique identifier' ? ou : `${ou}, ${uniqueId}`,
    notBefore: fault === 'a validity that ended in 2024' ? new Date('2020-01-01Z') : new Date('2025-01-01Z'),
    notAfter: fault === 'a validity that ended in 2024' ? new Date('2024-12-31Z') : new Date('2034-12-31Z'),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.KeyUsagesExtension(keyUsage, fault !== 'a non-critical key usage'),
      new x509.CertificatePolicyExtension([POLICY], true),
    ],
  });
}
