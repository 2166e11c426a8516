import { Eui } from '../core/Eui.ts';
import type { SmetsVersion } from '../inventory/enumerations.ts';

/** The devices a home of the population can have. */
export type HomeDeviceType = 'CHF' | 'ESME' | 'GSME' | 'GPF';

export const HOME_DEVICE_TYPES: readonly HomeDeviceType[] = ['CHF', 'ESME', 'GSME', 'GPF'];

/** The last digit of a home's device IDs: 1 ESME, 2 GSME, 3 CHF, 4 GPF (as the smets2 tests number them). */
const TYPE_DIGIT: Readonly<Record<HomeDeviceType, number>> = { ESME: 1, GSME: 2, CHF: 3, GPF: 4 };

/** Home numbers run from 1 to this (six decimal digits of the device ID). */
export const MAX_HOME_NUMBER = 999_999;

/**
 * A home's device ID, derived from its number so a tester can read it: `00-DB-40-NN-NN-NN-00-0T`,
 * NNNNNN the home number in decimal digits and T the device type (1 ESME, 2 GSME, 3 CHF, 4 GPF).
 * Home 7's ESME is `00-DB-40-00-00-07-00-01`. The `40` echoes the default estate's party EUIs
 * (`90-B3-D5-1F-40-…`, decision 0002) and keeps clear of the RTDS devices `00-DB-12-34-…`.
 */
export function homeDeviceId(homeNumber: number, type: HomeDeviceType): Eui {
  if (!Number.isInteger(homeNumber) || homeNumber < 1 || homeNumber > MAX_HOME_NUMBER) {
    throw new RangeError(`homeDeviceId: home number ${homeNumber} is not from 1 to ${MAX_HOME_NUMBER}`);
  }
  return Eui.parse(`00DB40${String(homeNumber).padStart(6, '0')}000${TYPE_DIGIT[type]}`);
}

/**
 * Which devices a home has: SMETS2 – a CHF, an ESME for an MPAN, a GSME and a GPF for an MPRN;
 * SMETS1 – an ESME for an MPAN and a GSME for an MPRN (reached through the S1SP, no hub modelled).
 */
export function deviceTypesOf(smets: SmetsVersion, fuels: { mpan: boolean; mprn: boolean }): HomeDeviceType[] {
  const types: HomeDeviceType[] = [];
  if (smets === 'SMETS2') types.push('CHF');
  if (fuels.mpan) types.push('ESME');
  if (fuels.mprn) types.push('GSME');
  if (fuels.mprn && smets === 'SMETS2') types.push('GPF');
  return types;
}
