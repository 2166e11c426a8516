/** The test SMKI: deterministic keys, a CA hierarchy, issuance, parsing and profile checks. */
export { createDeviceCa, createOrganisationCa, createRootCa } from './authorities.ts';
export {
  type CertificateCheckOptions,
  checkDeviceCertificate,
  checkOrganisationCertificate,
  type OrganisationCheckOptions,
  SMKI_REASON_CODES,
  type SmkiReasonCode,
} from './check.ts';
export type { CertificateLike } from './decode.ts';
export { type CertificateDescription, describeCertificate } from './describe.ts';
export {
  type DeviceCertificateParams,
  type IssueOptions,
  issueDeviceCertificate,
  issueOrganisationCertificate,
  issueXmlSigningCertificate,
  type OrganisationCertificateParams,
  XML_SIGNING_ROLE_NUMBERS,
  type XmlSigner,
  type XmlSigningCertificateParams,
} from './issuance.ts';
export { deriveKeyPair, type KeyPair, keyIdentifier, privateKeyToPem } from './keys.ts';
export { parseCertificate, parsePrivateKey } from './parse.ts';
export * from './profile.ts';
export { DEFAULT_SMKI_SEED, Smki } from './Smki.ts';
export { type CredentialKind, SmkiCredential } from './SmkiCredential.ts';
export { X509Certificate, x509FromDer } from './x509.ts';
