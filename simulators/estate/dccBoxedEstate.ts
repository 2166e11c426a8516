import { type Clock, SimulatedClock } from '../core/clock.ts';
import { importDccBoxedKeyStore } from '../keystore/index.ts';
import { DCC_BOXED_PARTIES } from './dccBoxedParties.ts';
import { buildEstate, type Estate } from './Estate.ts';

/**
 * The `dccboxed` profile: DCC Boxed's identities, with the credentials of a DCC Boxed keystore.json
 * (the file DCC Boxed's own tools use; pass its path). Only the parties the profile knows are kept
 * as parties; every credential in the file stays in the key store, so signatures by any of them verify.
 */
export async function loadDccBoxedEstate(options: { keystoreFile: string; clock?: Clock; seed?: string }): Promise<Estate> {
  const clock = options.clock ?? new SimulatedClock();
  const keyStore = await importDccBoxedKeyStore({ file: options.keystoreFile }, { clock });
  return buildEstate({ clock, keyStore, parties: DCC_BOXED_PARTIES, seed: options.seed ?? 'smets-harness dccboxed profile v1' });
}
