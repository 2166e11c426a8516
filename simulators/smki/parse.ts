import { createPrivateKey, type KeyObject } from 'node:crypto';
import { InvalidInputError } from '../core/errors.ts';
import { readSingle, TAG } from './der.ts';
import { describeKey, isP256 } from './keys.ts';
import { type X509Certificate, x509FromDer } from './x509.ts';

/**
 * Parsing certificates and private keys from untrusted text or bytes, with messages that say what
 * was wrong: not PEM, the wrong PEM label, bad base64, or bytes that are not a certificate.
 */

const CERTIFICATE_FORMS = 'a PEM certificate (-----BEGIN CERTIFICATE-----), base64 DER or DER bytes';
const KEY_FORMS =
  'a PEM private key (-----BEGIN PRIVATE KEY----- or EC PRIVATE KEY), base64 DER or DER bytes';

/**
 * A certificate from PEM text, bare base64 DER (as DUIS carries it in sr:DigitalSigningCertificate
 * and the like; whitespace ignored) or DER bytes.
 */
export function parseCertificate(input: unknown, field = 'certificate'): X509Certificate {
  const { der } = toDer(input, field, ['CERTIFICATE'], CERTIFICATE_FORMS);
  try {
    readSingle(der, TAG.SEQUENCE);
    return x509FromDer(der);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(
      field,
      'a DER-encoded X.509 certificate',
      `${der.length} bytes that are not one (${why})`,
    );
  }
}

/** A P-256 private key from PKCS#8 (`PRIVATE KEY`) or SEC 1 (`EC PRIVATE KEY`) PEM, base64 DER or DER. */
export function parsePrivateKey(input: unknown, field = 'privateKey'): KeyObject {
  const { der, label } = toDer(input, field, ['PRIVATE KEY', 'EC PRIVATE KEY'], KEY_FORMS);
  const attempts: ('pkcs8' | 'sec1')[] =
    label === 'EC PRIVATE KEY' ? ['sec1'] : label ? ['pkcs8'] : ['pkcs8', 'sec1'];
  let key: KeyObject | undefined;
  for (const type of attempts) {
    try {
      key = createPrivateKey({ key: der, format: 'der', type });
      break;
    } catch {
      // try the next encoding
    }
  }
  if (key === undefined) {
    throw new InvalidInputError(
      field,
      'a PKCS#8 or SEC 1 private key',
      `${der.length} bytes that are not one`,
    );
  }
  if (!isP256(key))
    throw new InvalidInputError(field, 'a P-256 (prime256v1) EC private key', describeKey(key));
  return key;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

function toDer(
  input: unknown,
  field: string,
  labels: readonly string[],
  forms: string,
): { der: Buffer; label?: string } {
  if (input instanceof Uint8Array) {
    if (input.length === 0) throw new InvalidInputError(field, forms, 'no bytes');
    return { der: Buffer.from(input) };
  }
  if (typeof input !== 'string') throw new InvalidInputError(field, forms, input);
  const text = input.trim();
  if (!text.includes('-----BEGIN ')) {
    const compact = text.replace(/\s+/g, '');
    if (compact === '' || !BASE64.test(compact) || compact.length % 4 !== 0) {
      throw new InvalidInputError(field, forms, input);
    }
    return { der: Buffer.from(compact, 'base64') };
  }
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) throw new InvalidInputError(field, forms, 'a PEM block without its -----END line');
  if (blocks.length > 1)
    throw new InvalidInputError(field, 'exactly one PEM block', `${blocks.length} PEM blocks`);
  const [, begin = '', body = '', end] = blocks[0]!;
  if (begin !== end)
    throw new InvalidInputError(field, `a PEM block ending -----END ${begin}-----`, `-----END ${end}-----`);
  if (!labels.includes(begin)) {
    throw new InvalidInputError(
      field,
      labels.map((label) => `a PEM ${label} block`).join(' or '),
      `a PEM ${begin} block`,
    );
  }
  const compact = body.replace(/\s+/g, '');
  if (compact === '' || !BASE64.test(compact) || compact.length % 4 !== 0) {
    throw new InvalidInputError(field, `base64 inside the PEM ${begin} block`, 'text that is not base64');
  }
  return { der: Buffer.from(compact, 'base64'), label: begin };
}
