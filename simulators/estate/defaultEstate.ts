import { fileURLToPath } from 'node:url';
import { type Clock, SimulatedClock } from '../core/clock.ts';
import { type Credential, InMemoryKeyStore } from '../keystore/index.ts';
import { readCertsKeyStore } from './certsDirectory.ts';
import { buildEstate, type Estate } from './Estate.ts';

/** The repository's `certs/` directory, which `npm run certs` writes. */
export const DEFAULT_CERTS_DIR = fileURLToPath(new URL('../../certs/', import.meta.url));

/** Credentials read from a certs directory, once per process: they are immutable, stores are not. */
const readOnce = new Map<string, Promise<readonly Credential[] | undefined>>();

/**
 * The embedded default estate. Credentials come from `certs/keystore.json` when it is there (so
 * what runs is what a User was given), and are issued from the seed otherwise; either way they are
 * the same keys and serials. Every call gets its own key store and clock.
 */
export async function loadDefaultEstate(
  options: { clock?: Clock; certsDir?: string | null } = {},
): Promise<Estate> {
  const clock = options.clock ?? new SimulatedClock();
  const certsDir = options.certsDir === undefined ? DEFAULT_CERTS_DIR : options.certsDir;
  const credentials = certsDir === null ? undefined : await credentialsIn(certsDir);
  if (credentials === undefined) return buildEstate({ clock });
  const keyStore = new InMemoryKeyStore({ clock });
  for (const credential of credentials) await keyStore.add(credential);
  return buildEstate({ clock, keyStore });
}

function credentialsIn(certsDir: string): Promise<readonly Credential[] | undefined> {
  let pending = readOnce.get(certsDir);
  if (pending === undefined) {
    pending = readCertsKeyStore(certsDir, new SimulatedClock()).then((store) => store?.list());
    readOnce.set(certsDir, pending);
    pending.catch(() => readOnce.delete(certsDir));
  }
  return pending;
}
