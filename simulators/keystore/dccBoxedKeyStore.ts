/**
 * DCC Boxed's keystore.json (as published in @smartdcc/dccboxed-keystore):
 *
 *     { "<eui, 16 lower-case hex digits>": {
 *         "digitalSignature": { "<serial, decimal>": { "certificate", "privateKey"?, "name", "role" } },
 *         "keyAgreement":     { "<serial, decimal>": { … } } } }
 *
 * DCC Boxed has no XML usage and no cell usage; the harness reads them from role and name:
 *  - an entry under digitalSignature is XML when its role is 128 or more (135 User XML signing,
 *    137 DSP XML signing) or its name starts `xml-sign` or `dsp-xml-sign`; otherwise DS;
 *  - an entry under keyAgreement is for the prepayment top-up cell when its name ends `PP` or
 *    `PP-ka` (`Z1b-supplierPP-ka`); otherwise management. (A looser "contains PP" would also
 *    match `…SUPPLIER…`.)
 * Export writes role and name as held, and refuses a credential whose role and name would read
 * back as another usage, so import(export(store)) always gives the same credentials.
 */
import { Eui } from '../core/Eui.ts';
import { describeReceived, InvalidFileError, InvalidInputError } from '../core/errors.ts';
import type { CredentialUsage } from '../core/roles.ts';
import { Credential } from './Credential.ts';
import {
  type CellUsage,
  parseCertificatePem,
  parseCredentialName,
  parsePrivateKeyPem,
  parseRole,
  parseSerial,
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
import type { LoadOptions } from './keyStoreFile.ts';

export interface DccBoxedEntry {
  certificate: string;
  privateKey?: string;
  name: string;
  role: number;
}

export type DccBoxedUsageKey = 'digitalSignature' | 'keyAgreement';

export type DccBoxedKeyStoreJson = Record<
  string,
  Partial<Record<DccBoxedUsageKey, Record<string, DccBoxedEntry>>>
>;

/** A DCC Boxed keystore to import: a file, or JSON already parsed (`source` names it in errors). */
export type DccBoxedSource =
  | { readonly file: string | URL }
  | { readonly json: unknown; readonly source?: string };

const USAGE_KEYS: readonly DccBoxedUsageKey[] = ['digitalSignature', 'keyAgreement'];
const ENTRY_FIELDS = ['certificate', 'privateKey', 'name', 'role'];
const EUI_KEY = /^[0-9A-Fa-f]{16}$/;

/** Reads DCC Boxed's usage key, role and name as the harness's usage and cell usage (see above). */
export function dccBoxedUsageOf(
  usageKey: DccBoxedUsageKey,
  role: number,
  name: string,
): { usage: CredentialUsage; cellUsage?: CellUsage } {
  if (usageKey === 'digitalSignature') {
    return { usage: role >= 128 || /^(dsp-)?xml-sign/.test(name) ? 'XML' : 'DS' };
  }
  return { usage: 'KA', cellUsage: /PP(-ka)?$/.test(name) ? 'prePaymentTopUp' : 'management' };
}

export async function importDccBoxedKeyStore(
  source: DccBoxedSource,
  options: LoadOptions = {},
): Promise<InMemoryKeyStore> {
  if ('file' in source) {
    return readDccBoxedJson(await readJsonFile(source.file), filePath(source.file), options);
  }
  return readDccBoxedJson(source.json, source.source ?? 'DCC Boxed keystore JSON', options);
}

/** The store's credentials as DCC Boxed's keystore.json, EUIs and serials in the order first added. */
export async function exportDccBoxedKeyStore(store: KeyStore): Promise<DccBoxedKeyStoreJson> {
  const json: DccBoxedKeyStoreJson = {};
  for (const c of await store.list()) {
    const usageKey: DccBoxedUsageKey = c.usage === 'KA' ? 'keyAgreement' : 'digitalSignature';
    const readBack = dccBoxedUsageOf(usageKey, c.role, c.name);
    if (readBack.usage !== c.usage || readBack.cellUsage !== c.cellUsage) {
      throw new InvalidInputError(
        `credential ${c.label}`,
        `a role and name that DCC Boxed's format reads back as ${describeUsage(c.usage, c.cellUsage)} ` +
          `(these would read back as ${describeUsage(readBack.usage, readBack.cellUsage)}; XML needs role >= 128 ` +
          'or a name starting xml-sign/dsp-xml-sign, DS neither; a prepayment top-up KA needs a name ending PP or PP-ka)',
        `role ${c.role}`,
      );
    }
    const euiKey = c.eui.hex.toLowerCase();
    const byUsage = json[euiKey] ?? {};
    json[euiKey] = byUsage;
    const bySerial = byUsage[usageKey] ?? {};
    byUsage[usageKey] = bySerial;
    const serial = c.serial.toString();
    if (Object.hasOwn(bySerial, serial)) {
      throw new InvalidInputError(
        `credential ${c.label}`,
        `a serial not already exported under ${euiKey}/${usageKey}`,
        serial,
      );
    }
    bySerial[serial] = {
      certificate: c.certificatePem,
      ...(c.privateKeyPem === undefined ? {} : { privateKey: c.privateKeyPem }),
      name: c.name,
      role: c.role,
    };
  }
  return json;
}

/** Writes the store as a DCC Boxed keystore.json, atomically, formatted as DCC Boxed's own file. */
export async function saveDccBoxedKeyStore(store: KeyStore, file: string | URL): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(await exportDccBoxedKeyStore(store), null, 2)}\n`);
}

async function readDccBoxedJson(
  json: unknown,
  source: string,
  options: LoadOptions,
): Promise<InMemoryKeyStore> {
  if (!isPlainObject(json)) {
    throw new InvalidFileError(
      source,
      '',
      `expected an object mapping EUIs to {digitalSignature, keyAgreement}, got ${describeReceived(json)}`,
    );
  }
  const fresh = new InMemoryKeyStore(options.clock === undefined ? {} : { clock: options.clock });
  for (const [euiKey, byUsage] of Object.entries(json)) {
    if (!EUI_KEY.test(euiKey)) {
      throw new InvalidFileError(
        source,
        euiKey,
        `expected an EUI of 16 hex digits as the key, got ${describeReceived(euiKey)}`,
      );
    }
    const eui = Eui.parse(euiKey);
    if (!isPlainObject(byUsage)) {
      throw new InvalidFileError(
        source,
        euiKey,
        `expected an object with digitalSignature and/or keyAgreement, got ${describeReceived(byUsage)}`,
      );
    }
    for (const [usageKey, bySerial] of Object.entries(byUsage)) {
      const usagePath = `${euiKey}/${usageKey}`;
      if (!isUsageKey(usageKey)) {
        throw new InvalidFileError(
          source,
          usagePath,
          `expected the usage key digitalSignature or keyAgreement, got ${describeReceived(usageKey)}`,
        );
      }
      if (!isPlainObject(bySerial)) {
        throw new InvalidFileError(
          source,
          usagePath,
          `expected an object keyed by serial, got ${describeReceived(bySerial)}`,
        );
      }
      for (const [serialKey, entry] of Object.entries(bySerial)) {
        const path = `${usagePath}/${serialKey}`;
        const credential = readEntry(source, path, eui, usageKey, serialKey, entry);
        // add() runs checkCredential: serial, key pair, subject EUI and key usage must agree.
        try {
          await fresh.add(credential);
        } catch (error) {
          throw inFile(source, path, error);
        }
      }
    }
  }
  if (options.into === undefined) return fresh;
  options.into.replaceWith(fresh);
  return options.into;
}

function readEntry(
  source: string,
  path: string,
  eui: Eui,
  usageKey: DccBoxedUsageKey,
  serialKey: string,
  entry: unknown,
): Credential {
  if (!isPlainObject(entry)) {
    throw new InvalidFileError(
      source,
      path,
      `expected an object with certificate, privateKey, name and role, got ${describeReceived(entry)}`,
    );
  }
  expectOnlyFields(source, path, entry, ENTRY_FIELDS);
  return atPath(source, path, () => {
    const serial = parseSerial(serialKey, 'serial key');
    const role = parseRole(entry.role);
    const name = parseCredentialName(entry.name);
    const { usage, cellUsage } = dccBoxedUsageOf(usageKey, role, name);
    return new Credential({
      eui,
      usage,
      serial,
      role,
      name,
      certificatePem: parseCertificatePem(entry.certificate),
      privateKeyPem: parsePrivateKeyPem(entry.privateKey),
      cellUsage,
    });
  });
}

function isUsageKey(key: string): key is DccBoxedUsageKey {
  return (USAGE_KEYS as readonly string[]).includes(key);
}

function describeUsage(usage: CredentialUsage, cellUsage: CellUsage | undefined): string {
  return cellUsage === undefined ? usage : `${usage} (${cellUsage})`;
}
