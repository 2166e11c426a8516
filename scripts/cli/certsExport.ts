import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeCertsDirectory } from '../../simulators/estate/certsDirectory.ts';
import type { Estate } from '../../simulators/estate/Estate.ts';
import { exportDccBoxedKeyStore } from '../../simulators/keystore/index.ts';
import type { Io } from './Io.ts';

export type CertsFormat = 'pem' | 'dccboxed';

/**
 * Writes an estate's credentials for a User's own client: `pem` – the CA chain and every credential
 * as PEM files plus the harness keystore and a manifest; `dccboxed` – one DCC Boxed keystore.json.
 */
export async function exportCertificates(estate: Estate, format: CertsFormat, out: string, io: Io): Promise<void> {
  const dir = resolve(out);
  if (format === 'pem') {
    await writeCertsDirectory(estate, dir);
    io.out(`wrote the CA chain, ${(await estate.keyStore.list()).length} credentials (PEM) and parties.json to ${dir}`);
    return;
  }
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'keystore.json');
  await writeFile(file, `${JSON.stringify(await exportDccBoxedKeyStore(estate.keyStore), null, 2)}\n`, { mode: 0o600 });
  io.out(`wrote a DCC Boxed keystore.json with ${(await estate.keyStore.list()).length} credentials to ${file}`);
}
