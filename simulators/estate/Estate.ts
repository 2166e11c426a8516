import { type Clock, SimulatedClock } from '../core/clock.ts';
import { InMemoryKeyStore, type KeyStore } from '../keystore/index.ts';
import { Smki } from '../smki/index.ts';
import { SmkiRepository } from '../smki/SmkiRepository.ts';
import { DEFAULT_PARTIES } from './defaultParties.ts';
import { issuePartyCredential } from './issuePartyCredentials.ts';
import type { Party } from './Party.ts';
import { PartyDirectory } from './PartyDirectory.ts';

/** The seed of the embedded default estate: every key and serial in `certs/` derives from it. */
export const DEFAULT_ESTATE_SEED = 'smets-harness default estate v1';

/** A running estate: its parties, the test SMKI that certifies them, and the one key store. */
export interface Estate {
  readonly seed: string;
  readonly clock: Clock;
  readonly parties: PartyDirectory;
  readonly smki: Smki;
  readonly keyStore: KeyStore;
  /** Every certificate issued to the estate, searchable as Users search the SMKI repository. */
  readonly smkiRepository: SmkiRepository;
}

export interface EstateOptions {
  readonly seed?: string;
  readonly clock?: Clock;
  readonly parties?: readonly Party[];
  /**
   * Credentials already issued (e.g. loaded from `certs/keystore.json`). Parties whose credentials
   * are all there are not issued again; the rest are issued from the SMKI.
   */
  readonly keyStore?: KeyStore;
}

/** Builds an estate: parties indexed, every party's credentials issued (or taken from the given store). */
export async function buildEstate(options: EstateOptions = {}): Promise<Estate> {
  const seed = options.seed ?? DEFAULT_ESTATE_SEED;
  const clock = options.clock ?? new SimulatedClock();
  const parties = new PartyDirectory(options.parties ?? DEFAULT_PARTIES);
  const smki = new Smki(seed);
  const keyStore = options.keyStore ?? new InMemoryKeyStore({ clock });
  for (const party of parties.parties) {
    for (const wanted of party.credentials) {
      const options = wanted.usage === 'KA' ? { cellUsage: wanted.cellUsage } : {};
      if ((await keyStore.find(party.eui, wanted.usage, options)) === undefined) {
        await keyStore.add(issuePartyCredential(smki, party, wanted));
      }
    }
  }
  const smkiRepository = new SmkiRepository();
  for (const credential of await keyStore.list()) smkiRepository.add(Buffer.from(credential.certificate.raw));
  return { seed, clock, parties, smki, keyStore, smkiRepository };
}
