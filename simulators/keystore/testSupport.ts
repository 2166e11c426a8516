/**
 * Test-only helpers: P-256 keys and certificates made on the fly with @peculiar/x509, shaped like
 * GBCS organisation certificates where that matters (subject OU = role, x500UniqueIdentifier =
 * EUI, critical key usage). Imported by *.test.ts files only.
 */
import { KeyObject, webcrypto } from 'node:crypto';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import type { CredentialUsage } from '../core/roles.ts';
import type { CredentialFields } from './Credential.ts';
import type { CellUsage } from './fields.ts';
import { x509 } from './x509.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface TestIssuer {
  readonly name: string;
  readonly keys: CryptoKeyPair;
}

export async function generateKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function makeIssuer(name = 'OU=07, CN=TEST CA'): Promise<TestIssuer> {
  return { name, keys: await generateKeys() };
}

export function privateKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface TestCredentialOptions {
  readonly eui: string;
  readonly usage: CredentialUsage;
  readonly serial: bigint;
  readonly role?: number;
  readonly name?: string;
  readonly cellUsage?: CellUsage;
  /** Signs the certificate; self-signed when absent. */
  readonly issuer?: TestIssuer;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Leave the private key out. */
  readonly certificateOnly?: boolean;
  /** Put this EUI in the subject instead of `eui`. */
  readonly subjectEui?: string;
  /** Key usage to put in the certificate instead of the one `usage` needs. */
  readonly keyUsage?: 'DS' | 'KA';
}

/** A credential's fields with a fresh key pair and a certificate for it. */
export async function makeCredentialFields(options: TestCredentialOptions): Promise<CredentialFields> {
  const eui = Eui.parse(options.eui);
  const keys = await generateKeys();
  const role = options.role ?? (options.usage === 'XML' ? 135 : 2);
  const subject = `OU=${role.toString(16).toUpperCase().padStart(2, '0')}, 2.5.4.45=#030900${Eui.parse(options.subjectEui ?? options.eui).hex}`;
  const keyUsage = options.keyUsage ?? (options.usage === 'KA' ? 'KA' : 'DS');
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex(options.serial),
    subject,
    issuer: options.issuer?.name ?? subject,
    notBefore: options.notBefore ?? new Date('2025-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: options.issuer?.keys.privateKey ?? keys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(
        keyUsage === 'KA' ? x509.KeyUsageFlags.keyAgreement : x509.KeyUsageFlags.digitalSignature,
        true,
      ),
    ],
  });
  return {
    eui,
    usage: options.usage,
    serial: options.serial,
    role,
    name: options.name ?? `test-${options.usage.toLowerCase()}-${options.serial}`,
    certificatePem: `${certificate.toString('pem')}\n`,
    ...(options.certificateOnly ? {} : { privateKeyPem: privateKeyPem(keys.privateKey) }),
    ...(options.cellUsage === undefined ? {} : { cellUsage: options.cellUsage }),
  };
}

/** A positive DER INTEGER's hex: even length, with a leading 00 when the top bit is set. */
function serialHex(serial: bigint): string {
  let hex = serial.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

/** Awaits `promise` and asserts it rejects with `type` and a message starting `messageStart`. */
export async function expectRejection(
  promise: Promise<unknown>,
  type: new (...args: never[]) => Error,
  messageStart: string,
): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(type);
    expect((error as Error).message.startsWith(messageStart), (error as Error).message).to.equal(true);
    return;
  }
  expect.fail(`expected a rejection with ${type.name}`);
}
