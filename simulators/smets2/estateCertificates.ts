import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage } from '../core/roles.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import type { CellUsage } from '../gbcs/index.ts';
import type { Smki } from '../smki/index.ts';
import type { CertificateSource, DccRole } from './installation.ts';

/**
 * Installation certificates from an estate: the SMKI root for the root cell, and each party's
 * organisation certificates issued exactly as the estate issues them (same seed, same call), so a
 * device's cells hold the certificates the parties' key store has. Issued once per party and usage.
 */
export function estateCertificateSource(estate: {
  readonly smki: Smki;
  readonly parties: PartyDirectory;
}): CertificateSource {
  const issued = new Map<string, Buffer>();
  return {
    root: () => estate.smki.root.der,
    organisation(eui: Eui, usage: KeyUsage, cellUsage: CellUsage): Buffer {
      const key = `${eui.hex}/${usage}/${cellUsage}`;
      let der = issued.get(key);
      if (der === undefined) {
        const party = estate.parties.byEui(eui);
        if (party === undefined)
          throw new InvalidInputError('party', "one of the estate's parties", eui.toString());
        der = estate.smki.issueOrganisationCertificate({
          eui,
          role: party.remotePartyRole,
          usage,
          cellUsage,
        }).der;
        issued.set(key, der);
      }
      return der;
    },
    dcc: (role: DccRole) => estate.parties.ofKind(role)[0]?.eui,
  };
}
