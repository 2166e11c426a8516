import { createHash, timingSafeEqual, verify, type X509Certificate } from 'node:crypto';
import { EXC_C14N } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { hasElementContentWhitespace, stripElementContentWhitespace } from './elementContentWhitespace.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import {
  type DuisSignatureReason,
  type IssuerSerial,
  readSignature,
  type SignatureParts,
} from './readSignature.ts';

const ELEMENT_NODE = 1;

/**
 * Finds the certificate X509IssuerSerial names, or `undefined` when there is none. The verifier
 * passes X509IssuerName exactly as written (spacing and order vary between signers: see
 * `issuerMatches` and `issuerSerialResolver`).
 */
export type IssuerSerialResolver = (
  issuerName: string,
  serial: bigint,
) => Promise<X509Certificate | undefined> | X509Certificate | undefined;

/**
 * Whether whitespace-only text between elements counts towards the digest and SignatureValue.
 * XML-DSig says it does (`significant`); DCC's signing tool drops it while parsing against the
 * DUIS schema, before verifying (`ignorable`). **[assumed]** The real DSP's behaviour is not
 * published; the default `either` accepts a signature that verifies in either view, so clients
 * using DCC's tool and clients using a standard XML-DSig library on indented XML both pass.
 */
export type ElementContentWhitespace = 'significant' | 'ignorable' | 'either';

export interface VerifyDuisOptions {
  readonly elementContentWhitespace?: ElementContentWhitespace;
}

export const DEFAULT_ELEMENT_CONTENT_WHITESPACE: ElementContentWhitespace = 'either';

/** A verdict on a DUIS signature; on success it names the certificate that signed. */
export type DuisSignatureVerdict =
  | {
      readonly ok: true;
      readonly reasons: readonly [];
      /** The resolved signer: check that it is the originator's XML-signing certificate. */
      readonly signer: X509Certificate;
      readonly keyInfo: IssuerSerial;
    }
  | {
      readonly ok: false;
      readonly reasons: readonly DuisSignatureReason[];
      readonly signer?: undefined;
      /** What KeyInfo named, when the signature got that far. */
      readonly keyInfo?: IssuerSerial;
    };

/**
 * Verifies the enveloped XML-DSig signature of a DUIS document. Refusals are a verdict with
 * reasons (codes: {@link DuisSignatureReason}); XML that does not parse is thrown as
 * {@link XmlRefusedError} (E12), exactly as {@link parseXmlStrict} refuses it.
 */
export async function verifyDuis(
  xml: string,
  resolve: IssuerSerialResolver,
  options: VerifyDuisOptions = {},
): Promise<DuisSignatureVerdict> {
  return verifyDuisDocument(parseXmlStrict(xml), resolve, options);
}

/**
 * As {@link verifyDuis}, for a document already parsed with {@link parseXmlStrict} (so that the
 * caller parses once and reads the same DOM afterwards). The document is left as it was found.
 */
export async function verifyDuisDocument(
  doc: Document,
  resolve: IssuerSerialResolver,
  options: VerifyDuisOptions = {},
): Promise<DuisSignatureVerdict> {
  const parts = readSignature(doc);
  if ('reasons' in parts) return { ok: false, reasons: parts.reasons };
  const keyInfo: IssuerSerial = { issuerName: parts.issuerName, serial: parts.serial };
  const named = `issuer "${parts.issuerName}", serial ${parts.serial}`;

  const signer = await resolve(parts.issuerName, parts.serial);
  if (signer === undefined) {
    return fail(keyInfo, 'unknown-signer', `no certificate is known for ${named}`);
  }
  const key = signer.publicKey;
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return fail(keyInfo, 'wrong-algorithm', `the certificate for ${named} does not hold an ECDSA P-256 key`);
  }

  const mode = options.elementContentWhitespace ?? DEFAULT_ELEMENT_CONTENT_WHITESPACE;
  const root = doc.documentElement;
  let reasons: DuisSignatureReason[] = [];
  if (mode !== 'ignorable') {
    reasons = check(root, parts, signer, named);
    if (reasons.length === 0) return { ok: true, reasons: [], signer, keyInfo };
  }
  if (mode !== 'significant' && (mode === 'ignorable' || hasElementContentWhitespace(root))) {
    const stripped = withoutElementContentWhitespace(root, parts);
    const strippedReasons = check(stripped.root, stripped.parts, signer, named);
    if (strippedReasons.length === 0) return { ok: true, reasons: [], signer, keyInfo };
    // Both readings failed: report the one closer to passing (an indented SignedInfo fails the
    // signature only in the whitespace-significant reading), saying which it is.
    if (mode === 'ignorable' || strippedReasons.length < reasons.length) {
      reasons = strippedReasons.map((r) => ({
        ...r,
        message: `${r.message} (whitespace between elements ignored)`,
      }));
    }
  }
  return { ok: false, reasons, keyInfo };
}

function fail(
  keyInfo: IssuerSerial,
  code: DuisSignatureReason['code'],
  message: string,
): DuisSignatureVerdict {
  return { ok: false, reasons: [{ code, message }], keyInfo };
}

/** Digest and signature of one view of the document; the signature is put back where it was. */
function check(
  root: Element,
  parts: SignatureParts,
  signer: X509Certificate,
  named: string,
): DuisSignatureReason[] {
  const reasons: DuisSignatureReason[] = [];
  const signedInfo = canonicalize(parts.signedInfo, EXC_C14N);
  const next = parts.signature.nextSibling;
  root.removeChild(parts.signature);
  let body: string;
  try {
    body = canonicalize(root, parts.digestInput);
  } finally {
    root.insertBefore(parts.signature, next);
  }
  const digest = createHash('sha256').update(body, 'utf8').digest();
  if (!timingSafeEqual(digest, parts.digestValue)) {
    reasons.push({
      code: 'digest-mismatch',
      message:
        `the document's SHA-256 digest ${digest.toString('base64')} is not the signed DigestValue ` +
        `${parts.digestValue.toString('base64')}: the document was changed after it was signed`,
    });
  }
  const valid = verify(
    'sha256',
    Buffer.from(signedInfo, 'utf8'),
    { key: signer.publicKey, dsaEncoding: 'ieee-p1363' },
    parts.signatureValue,
  );
  if (!valid) {
    reasons.push({
      code: 'bad-signature',
      message: `the SignatureValue does not verify over SignedInfo with the key of ${named}`,
    });
  }
  return reasons;
}

/** A copy of the document element without inter-element whitespace, and the signature parts in it. */
function withoutElementContentWhitespace(
  root: Element,
  parts: SignatureParts,
): { root: Element; parts: SignatureParts } {
  const copy = root.cloneNode(true) as Element;
  stripElementContentWhitespace(copy);
  const signature = lastElementChild(copy);
  const signedInfo = firstElementChild(signature);
  return { root: copy, parts: { ...parts, signature, signedInfo: signedInfo as Element } };
}

function lastElementChild(el: Element): Element {
  let n = el.lastChild;
  while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.previousSibling;
  return n as Element;
}

function firstElementChild(el: Element): Element {
  let n = el.firstChild;
  while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.nextSibling;
  return n as Element;
}
