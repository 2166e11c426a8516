/**
 * The XML-DSig profile DUIS uses, as DCC's own signing tool (dccboxed-signing-tool, bundled in
 * @smartdcc/duis-sign-wrap) writes it and as the RTDS request instances show it:
 *
 * - SignedInfo canonicalised with exclusive C14N, signed with ECDSA P-256 / SHA-256, the
 *   SignatureValue being raw r‖s (64 bytes, base64);
 * - one Reference, `URI=""` (the whole document), whose only Transform is enveloped-signature,
 *   so the digest input is the document without its signature in *inclusive* C14N 1.0 (the
 *   XML-DSig default when the transforms end with a node-set); digest SHA-256;
 * - KeyInfo = X509Data/X509IssuerSerial only.
 */

/** The XML-DSig namespace (`ds:`). */
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';

export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** The SignedInfo canonicalisation DUIS requires. */
export const DUIS_CANONICALIZATION = EXC_C14N;
/** The signature method DUIS requires. */
export const DUIS_SIGNATURE_METHOD = ECDSA_SHA256;
/** The digest method DUIS requires. */
export const DUIS_DIGEST_METHOD = SHA256;

/**
 * The Reference transform lists a verifier accepts, each naming the canonicalisation that then
 * produces the digest input. The first is what DCC's tool writes (and the only one the signer
 * writes); the second, enveloped-signature followed by exclusive C14N, is accepted because it is
 * the other reading of "exclusive C14N" in the DUIS profile and is equally safe. Nothing else
 * (no XPath, no XSLT, no inclusive C14N spelled out, no comments) is accepted.
 */
export const ACCEPTED_REFERENCE_TRANSFORMS: readonly {
  readonly transforms: readonly string[];
  readonly digestInput: typeof C14N | typeof EXC_C14N;
}[] = Object.freeze([
  Object.freeze({ transforms: Object.freeze([ENVELOPED_SIGNATURE]), digestInput: C14N }),
  Object.freeze({ transforms: Object.freeze([ENVELOPED_SIGNATURE, EXC_C14N]), digestInput: EXC_C14N }),
]);
