import type { Reason } from '../core/verdict.ts';
import { isBase64 } from '../core/isBase64.ts';
import {
  ACCEPTED_REFERENCE_TRANSFORMS,
  type C14N,
  DS_NS,
  DUIS_CANONICALIZATION,
  DUIS_DIGEST_METHOD,
  DUIS_SIGNATURE_METHOD,
  type EXC_C14N,
} from './algorithms.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

/** Every way a DUIS signature can be refused, as `Reason.code`. */
export type DuisSignatureReasonCode =
  | 'unsigned'
  | 'multiple-signatures'
  | 'signature-not-last-child'
  | 'malformed-signature'
  | 'wrong-algorithm'
  | 'unknown-signer'
  | 'digest-mismatch'
  | 'bad-signature';

export interface DuisSignatureReason extends Reason {
  readonly code: DuisSignatureReasonCode;
}

/** X509IssuerSerial: who the signer says it is. */
export interface IssuerSerial {
  readonly issuerName: string;
  readonly serial: bigint;
}

/** The parts of a signature that passed the structural checks, ready to be verified. */
export interface SignatureParts extends IssuerSerial {
  readonly signature: Element;
  readonly signedInfo: Element;
  /** The canonicalisation that produces the digest input, from the Reference's transforms. */
  readonly digestInput: typeof C14N | typeof EXC_C14N;
  readonly digestValue: Buffer;
  /** Raw r‖s, 64 bytes. */
  readonly signatureValue: Buffer;
}

/**
 * Finds the document's one enveloped signature and checks it is exactly the DUIS profile before
 * any cryptography runs: one `ds:Signature` in the whole document, the last child of the root;
 * SignedInfo with exclusive C14N, ecdsa-sha256 and one Reference with `URI=""`, the
 * enveloped-signature transform (optionally followed by exclusive C14N) and SHA-256; a 32-byte
 * DigestValue, a 64-byte SignatureValue; KeyInfo holding one X509Data with one X509IssuerSerial
 * and nothing else. Anything more (Objects, Manifests, further References, XPath transforms,
 * KeyValue or certificates in KeyInfo) is refused, which also closes the door on signature
 * wrapping: the only bytes the verifier trusts are the whole document minus this one signature.
 */
export function readSignature(doc: Document): SignatureParts | { readonly reasons: DuisSignatureReason[] } {
  const root = doc.documentElement;
  const all = doc.getElementsByTagNameNS(DS_NS, 'Signature');
  if (all.length === 0) {
    return refuse(
      'unsigned',
      `the document has no ds:Signature (expected one as the last child of <${root.tagName}>)`,
    );
  }
  if (all.length > 1) {
    return refuse(
      'multiple-signatures',
      `the document has ${all.length} ds:Signature elements; DUIS allows exactly one, the last child of the root`,
    );
  }
  const signature = all.item(0)!;
  if (signature.parentNode !== root || lastElementOrText(root) !== signature) {
    const where =
      signature.parentNode === root ? 'a child of the root but not its last' : 'not a child of the root';
    return refuse(
      'signature-not-last-child',
      `ds:Signature is ${where}; DUIS puts the enveloped signature last in <${root.tagName}>`,
    );
  }

  const reasons: DuisSignatureReason[] = [];
  const malformed = (message: string) => reasons.push({ code: 'malformed-signature', message });
  const wrong = (message: string) => reasons.push({ code: 'wrong-algorithm', message });

  const [signedInfo, signatureValueEl, keyInfo] = expectChildren(
    signature,
    ['SignedInfo', 'SignatureValue', 'KeyInfo'],
    malformed,
  );
  if (signedInfo === undefined || signatureValueEl === undefined || keyInfo === undefined) {
    return { reasons };
  }

  const signedInfoChildren = dsChildren(signedInfo, malformed);
  const [c14nMethod, signatureMethod, ...references] = signedInfoChildren;
  if (
    c14nMethod?.localName !== 'CanonicalizationMethod' ||
    signatureMethod?.localName !== 'SignatureMethod'
  ) {
    malformed('SignedInfo must start with CanonicalizationMethod and SignatureMethod');
    return { reasons };
  }
  checkAlgorithm(c14nMethod, DUIS_CANONICALIZATION, 'CanonicalizationMethod', wrong, malformed);
  checkAlgorithm(signatureMethod, DUIS_SIGNATURE_METHOD, 'SignatureMethod', wrong, malformed);
  if (references.length !== 1 || references[0]!.localName !== 'Reference') {
    malformed(
      `SignedInfo must hold exactly one Reference after SignatureMethod, found ${references.map((r) => r.localName).join(', ') || 'none'}`,
    );
    return { reasons };
  }
  const reference = references[0]!;
  if (!reference.hasAttribute('URI') || reference.getAttribute('URI') !== '') {
    const uri = reference.hasAttribute('URI') ? `URI="${reference.getAttribute('URI')}"` : 'no URI';
    malformed(`the Reference has ${uri}; DUIS signs the whole document, URI=""`);
  }
  const refChildren = dsChildren(reference, malformed);
  const transformsEl = refChildren[0]?.localName === 'Transforms' ? refChildren.shift() : undefined;
  const [digestMethod, digestValueEl, ...extra] = refChildren;
  if (
    digestMethod?.localName !== 'DigestMethod' ||
    digestValueEl?.localName !== 'DigestValue' ||
    extra.length > 0
  ) {
    malformed(
      'the Reference must hold Transforms, DigestMethod and DigestValue, in that order, and nothing else',
    );
    return { reasons };
  }

  const transforms = transformsEl === undefined ? [] : readTransforms(transformsEl, wrong, malformed);
  const accepted = ACCEPTED_REFERENCE_TRANSFORMS.find(
    (a) => a.transforms.length === transforms.length && a.transforms.every((t, i) => t === transforms[i]),
  );
  if (accepted === undefined) {
    wrong(
      `the Reference's transforms are [${transforms.join(', ') || 'none'}]; DUIS uses [${ACCEPTED_REFERENCE_TRANSFORMS[0]!.transforms.join(', ')}]`,
    );
  }
  checkAlgorithm(digestMethod, DUIS_DIGEST_METHOD, 'DigestMethod', wrong, malformed);
  const digestValue = readBase64(digestValueEl, 'DigestValue', 32, malformed);
  const signatureValue = readBase64(signatureValueEl, 'SignatureValue', 64, malformed, ' (raw r‖s, not DER)');
  const issuerSerial = readIssuerSerial(keyInfo, malformed);

  if (
    reasons.length > 0 ||
    accepted === undefined ||
    digestValue === undefined ||
    signatureValue === undefined ||
    issuerSerial === undefined
  ) {
    return { reasons };
  }
  return {
    signature,
    signedInfo,
    digestInput: accepted.digestInput,
    digestValue,
    signatureValue,
    ...issuerSerial,
  };
}

function refuse(code: DuisSignatureReasonCode, message: string): { reasons: DuisSignatureReason[] } {
  return { reasons: [{ code, message }] };
}

/** The last child of `el` that is an element or non-whitespace text. */
function lastElementOrText(el: Element): Node | null {
  for (let n = el.lastChild; n !== null; n = n.previousSibling) {
    if (n.nodeType === ELEMENT_NODE) return n;
    if (
      (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) &&
      !WHITESPACE_ONLY.test(n.nodeValue ?? '')
    ) {
      return n;
    }
  }
  return null;
}

/** Element children, all of which must be in the ds namespace; stray text is malformed. */
function dsChildren(el: Element, malformed: (m: string) => void): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE) {
      const child = n as Element;
      if (child.namespaceURI !== DS_NS) {
        malformed(`<${child.tagName}> inside ds:${el.localName} is not in the XML-DSig namespace`);
      } else {
        out.push(child);
      }
    } else if (
      (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) &&
      !WHITESPACE_ONLY.test(n.nodeValue ?? '')
    ) {
      malformed(`ds:${el.localName} holds text where only elements belong`);
    }
  }
  return out;
}

function expectChildren(
  el: Element,
  names: readonly string[],
  malformed: (m: string) => void,
): (Element | undefined)[] {
  const children = dsChildren(el, malformed);
  const found = children.map((c) => c.localName);
  if (found.length !== names.length || found.some((name, i) => name !== names[i])) {
    malformed(
      `ds:${el.localName} must hold exactly ${names.join(', ')}; found ${found.join(', ') || 'nothing'}`,
    );
    return names.map(() => undefined);
  }
  return children;
}

function checkAlgorithm(
  el: Element,
  expected: string,
  what: string,
  wrong: (m: string) => void,
  malformed: (m: string) => void,
): void {
  const algorithm = el.getAttribute('Algorithm') ?? '';
  if (algorithm !== expected) wrong(`${what} is ${algorithm || 'missing'}; DUIS uses ${expected}`);
  if (elementChildCount(el) > 0) {
    if (what === 'CanonicalizationMethod')
      wrong(`${what} carries parameters (e.g. InclusiveNamespaces); DUIS uses none`);
    else malformed(`${what} carries parameters; DUIS uses none`);
  }
}

function elementChildCount(el: Element): number {
  let count = 0;
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) count++;
  return count;
}

function readTransforms(el: Element, wrong: (m: string) => void, malformed: (m: string) => void): string[] {
  const out: string[] = [];
  for (const t of dsChildren(el, malformed)) {
    if (t.localName !== 'Transform') {
      malformed(`ds:Transforms holds <${t.tagName}>`);
      continue;
    }
    out.push(t.getAttribute('Algorithm') ?? '');
    if (elementChildCount(t) > 0) {
      wrong(`the Transform ${t.getAttribute('Algorithm')} carries parameters (an XPath?); DUIS uses none`);
    }
  }
  return out;
}

function textOf(el: Element, malformed: (m: string) => void): string {
  let text = '';
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) text += n.nodeValue ?? '';
    else if (n.nodeType === ELEMENT_NODE)
      malformed(`ds:${el.localName} holds an element where only text belongs`);
  }
  return text;
}

function readBase64(
  el: Element,
  what: string,
  length: number,
  malformed: (m: string) => void,
  hint = '',
): Buffer | undefined {
  const text = textOf(el, malformed).replace(/[ \t\r\n]+/g, '');
  if (!isBase64(text)) {
    malformed(`${what} is not base64`);
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length) {
    malformed(`${what} decodes to ${bytes.length} bytes; expected ${length}${hint}`);
    return undefined;
  }
  return bytes;
}

function readIssuerSerial(keyInfo: Element, malformed: (m: string) => void): IssuerSerial | undefined {
  const [x509Data] = expectChildren(keyInfo, ['X509Data'], malformed);
  if (x509Data === undefined) return undefined;
  const [issuerSerial] = expectChildren(x509Data, ['X509IssuerSerial'], malformed);
  if (issuerSerial === undefined) return undefined;
  const [nameEl, serialEl] = expectChildren(issuerSerial, ['X509IssuerName', 'X509SerialNumber'], malformed);
  if (nameEl === undefined || serialEl === undefined) return undefined;
  const issuerName = textOf(nameEl, malformed).trim();
  const serialText = textOf(serialEl, malformed).trim();
  if (issuerName === '') malformed('X509IssuerName is empty');
  if (!/^[0-9]+$/.test(serialText)) {
    malformed(`X509SerialNumber is ${JSON.stringify(serialText)}; expected a decimal integer`);
    return undefined;
  }
  return issuerName === '' ? undefined : { issuerName, serial: BigInt(serialText) };
}
