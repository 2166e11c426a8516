/**
 * The harness's own key store file:
 *
 *     {
 *       "format": "smets-harness-keystore",
 *       "version": 1,
 *       "credentials": [
 *         { "eui": "90-B3-D5-1F-30-01-00-00", "usage": "KA", "serial": "1234…", "role": 2,
 *           "name": "Z1-supplierPP-ka", "cellUsage": "prePaymentTopUp",
 *           "certificate": "-----BEGIN CERTIFICATE-----…", "privateKey": "-----BEGIN PRIVATE KEY-----…" }
 *       ]
 *     }
 *
 * `serial` is a decimal string (JSON numbers lose precision past 2^53); `usage` is DS, KA or XML;
 * `cellUsage` is written for KA credentials only and defaults to `management` when absent;
 * `privateKey` (unencrypted PKCS#8 PEM) is optional. Credentials keep their order.
 */
import type { Clock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { describeReceived, InvalidFileError } from '../core/errors.ts';
import type { CredentialUsage } from '../core/roles.ts';
import { Credential } from './Credential.ts';
import {
  type CellUsage,
  parseCellUsage,
  parseCertificatePem,
  parseCredentialName,
  parsePrivateKeyPem,
  parseRole,
  parseSerial,
  parseUsage,
} from './fields.ts';
import {
  atPath,
  expectOnlyFields,
  filePath,
  inFile,
  isPlainObject,
  readJsonFile,
  writeFileAtomic,
} from './files.ts';
import { InMemoryKeyStore } from './InMemoryKeyStore.ts';
import type { KeyStore } from './KeyStore.ts';

export const KEYSTORE_FILE_FORMAT = 'smets-harness-keystore';
export const KEYSTORE_FILE_VERSION = 1;

export interface KeyStoreFileCredential {
  eui: string;
  usage: CredentialUsage;
  serial: string;
  role: number;
  name: string;
  cellUsage?: CellUsage;
  certificate: string;
  privateKey?: string;
}

export interface KeyStoreFile {
  format: typeof KEYSTORE_FILE_FORMAT;
  version: typeof KEYSTORE_FILE_VERSION;
  credentials: KeyStoreFileCredential[];
}

export interface LoadOptions {
  /** Clock for a new store (see InMemoryKeyStore). */
  readonly clock?: Clock;
  /**
   * Replace this store's contents instead of returning a new store. The file is read and checked
   * in full first; if it is bad, `into` is left as it was.
   */
  readonly into?: InMemoryKeyStore;
}

const TOP_LEVEL_FIELDS = ['format', 'version', 'credentials'];
const CREDENTIAL_FIELDS = [
  'eui',
  'usage',
  'serial',
  'role',
  'name',
  'cellUsage',
  'certificate',
  'privateKey',
];

export function keyStoreToJson(credentials: readonly Credential[]): KeyStoreFile {
  return {
    format: KEYSTORE_FILE_FORMAT,
    version: KEYSTORE_FILE_VERSION,
    credentials: credentials.map((c) => ({
      eui: c.eui.toString(),
      usage: c.usage,
      serial: c.serial.toString(),
      role: c.role,
      name: c.name,
      ...(c.cellUsage === undefined ? {} : { cellUsage: c.cellUsage }),
      certificate: c.certificatePem,
      ...(c.privateKeyPem === undefined ? {} : { privateKey: c.privateKeyPem }),
    })),
  };
}

/** Reads parsed file content into a key store; `source` names it in errors. */
export async function keyStoreFromJson(
  json: unknown,
  source: string,
  options: LoadOptions = {},
): Promise<InMemoryKeyStore> {
  if (!isPlainObject(json)) {
    throw new InvalidFileError(
      source,
      '',
      `expected an object {"format":"${KEYSTORE_FILE_FORMAT}","version":${KEYSTORE_FILE_VERSION},"credentials":[...]}, got ${describeReceived(json)}`,
    );
  }
  expectOnlyFields(source, '', json, TOP_LEVEL_FIELDS);
  if (json.format !== KEYSTORE_FILE_FORMAT) {
    throw new InvalidFileError(
      source,
      'format',
      `expected "${KEYSTORE_FILE_FORMAT}", got ${describeReceived(json.format)}`,
    );
  }
  if (json.version !== KEYSTORE_FILE_VERSION) {
    throw new InvalidFileError(
      source,
      'version',
      `expected ${KEYSTORE_FILE_VERSION} (the only version this harness reads), got ${describeReceived(json.version)}`,
    );
  }
  if (!Array.isArray(json.credentials)) {
    throw new InvalidFileError(
      source,
      'credentials',
      `expected an array, got ${describeReceived(json.credentials)}`,
    );
  }

  const fresh = new InMemoryKeyStore(options.clock === undefined ? {} : { clock: options.clock });
  for (const [index, entry] of json.credentials.entries()) {
    const path = `credentials[${index}]`;
    if (!isPlainObject(entry)) {
      throw new InvalidFileError(
        source,
        path,
        `expected a credential object, got ${describeReceived(entry)}`,
      );
    }
    expectOnlyFields(source, path, entry, CREDENTIAL_FIELDS);
    const credential = atPath(source, path, () => {
      const usage = parseUsage(entry.usage);
      return new Credential({
        eui: Eui.parse(entry.eui, 'eui'),
        usage,
        serial: parseSerial(entry.serial),
        role: parseRole(entry.role),
        name: parseCredentialName(entry.name),
        certificatePem: parseCertificatePem(entry.certificate),
        privateKeyPem: parsePrivateKeyPem(entry.privateKey),
        cellUsage: parseCellUsage(entry.cellUsage, usage),
      });
    });
    // add() runs checkCredential: serial, key pair, subject EUI and key usage must agree.
    try {
      await fresh.add(credential);
    } catch (error) {
      throw inFile(source, path, error);
    }
  }

  if (options.into === undefined) return fresh;
  options.into.replaceWith(fresh);
  return options.into;
}

/** Loads a key store file written by saveKeyStore. */
export async function loadKeyStore(file: string | URL, options: LoadOptions = {}): Promise<InMemoryKeyStore> {
  return keyStoreFromJson(await readJsonFile(file), filePath(file), options);
}

/** Writes every credential in the store to `file`, atomically (temporary file + rename; mode 0600). */
export async function saveKeyStore(store: KeyStore, file: string | URL): Promise<void> {
  const json = keyStoreToJson(await store.list());
  await writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
}
