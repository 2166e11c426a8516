import { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { SmartMeteringInventory } from './SmartMeteringInventory.ts';

/** RTDS device IDs: ESME, GSME, CHF, GPF of one SMETS2 premises. */
export const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
export const GSME = Eui.parse('00-DB-12-34-56-78-90-A1');
export const CHF = Eui.parse('00-DB-12-34-56-78-90-A2');
export const GPF = Eui.parse('00-DB-12-34-56-78-90-A3');
export const PPMID = Eui.parse('00-DB-12-34-56-78-90-A4');
export const S1_ESME = Eui.parse('00-DB-12-34-56-78-91-00');
export const UNKNOWN = Eui.parse('00-DB-FF-FF-FF-FF-FF-FF');

export const MPAN = Mpan.parse('1200000000011');
export const MPAN_2 = Mpan.parse('1300000000007');
export const MPRN = Mprn.parse('7412345678');

/** One commissioned SMETS2 premises (CHF North, ESME, GSME, GPF) and one SMETS1 ESME. */
export function premises(): SmartMeteringInventory {
  const inventory = new SmartMeteringInventory();
  inventory.addAll([
    {
      deviceId: ESME,
      deviceType: 'ESME',
      status: 'Commissioned',
      importMpxn: MPAN,
      chfId: CHF,
      esmeVariant: 'A',
    },
    {
      deviceId: CHF,
      deviceType: 'CHF',
      status: 'Commissioned',
      cspRegion: 'North',
      smetsChtsVersion: 'CHTSv1.2',
    },
    { deviceId: GSME, deviceType: 'GSME', status: 'Commissioned', importMpxn: MPRN, chfId: CHF },
    { deviceId: GPF, deviceType: 'GPF', status: 'Commissioned', chfId: CHF },
    {
      deviceId: S1_ESME,
      deviceType: 'ESME',
      status: 'Commissioned',
      smetsVersion: 'SMETS1',
      s1spId: 'S1SP-A',
      importMpxn: MPAN_2,
    },
  ]);
  return inventory;
}
