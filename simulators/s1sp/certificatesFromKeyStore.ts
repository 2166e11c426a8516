import type { Eui } from '../core/Eui.ts';
import type { KeyStore } from '../keystore/index.ts';
import type { CertificatesOf, NetworkOperatorCertificates } from './networkOperatorSlots.ts';

/**
 * `certificatesOf` for the MP107 R2 job from a key store: each party's current DS and management
 * KA certificates (the key store's choice rule picks among several). Looked up once, up front,
 * because the job itself is synchronous; parties without both are left out.
 */
export async function certificatesFromKeyStore(keyStore: KeyStore, parties: Iterable<Eui>): Promise<CertificatesOf> {
  const byParty = new Map<string, NetworkOperatorCertificates>();
  for (const party of parties) {
    if (byParty.has(party.hex)) continue;
    const ds = await keyStore.find(party, 'DS');
    const ka = await keyStore.find(party, 'KA');
    if (ds === undefined || ka === undefined) continue;
    byParty.set(party.hex, { ds: ds.certificate.raw, ka: ka.certificate.raw });
  }
  return (party) => byParty.get(party.hex);
}
