/**
 * The GB SMKI certificate profile as the harness reproduces it, taken from the RTDS test
 * certificates (ZAZ1 organisation certificates, E357 device certificates, the Z1 CA certificate
 * carried in DUIS CertificationPathCertificates).
 */

export const OID = {
  commonName: '2.5.4.3',
  organizationalUnitName: '2.5.4.11',
  x500UniqueIdentifier: '2.5.4.45',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  /** RFC 4108 hardwareModuleName, the otherName type of a device certificate's subjectAltName. */
  hardwareModuleName: '1.3.6.1.5.5.7.8.4',
} as const;

/** Certificate policy of organisation certificates (and of the Z1 CA). */
export const ORGANISATION_POLICY_OID = '1.2.826.0.1.8641679.1.2.1.4';
/** Certificate policy of device certificates. */
export const DEVICE_POLICY_OID = '1.2.826.0.1.1800000.1.2.1.4';
/** `hwType` inside a device certificate's HardwareModuleName, as every RTDS device certificate has it. */
export const DEVICE_HW_TYPE_OID = '1.2.826.0.1.8641679.1.2.2.1';

/** One attribute of a distinguished name; `printable` and `utf8` are the string types the profile uses. */
export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
  readonly type: 'printable' | 'utf8';
}

/** Root CA `OU=00, CN=ZA` (RDN order as in the issuer field of the RTDS Z1 certificate). */
export const ROOT_CA_NAME: readonly NameAttribute[] = [
  { oid: OID.organizationalUnitName, value: '00', type: 'printable' },
  { oid: OID.commonName, value: 'ZA', type: 'printable' },
];

/** Organisation CA `OU=07, CN=Z1`: issues every organisation and XML-signing certificate. */
export const ORGANISATION_CA_NAME: readonly NameAttribute[] = [
  { oid: OID.organizationalUnitName, value: '07', type: 'printable' },
  { oid: OID.commonName, value: 'Z1', type: 'printable' },
];

/**
 * Device CA `CN=E357`: the name of the CA that issued the RTDS device certificates. The harness's
 * device CA takes the same name (as its organisation CA takes Z1), with its own key; a signature
 * check against the issuing CA certificate tells the two apart.
 */
export const DEVICE_CA_NAME: readonly NameAttribute[] = [
  { oid: OID.commonName, value: 'E357', type: 'printable' },
];

/** Default validity periods, chosen around the harness epoch (2026-01-01). */
export const DEFAULT_VALIDITY = {
  ca: { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2045-12-31T23:59:59Z') },
  organisation: {
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2034-12-31T23:59:59Z'),
  },
  /** Device certificates never expire in practice: RTDS ones end 9999-12-31T23:59:59Z. */
  device: { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('9999-12-31T23:59:59Z') },
} as const;

/** RFC 5280 KeyUsage bit numbers. */
export const KEY_USAGE_BIT = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
} as const;

export type KeyUsageName = keyof typeof KEY_USAGE_BIT;
