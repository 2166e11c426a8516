import { createPublicKey } from 'node:crypto';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Credential } from './Credential.ts';
import { x509 } from './x509.ts';

/** OID of x500UniqueIdentifier, where GBCS organisation certificates carry the Entity ID. */
const X500_UNIQUE_IDENTIFIER = '2.5.4.45';

/**
 * Verifies that a credential's parts agree, throwing InvalidInputError for the first that does not:
 * the certificate and private key parse; the serial is the certificate's; the private key is the
 * one for the certificate's public key; the EUI is the one in the subject's x500UniqueIdentifier
 * (when the certificate has one); the certificate's key usage (when present) allows the usage:
 * digitalSignature for DS and XML, keyAgreement for KA.
 */
export function checkCredential(credential: Credential): void {
  const certificate = credential.certificate;
  const certificateSerial = BigInt(`0x${certificate.serialNumber}`);
  if (certificateSerial !== credential.serial) {
    throw new InvalidInputError(
      'serial',
      `the certificate's serial number ${certificateSerial}`,
      credential.serial,
    );
  }

  if (credential.hasPrivateKey) {
    const derived = createPublicKey(credential.privateKey).export({ format: 'der', type: 'spki' });
    const held = credential.publicKey.export({ format: 'der', type: 'spki' });
    if (!derived.equals(held)) {
      throw new InvalidInputError(
        'privateKey',
        "the private key for the certificate's public key",
        'the private key of a different key pair',
      );
    }
  }

  const subjectEui = euiInSubject(credential.x509);
  if (subjectEui !== undefined && !subjectEui.equals(credential.eui)) {
    throw new InvalidInputError(
      'eui',
      `the EUI in the certificate's subject x500UniqueIdentifier, ${subjectEui}`,
      credential.eui.toString(),
    );
  }

  const keyUsage = credential.x509.getExtension(x509.KeyUsagesExtension);
  if (keyUsage !== null) {
    const needed =
      credential.usage === 'KA' ? x509.KeyUsageFlags.keyAgreement : x509.KeyUsageFlags.digitalSignature;
    if ((keyUsage.usages & needed) === 0) {
      const neededName = credential.usage === 'KA' ? 'keyAgreement' : 'digitalSignature';
      throw new InvalidInputError(
        'certificate',
        `a certificate whose key usage includes ${neededName}, as a ${credential.usage} credential needs`,
        `key usage ${describeKeyUsage(keyUsage.usages)}`,
      );
    }
  }
}

/** The EUI in a GBCS organisation certificate's subject: x500UniqueIdentifier, a BIT STRING of 8 bytes. */
function euiInSubject(certificate: x509.X509Certificate): Eui | undefined {
  const [value] = certificate.subjectName.getField(X500_UNIQUE_IDENTIFIER);
  const match = value === undefined ? null : /^#?030900([0-9a-f]{16})$/i.exec(value);
  return match?.[1] === undefined ? undefined : Eui.parse(match[1]);
}

function describeKeyUsage(usages: number): string {
  const names = Object.entries(x509.KeyUsageFlags)
    .filter(([, flag]) => typeof flag === 'number' && (usages & flag) !== 0)
    .map(([name]) => name);
  return names.length === 0 ? 'empty' : names.join(', ');
}
