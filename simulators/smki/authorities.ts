import { signCertificate } from './certificate.ts';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  certificatePoliciesExtension,
  keyUsageExtension,
  subjectKeyIdentifierExtension,
} from './extensions.ts';
import { deriveKeyPair, keyIdentifier } from './keys.ts';
import { encodeName } from './names.ts';
import {
  DEFAULT_VALIDITY,
  DEVICE_CA_NAME,
  DEVICE_POLICY_OID,
  type NameAttribute,
  ORGANISATION_CA_NAME,
  ORGANISATION_POLICY_OID,
  ROOT_CA_NAME,
} from './profile.ts';
import { type CredentialKind, SmkiCredential } from './SmkiCredential.ts';
import { deriveSerial, serialHex } from './serials.ts';

/**
 * The test CA hierarchy: a self-signed root `OU=00, CN=ZA` issuing the organisation CA
 * `OU=07, CN=Z1` and the device CA `CN=E357`. Extensions copy the RTDS Z1 certificate: critical
 * keyUsage keyCertSign+cRLSign, critical basicConstraints (pathLen 0 below the root), critical
 * certificatePolicies, 8-byte SKI and AKI. The root carries both the organisation and the device
 * policy (the RTDS set has no root certificate to copy) and no pathLen limit.
 */

export interface CaValidity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

interface CaProfile {
  readonly kind: CredentialKind;
  readonly name: readonly NameAttribute[];
  readonly policies: readonly string[];
  readonly pathLength: number | undefined;
}

const ROOT: CaProfile = {
  kind: 'root-ca',
  name: ROOT_CA_NAME,
  policies: [ORGANISATION_POLICY_OID, DEVICE_POLICY_OID],
  pathLength: undefined,
};
const ORGANISATION_CA: CaProfile = {
  kind: 'organisation-ca',
  name: ORGANISATION_CA_NAME,
  policies: [ORGANISATION_POLICY_OID],
  pathLength: 0,
};
const DEVICE_CA: CaProfile = {
  kind: 'device-ca',
  name: DEVICE_CA_NAME,
  policies: [DEVICE_POLICY_OID],
  pathLength: 0,
};

function createCa(seed: string, profile: CaProfile, issuer: SmkiCredential | 'self', validity: CaValidity) {
  const keys = deriveKeyPair(seed, `ca/${profile.kind}`);
  const keyId = keyIdentifier(keys.publicKey);
  const subjectName = encodeName(profile.name);
  const serial = deriveSerial(seed, profile.kind);
  const der = signCertificate(
    {
      serial,
      issuer: issuer === 'self' ? subjectName : issuer.subjectName,
      subject: subjectName,
      notBefore: validity.notBefore,
      notAfter: validity.notAfter,
      publicKey: keys.publicKey,
      extensions: [
        keyUsageExtension(['keyCertSign', 'cRLSign']),
        basicConstraintsExtension(profile.pathLength),
        certificatePoliciesExtension(profile.policies),
        subjectKeyIdentifierExtension(keyId),
        ...(issuer === 'self' ? [] : [authorityKeyIdentifierExtension(issuer.keyIdentifier)]),
      ],
    },
    issuer === 'self' ? keys.privateKey : issuer.privateKey,
  );
  return new SmkiCredential({
    kind: profile.kind,
    der,
    privateKey: keys.privateKey,
    serial: serialHex(serial),
    subjectName,
    keyIdentifier: keyId,
  });
}

export function createRootCa(seed: string, validity: CaValidity = DEFAULT_VALIDITY.ca): SmkiCredential {
  return createCa(seed, ROOT, 'self', validity);
}

export function createOrganisationCa(
  seed: string,
  root: SmkiCredential,
  validity: CaValidity = DEFAULT_VALIDITY.ca,
): SmkiCredential {
  return createCa(seed, ORGANISATION_CA, root, validity);
}

export function createDeviceCa(
  seed: string,
  root: SmkiCredential,
  validity: CaValidity = DEFAULT_VALIDITY.ca,
): SmkiCredential {
  return createCa(seed, DEVICE_CA, root, validity);
}
