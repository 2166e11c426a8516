import { createHash, createPublicKey, type KeyObject, sign, type X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { InvalidInputError } from '../core/errors.ts';
import {
  C14N,
  DS_NS,
  DUIS_CANONICALIZATION,
  DUIS_DIGEST_METHOD,
  DUIS_SIGNATURE_METHOD,
  ENVELOPED_SIGNATURE,
  EXC_C14N,
} from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { issuerNameOf, serialNumberOf } from './distinguishedName.ts';
import { stripElementContentWhitespace } from './elementContentWhitespace.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { plainCanonicalForm } from './plainCanonicalForm.ts';

/** An XML-signing credential: the key and the certificate whose issuer and serial KeyInfo names. */
export interface DuisSigningCredential {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

/** The XML declaration DCC's tool writes (Java's serializer adds `standalone="no"`). */
export const SIGNED_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';

/**
 * Signs a DUIS document (request, response or alert) with an enveloped XML-DSig signature
 * appended as the last child of the root, in the shape DCC's signing tool produces:
 *
 * - any `ds:Signature` already in the document is dropped first, as the tool does ("already
 *   signed, dropping signature"), so the RTDS templates' placeholder signatures are replaced;
 * - whitespace between elements is removed, as the tool's schema-aware parser does; the digest
 *   then agrees for verifiers that ignore that whitespace (DCC's) and those that do not;
 * - the document is written as its canonical form (inclusive C14N: the digest input itself,
 *   comments dropped, empty elements as start/end pairs) after the tool's XML declaration, and
 *   the signature is written exactly as the tool writes it: no whitespace, `ds:` prefix (declared
 *   on `ds:Signature` unless the root already binds it), self-closing method elements, the
 *   SignatureValue base64 in 76-character lines separated by `&#13;` + newline, X509IssuerName
 *   in Java's RFC 2253 form (`CN=Z1,OU=07`), X509SerialNumber in decimal.
 *
 * Throws {@link XmlRefusedError} (E12) for XML {@link parseXmlStrict} refuses, and
 * InvalidInputError if the key is not an ECDSA P-256 private key matching the certificate.
 */
export function signDuis(xml: string, signer: DuisSigningCredential): string {
  const prepared = prepare(signer);
  const { body, rootName, dsDeclared } = digestInput(xml);
  const endTag = `</${rootName}>`;
  if (!body.endsWith(endTag)) throw new Error(`signDuis: canonical form does not end with ${endTag}`);

  const digest = createHash('sha256').update(body, 'utf8').digest('base64');
  const signatureValue = sign('sha256', Buffer.from(canonicalSignedInfo(digest), 'utf8'), {
    key: prepared.privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64');

  const signature =
    `<ds:Signature${dsDeclared ? '' : ` xmlns:ds="${DS_NS}"`}>${signedInfoXml(digest)}` +
    `<ds:SignatureValue>${wrapBase64(signatureValue)}</ds:SignatureValue>${prepared.keyInfo}</ds:Signature>`;
  return `${SIGNED_XML_DECLARATION}${body.slice(0, -endTag.length)}${signature}${endTag}`;
}

/**
 * The canonical document without signatures or whitespace between elements. XML in the plain form
 * the harness's writer produces (every response the DSP signs) is read without a DOM
 * ({@link plainCanonicalForm}, same result); anything else is parsed, cleaned and canonicalised.
 */
function digestInput(xml: string): { body: string; rootName: string; dsDeclared: boolean } {
  const plain = plainCanonicalForm(xml);
  // The plain form declares no XML-DSig namespace, so the signature declares ds: itself.
  if (plain !== undefined) return { body: plain.canonical, rootName: plain.rootName, dsDeclared: false };
  const doc = parseXmlStrict(xml);
  const root = doc.documentElement;
  for (const old of Array.from(doc.getElementsByTagNameNS(DS_NS, 'Signature'))) {
    old.parentNode?.removeChild(old);
  }
  stripElementContentWhitespace(root);
  return {
    body: canonicalize(root, C14N),
    rootName: root.tagName,
    dsDeclared: root.getAttribute('xmlns:ds') === DS_NS,
  };
}

function signedInfoXml(digest: string): string {
  return (
    '<ds:SignedInfo>' +
    `<ds:CanonicalizationMethod Algorithm="${DUIS_CANONICALIZATION}"/>` +
    `<ds:SignatureMethod Algorithm="${DUIS_SIGNATURE_METHOD}"/>` +
    '<ds:Reference URI="">' +
    `<ds:Transforms><ds:Transform Algorithm="${ENVELOPED_SIGNATURE}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${DUIS_DIGEST_METHOD}"/>` +
    `<ds:DigestValue>${digest}</ds:DigestValue>` +
    '</ds:Reference>' +
    '</ds:SignedInfo>'
  );
}

/** Exclusive C14N of a SignedInfo as a verifier will see it (xml-crypto's canonicaliser). */
function canonicalSignedInfoOf(signedInfo: string): string {
  const fragment = signedInfo.replace('<ds:SignedInfo>', `<ds:SignedInfo xmlns:ds="${DS_NS}">`);
  const doc = new DOMParser().parseFromString(fragment, 'application/xml');
  return canonicalize(doc.documentElement, EXC_C14N);
}

/**
 * The SignedInfo differs from one signature to the next only in its DigestValue (base64, which
 * canonicalisation leaves as it is), so it is canonicalised once, around a marker, and the digest
 * put in its place each time.
 */
const DIGEST_MARKER = 'DIGESTVALUE';
const SIGNED_INFO_PARTS = canonicalSignedInfoOf(signedInfoXml(DIGEST_MARKER)).split(DIGEST_MARKER);
if (SIGNED_INFO_PARTS.length !== 2) throw new Error('signDuis: the canonical SignedInfo must hold the digest once');
const [SIGNED_INFO_BEFORE, SIGNED_INFO_AFTER] = SIGNED_INFO_PARTS as [string, string];

function canonicalSignedInfo(digest: string): string {
  return `${SIGNED_INFO_BEFORE}${digest}${SIGNED_INFO_AFTER}`;
}

/** Base64 in 76-character lines joined by CR LF, the CR written `&#13;` (Java's MIME encoder + serializer). */
function wrapBase64(base64: string): string {
  return (base64.match(/.{1,76}/g) ?? []).join('&#13;\n');
}

interface PreparedSigner {
  readonly privateKey: KeyObject;
  readonly keyInfo: string;
}

const preparedSigners = new WeakMap<KeyObject, WeakMap<X509Certificate, PreparedSigner>>();

/** Checks the credential once and caches its KeyInfo, so a stream of signatures pays for it once. */
function prepare(signer: DuisSigningCredential): PreparedSigner {
  const { privateKey, certificate } = signer;
  let byCertificate = preparedSigners.get(privateKey);
  const cached = byCertificate?.get(certificate);
  if (cached !== undefined) return cached;

  if (
    privateKey.type !== 'private' ||
    privateKey.asymmetricKeyType !== 'ec' ||
    privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
  ) {
    throw new InvalidInputError(
      'signer.privateKey',
      'an ECDSA P-256 private key (DUIS signs with ecdsa-sha256)',
      `a ${privateKey.type} ${privateKey.asymmetricKeyType ?? ''} key`,
    );
  }
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!derived.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))) {
    throw new InvalidInputError(
      'signer.certificate',
      "the certificate of the signer's private key",
      `a certificate with serial ${serialNumberOf(certificate)} for another key`,
    );
  }
  const keyInfo =
    '<ds:KeyInfo><ds:X509Data><ds:X509IssuerSerial>' +
    `<ds:X509IssuerName>${escapeText(issuerNameOf(certificate))}</ds:X509IssuerName>` +
    `<ds:X509SerialNumber>${serialNumberOf(certificate)}</ds:X509SerialNumber>` +
    '</ds:X509IssuerSerial></ds:X509Data></ds:KeyInfo>';
  const prepared = { privateKey, keyInfo };
  if (byCertificate === undefined) {
    byCertificate = new WeakMap();
    preparedSigners.set(privateKey, byCertificate);
  }
  byCertificate.set(certificate, prepared);
  return prepared;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
