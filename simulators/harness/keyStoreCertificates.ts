import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage } from '../core/roles.ts';
import type { Estate } from '../estate/Estate.ts';
import type { CellUsage } from '../gbcs/index.ts';
import type { CertificateSource, DccRole } from '../smets2/index.ts';

/** A CertificateSource that can also say, before installing, whether it holds a certificate. */
export interface HeldCertificates extends CertificateSource {
  has(party: Eui, usage: KeyUsage, cellUsage?: CellUsage): boolean;
}

const WANTED: readonly (readonly [KeyUsage, CellUsage])[] = [
  ['DS', 'management'],
  ['KA', 'management'],
  ['KA', 'prePaymentTopUp'],
];

/**
 * Installation certificates from the estate's key store: the certificates the parties actually sign
 * and MAC with – the key store's choice where it holds several (DCC Boxed's Z1 and Z1b), as the DSP
 * chooses – so devices and S1SP slots hold what the parties' clients use, whatever the profile.
 * The root cell takes the estate's SMKI root. Looked up once, up front: installation is synchronous.
 */
export async function keyStoreCertificates(estate: Pick<Estate, 'keyStore' | 'parties' | 'smki'>): Promise<HeldCertificates> {
  const held = new Map<string, Buffer>();
  for (const party of estate.parties.parties) {
    for (const [usage, cellUsage] of WANTED) {
      const credential = await estate.keyStore.find(party.eui, usage, usage === 'KA' ? { cellUsage } : {});
      if (credential !== undefined) held.set(keyOf(party.eui, usage, cellUsage), Buffer.from(credential.certificate.raw));
    }
  }
  return {
    root: () => estate.smki.root.der,
    organisation(party: Eui, usage: KeyUsage, cellUsage: CellUsage): Buffer {
      const der = held.get(keyOf(party, usage, cellUsage));
      if (der === undefined) {
        const what = `a ${usage} certificate${usage === 'KA' ? ` for the ${cellUsage} cell` : ''} in the estate's key store`;
        throw new InvalidInputError(`certificate of ${describe(estate, party)}`, what, undefined);
      }
      return der;
    },
    dcc: (role: DccRole) => estate.parties.ofKind(role)[0]?.eui,
    has: (party, usage, cellUsage = 'management') => held.has(keyOf(party, usage, cellUsage)),
  };
}

function keyOf(party: Eui, usage: KeyUsage, cellUsage: CellUsage): string {
  return `${party.hex}/${usage}/${usage === 'DS' ? 'management' : cellUsage}`;
}

function describe(estate: Pick<Estate, 'parties'>, party: Eui): string {
  const found = estate.parties.byEui(party);
  return found === undefined ? party.toString() : `${found.name} (${party})`;
}
