/**
 * Reference material for the xmldsig tests only (never imported by harness code):
 *
 * - the RTDS DUIS requests in ../shared/reference (by path, never copied into the repository);
 * - DCC Boxed's XML-signing credentials, read as data from the keystore.json of the
 *   devDependency @smartdcc/dccboxed-keystore (GPL-3.0, so tests only);
 * - DCC's own signing tool, the tool.jar of the devDependency @smartdcc/duis-sign-wrap
 *   (GPL-3.0), run as a separate Java process exactly as that package's tool.js runs it.
 *
 * Each comes with a skip message for when it is missing, so the tests say why they did not run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { type BinaryLike, createPrivateKey, type KeyLike, sign, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { ECDSA_SHA256, ENVELOPED_SIGNATURE, EXC_C14N, SHA256 } from './algorithms.ts';
import type { DuisSigningCredential } from './signDuis.ts';

const REPO = resolve(import.meta.dirname, '../..');

/** `../shared/reference` beside the repository root. */
export const REFERENCE = resolve(REPO, '../shared/reference');
export const RTDS_DUIS = join(REFERENCE, 'rtds-duis');
export const DUIS_XSD = join(REFERENCE, 'duis-schema/duis-5.4.xsd');

export const noRtds: string | false = existsSync(RTDS_DUIS)
  ? false
  : `RTDS request files not found at ${RTDS_DUIS} (../shared/reference is absent)`;

/** The RTDS request instances (each carries a placeholder signature with a comment). */
export function rtdsRequests(): { name: string; xml: string }[] {
  if (noRtds) return [];
  return readdirSync(RTDS_DUIS)
    .filter((f) => f.endsWith('_REQUEST_DUIS.XML'))
    .sort()
    .map((name) => ({ name, xml: readFileSync(join(RTDS_DUIS, name), 'utf8') }));
}

const KEYSTORE = join(REPO, 'node_modules/@smartdcc/dccboxed-keystore/keystore.json');

export const noKeystore: string | false = existsSync(KEYSTORE)
  ? false
  : `DCC Boxed keystore not found at ${KEYSTORE} (devDependency @smartdcc/dccboxed-keystore)`;

export interface TestCredential extends DuisSigningCredential {
  /** The keystore's name, e.g. `xml-sign-90B3D51F30010000-ds`. */
  readonly name: string;
  /** 135 = a User's XML-signing credential, 137 = the DSP's. */
  readonly role: number;
  /** The owner's EUI, 16 lower-case hex digits as the keystore keys it. */
  readonly eui: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

interface KeystoreEntry {
  certificate: string;
  privateKey?: string;
  name: string;
  role: number;
}

let credentials: Map<string, TestCredential> | undefined;

/** DCC Boxed's XML-signing credentials (roles 135 and 137), by keystore name. */
export function dccBoxedXmlCredentials(): Map<string, TestCredential> {
  if (credentials !== undefined) return credentials;
  credentials = new Map();
  if (noKeystore) return credentials;
  const keystore = JSON.parse(readFileSync(KEYSTORE, 'utf8')) as Record<
    string,
    Record<string, Record<string, KeystoreEntry>>
  >;
  for (const [eui, usages] of Object.entries(keystore)) {
    for (const entries of Object.values(usages)) {
      for (const entry of Object.values(entries)) {
        if ((entry.role !== 135 && entry.role !== 137) || entry.privateKey === undefined) continue;
        credentials.set(entry.name, {
          name: entry.name,
          role: entry.role,
          eui,
          certificatePem: entry.certificate,
          privateKeyPem: entry.privateKey,
          certificate: new X509Certificate(entry.certificate),
          privateKey: createPrivateKey(entry.privateKey),
        });
      }
    }
  }
  return credentials;
}

export function credential(name: string): TestCredential {
  const found = dccBoxedXmlCredentials().get(name);
  if (found === undefined) throw new Error(`test credential ${name} is not in the DCC Boxed keystore`);
  return found;
}

export const SUPPLIER_XML = 'xml-sign-90B3D51F30010000-ds';
export const NETWORK_OPERATOR_XML = 'xml-sign-90B3D51F30020000-ds';
export const DSP_XML = 'dsp-xml-sign-90B3D51F30000002-ds';

/** The XML-signing credential of the request's originator (the RequestID's first EUI). */
export function xmlSignerFor(xml: string): TestCredential {
  const originator = /<sr:RequestID>([0-9A-Fa-f-]{23}):/.exec(xml)?.[1]?.replace(/-/g, '').toUpperCase();
  if (originator === undefined) throw new Error('no RequestID in the request');
  return credential(`xml-sign-${originator}-ds`);
}

/** The request without its placeholder signature (and the whitespace before it). */
export function withoutSignature(xml: string): string {
  return xml.replace(/\s*<ds:Signature[\s\S]*<\/ds:Signature>/, '');
}

export const DCC_TOOL_JAR = join(REPO, 'node_modules/@smartdcc/duis-sign-wrap/dist/tool.jar');

export const noJava: string | false = !existsSync(DCC_TOOL_JAR)
  ? `DCC's signing tool not found at ${DCC_TOOL_JAR} (devDependency @smartdcc/duis-sign-wrap)`
  : spawnSync('java', ['-version']).status !== 0
    ? 'java is not installed (DCC signing tool interop needs a JRE 11+; Debian: default-jre-headless)'
    : false;

export const noXmllint: string | false =
  spawnSync('xmllint', ['--version']).status === 0
    ? false
    : 'xmllint is not installed (Debian: libxml2-utils)';

export interface ToolResult {
  /** 0 success, 1 environment error, 2 application error, 3 missing key, 10 validation failed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let credentialDir: string | undefined;

/** The credential's certificate and key as PEM files, as the tool takes them. */
function credentialFiles(c: TestCredential): { certificate: string; key: string } {
  credentialDir ??= mkdtempSync(join(tmpdir(), 'xmldsig-test-'));
  const certificate = join(credentialDir, `${c.name}.pem`);
  const key = join(credentialDir, `${c.name}.key`);
  if (!existsSync(certificate)) {
    writeFileSync(certificate, c.certificatePem);
    writeFileSync(key, c.privateKeyPem);
  }
  return { certificate, key };
}

/** `Sign` with the given credential (keeping the RequestID counter), reading the XML from stdin. */
export function dccToolSign(xml: string, signer: TestCredential): Promise<ToolResult> {
  const files = credentialFiles(signer);
  return runDccTool('Sign', xml, ['--preserveCounter', files.certificate, files.key]);
}

/** `Validate` against the given certificate: XSD (the tool's DUIS 5.1 schema), then the signature. */
export function dccToolValidate(xml: string, signer: TestCredential): Promise<ToolResult> {
  return runDccTool('Validate', xml, [credentialFiles(signer).certificate]);
}

const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];
const slots = { free: Math.max(1, availableParallelism()), waiting: [] as (() => void)[] };

/** Runs `java -cp tool.jar uk.co.smartdcc.boxed.xmldsig.<mode> - …args`, a few at a time. */
async function runDccTool(mode: 'Sign' | 'Validate', xml: string, args: string[]): Promise<ToolResult> {
  if (slots.free === 0) await new Promise<void>((go) => slots.waiting.push(go));
  else slots.free--;
  try {
    return await new Promise<ToolResult>((done, fail) => {
      const child = spawn('java', [
        ...JVM_FLAGS,
        '-cp',
        DCC_TOOL_JAR,
        `uk.co.smartdcc.boxed.xmldsig.${mode}`,
        '-',
        ...args,
      ]);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', fail);
      child.on('close', (code) =>
        done({
          code,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
      child.stdin.on('error', () => {});
      child.stdin.end(xml, 'utf8');
    });
  } finally {
    const next = slots.waiting.shift();
    if (next !== undefined) next();
    else slots.free++;
  }
}

/**
 * `xmllint --noout --schema duis-5.4.xsd -`. libxml2 up to at least 2.9.14 (Debian 12) cannot
 * check an xs:integer of more than 24 digits, and real SMKI serial numbers have up to 39: its
 * only complaint about X509SerialNumber is then that limitation, so the document is checked
 * again with a short serial in its place (Xerces, in DCC's tool, checks the real value).
 */
export function validateAgainstDuisSchema(xml: string): { ok: boolean; output: string } {
  const first = xmllintSchema(xml);
  const lines = first.output.split('\n').filter((l) => l.includes('Schemas validity error'));
  const onlySerialLimit = !first.ok && lines.length > 0 && lines.every((l) => LIBXML2_INTEGER_LIMIT.test(l));
  if (!onlySerialLimit) return first;
  const again = xmllintSchema(xml.replace(/(<ds:X509SerialNumber>)[0-9]{25,}(<)/, '$11$2'));
  return { ok: again.ok, output: `${again.output} (serial shortened: libxml2 xs:integer limit)` };
}

const LIBXML2_INTEGER_LIMIT =
  /X509SerialNumber': '[0-9]{25,}' is not a valid value of the atomic type 'xs:integer'/;

function xmllintSchema(xml: string): { ok: boolean; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', DUIS_XSD, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** xml-crypto's SignatureAlgorithm for ecdsa-sha256 (it ships RSA and HMAC only), raw r‖s. */
class EcdsaSha256 {
  getSignature(signedInfo: BinaryLike, privateKey: KeyLike): string {
    return sign('sha256', Buffer.from(String(signedInfo), 'utf8'), {
      key: createPrivateKey(privateKey as string),
      dsaEncoding: 'ieee-p1363',
    }).toString('base64');
  }

  verifySignature(): boolean {
    throw new Error('not used: verification is what the tests check');
  }

  getAlgorithmName(): string {
    return ECDSA_SHA256;
  }
}

/**
 * Signs the XML as it stands (whitespace included) with xml-crypto's own SignedXml: a
 * standards-following signer independent of signDuis, to check verifyDuis against.
 */
export function signWithXmlCrypto(
  xml: string,
  signer: TestCredential,
  options: { transforms?: string[]; issuerName?: string } = {},
): string {
  const issuerName = options.issuerName ?? 'CN=Z1,OU=07';
  const serial = BigInt(`0x${signer.certificate.serialNumber}`);
  const signed = new SignedXml({
    privateKey: signer.privateKeyPem,
    canonicalizationAlgorithm: EXC_C14N,
    signatureAlgorithm: ECDSA_SHA256,
    getKeyInfoContent: () =>
      '<ds:X509Data><ds:X509IssuerSerial>' +
      `<ds:X509IssuerName>${issuerName}</ds:X509IssuerName><ds:X509SerialNumber>${serial}</ds:X509SerialNumber>` +
      '</ds:X509IssuerSerial></ds:X509Data>',
  });
  (signed.SignatureAlgorithms as Record<string, unknown>)[ECDSA_SHA256] = EcdsaSha256;
  signed.addReference({
    xpath: '/*',
    transforms: options.transforms ?? [ENVELOPED_SIGNATURE],
    digestAlgorithm: SHA256,
    isEmptyUri: true,
  });
  signed.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return signed.getSignedXml();
}
