/**
 * Test helpers for the DUIS codec (not used at run time): where the shared reference data is,
 * and schema validation with xmllint. Tests skip with these messages when either is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** ../shared/reference, relative to the repository root. */
export const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference');
export const DUIS_SCHEMA = join(REFERENCE, 'duis-schema/duis-5.4.xsd');
export const RTDS_DUIS = join(REFERENCE, 'rtds-duis');

/** A skip reason when the RTDS request files are absent, else false. */
export const noRtds: string | false = existsSync(RTDS_DUIS)
  ? false
  : `RTDS DUIS files not found at ${RTDS_DUIS}`;

const xmllintMissing = spawnSync('xmllint', ['--version']).error !== undefined;

/** A skip reason when schema validation is impossible (no xmllint, or no schema), else false. */
export const noSchemaValidation: string | false = xmllintMissing
  ? 'xmllint is not installed (Debian package libxml2-utils)'
  : existsSync(DUIS_SCHEMA)
    ? false
    : `DUIS schema not found at ${DUIS_SCHEMA}`;

/** The RTDS request files, name → XML text (empty when absent). */
export function rtdsRequests(): Map<string, string> {
  if (noRtds) return new Map();
  return new Map(
    readdirSync(RTDS_DUIS)
      .filter((f) => f.endsWith('.XML'))
      .sort()
      .map((f) => [f, readFileSync(join(RTDS_DUIS, f), 'utf8')]),
  );
}

/** Validates XML against duis-5.4.xsd with xmllint; `output` holds xmllint's complaints. */
export function validateDuis(xml: string): { valid: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'duis-'));
  try {
    const file = join(dir, 'message.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', DUIS_SCHEMA, file], { encoding: 'utf8' });
    return { valid: run.status === 0, output: `${run.stderr}${run.stdout}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A schema-valid stand-in for the enveloped signature (placeholder values, like the RTDS files'),
 * appended as the last child of the root: shows where the real signer's output goes.
 */
export function appendDummySignature(xml: string): string {
  const signature = '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509IssuerSerial><ds:X509IssuerName>CN=Z1, OU=07</ds:X509IssuerName><ds:X509SerialNumber>1</ds:X509SerialNumber></ds:X509IssuerSerial></ds:X509Data></ds:KeyInfo></ds:Signature>';
  return xml.replace(/(<\/sr:(?:Request|Response)>\s*)$/, `${signature}\n$1`);
}
