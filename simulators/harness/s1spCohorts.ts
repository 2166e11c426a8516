import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import type { Estate } from '../estate/Estate.ts';
import type { InventoryData } from '../inventory/InventoryData.ts';
import { CertificatePool, routeByInventory, S1sp, S1spDirectory } from '../s1sp/index.ts';

/**
 * One S1SP per S1SP party of the estate (`s1spId`: S1SP-A, -B, -C), each signing its SMETS1
 * responses with the party's XML credential and accepting only requests countersigned with the
 * DSP's XML-signing certificate, sharing one certificate pool; requests routed by the inventory's
 * S1SP field. A profile without S1SP parties (dccboxed) gets an empty directory.
 */
export async function buildS1sps(estate: Estate, journal: Journal, inventory: InventoryData): Promise<S1spDirectory> {
  const dsp = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
  const pool = new CertificatePool();
  const describeParty = (eui: Eui): string => {
    const party = estate.parties.byEui(eui);
    return party === undefined ? eui.toString() : `${eui} (${party.name})`;
  };
  const s1sps: S1sp[] = [];
  for (const party of estate.parties.ofKind('s1sp')) {
    if (party.s1spId === undefined) continue;
    const xml = await estate.keyStore.lookup(party.eui, 'XML');
    s1sps.push(
      new S1sp({
        id: party.s1spId,
        clock: estate.clock,
        journal,
        signingKey: { privateKey: xml.privateKey, certificate: xml.certificate },
        dspCertificate: dsp.certificate,
        organisationCa: estate.smki.organisationCa,
        pool,
        describeParty,
      }),
    );
  }
  return new S1spDirectory(s1sps, routeByInventory(inventory));
}
