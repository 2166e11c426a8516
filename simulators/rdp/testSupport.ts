import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { DEFAULT_PARTIES } from '../estate/defaultParties.ts';
import { PartyDirectory } from '../estate/PartyDirectory.ts';
import { RegistrationStore } from './RegistrationStore.ts';

/** Parties of the default estate used in the RDP tests. */
export const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00'); // IS and GS
export const BOREALIS = Eui.parse('90-B3-D5-1F-40-01-02-00'); // IS
export const CIRRUS = Eui.parse('90-B3-D5-1F-40-01-03-00'); // IS
export const DUNLIN = Eui.parse('90-B3-D5-1F-40-03-01-00'); // GS
export const NO_12 = Eui.parse('90-B3-D5-1F-40-02-12-00'); // UKPN London, distributor 12
export const NO_13 = Eui.parse('90-B3-D5-1F-40-02-13-00'); // SPEN Merseyside & N Wales
export const NO_23 = Eui.parse('90-B3-D5-1F-40-02-23-00'); // NPg Yorkshire
export const CADENT = Eui.parse('90-B3-D5-1F-40-04-01-00'); // GT
export const SGN = Eui.parse('90-B3-D5-1F-40-04-03-00'); // GT

export const MPAN_12 = Mpan.parse('1200000000011');
export const MPAN_13 = Mpan.parse('1300000000007');
export const MPRN = Mprn.parse('7412345678');

/** `2026-01-01` → midnight UTC. */
export function d(text: string): Date {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
}

export const parties = new PartyDirectory(DEFAULT_PARTIES);

export function newStore(now = '2026-01-01T00:00:00Z'): { store: RegistrationStore; clock: SimulatedClock } {
  const clock = new SimulatedClock(now);
  return { store: new RegistrationStore({ parties, clock }), clock };
}
