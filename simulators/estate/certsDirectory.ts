import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Credential, KeyStore } from '../keystore/index.ts';
import { exportDccBoxedKeyStore, loadKeyStore, saveKeyStore } from '../keystore/index.ts';
import type { Estate } from './Estate.ts';
import { describeParties } from './Party.ts';

/**
 * The on-disk form of an estate's test PKI (`certs/`): what a User hands its own client, and what
 * `npm start` loads so the keys that run are exactly the ones on disk.
 *
 *   ca/           the root (ZA), organisation CA (Z1) and device CA (E357) certificates
 *   pem/          every credential as `<eui>-<ds|ka|ka-pp|xml>.pem` and `.key` (PKCS#8)
 *   keystore.json the harness key store; dccboxed-keystore.json the same in DCC Boxed's format
 *   parties.json  who is who: name, EUI, kind, roles, and each credential's serial and files
 */
export const KEYSTORE_FILE = 'keystore.json';

export async function writeCertsDirectory(estate: Estate, dir: string): Promise<void> {
  await rm(join(dir, 'pem'), { recursive: true, force: true });
  await mkdir(join(dir, 'ca'), { recursive: true });
  await mkdir(join(dir, 'pem'), { recursive: true });
  const { root, organisationCa, deviceCa } = estate.smki;
  await writeFile(join(dir, 'ca', 'root-ZA.pem'), root.pem);
  await writeFile(join(dir, 'ca', 'organisation-ca-Z1.pem'), organisationCa.pem);
  await writeFile(join(dir, 'ca', 'device-ca-E357.pem'), deviceCa.pem);

  const credentials = await estate.keyStore.list();
  for (const c of credentials) {
    await writeFile(join(dir, 'pem', `${fileStem(c)}.pem`), c.certificatePem);
    if (c.privateKeyPem)
      await writeFile(join(dir, 'pem', `${fileStem(c)}.key`), c.privateKeyPem, { mode: 0o600 });
  }
  await saveKeyStore(estate.keyStore, join(dir, KEYSTORE_FILE));
  const dccBoxed = await exportDccBoxedKeyStore(estate.keyStore);
  await writeFile(join(dir, 'dccboxed-keystore.json'), `${JSON.stringify(dccBoxed, null, 2)}\n`);
  await writeFile(
    join(dir, 'parties.json'),
    `${JSON.stringify(partiesManifest(estate, credentials), null, 2)}\n`,
  );
}

/** Loads `certs/keystore.json` if the directory has one. */
export async function readCertsKeyStore(
  dir: string,
  estateClock: Estate['clock'],
): Promise<KeyStore | undefined> {
  const file = join(dir, KEYSTORE_FILE);
  try {
    await readFile(file);
  } catch {
    return undefined;
  }
  return loadKeyStore(file, { clock: estateClock });
}

export function fileStem(c: Credential): string {
  const usage = c.usage === 'KA' && c.cellUsage === 'prePaymentTopUp' ? 'ka-pp' : c.usage.toLowerCase();
  return `${c.eui.hex.toLowerCase()}-${usage}`;
}

function partiesManifest(estate: Estate, credentials: readonly Credential[]) {
  const files = new Map(credentials.map((c) => [`${c.eui.hex}/${c.usage}/${c.serial}`, fileStem(c)]));
  return {
    seed: estate.seed,
    parties: describeParties(estate.parties.parties, credentials).map((p) => ({
      ...p,
      credentials: p.credentials.map((c) => {
        const stem = files.get(`${p.eui.replaceAll('-', '')}/${c.usage}/${BigInt(`0x${c.serial}`)}`);
        return { ...c, certificate: `pem/${stem}.pem`, privateKey: `pem/${stem}.key` };
      }),
    })),
  };
}
