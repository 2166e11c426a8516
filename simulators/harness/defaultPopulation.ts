import { Mpan } from '../core/Mpan.ts';
import { DCC_BOXED_DEVICES } from '../estate/dccBoxedParties.ts';
import { parsePopulation } from './parsePopulation.ts';
import type { Population, PopulationData } from './population.ts';

/** An MPAN with a valid check digit: the distributor ID, then the home number. */
function mpan(distributor: number, home: number): string {
  return Mpan.withCheckDigit(`${distributor}${String(home).padStart(10, '0')}`).value;
}

function mprn(home: number): string {
  return `74${String(home).padStart(8, '0')}`;
}

/**
 * The embedded default estate's homes: one of each wrong-NO story (domain.md; seeds 000–004) and
 * the right ones beside them. Device IDs derive from the home number (`homeDeviceId`).
 */
export const DEFAULT_POPULATION_DATA: PopulationData = {
  homes: [
    {
      name: 'Aurora Energy, London – dual fuel, NO cells correct',
      supplier: 'Aurora Energy',
      smets: 'SMETS2',
      region: 'South',
      mpan: mpan(12, 1),
      mprn: mprn(1),
      networkOperatorCells: 'registered',
    },
    {
      name: 'Borealis Power, Yorkshire – NO cells hold the supplier’s (the supplier must send 6.15.1)',
      supplier: 'Borealis Power',
      smets: 'SMETS2',
      region: 'North',
      mpan: mpan(23, 2),
      networkOperatorCells: 'supplier',
    },
    {
      name: 'Cirrus Energy, North East – NO cells hold Northern Powergrid (Yorkshire)’s: the wrong NO',
      supplier: 'Cirrus Energy',
      smets: 'SMETS2',
      region: 'North',
      mpan: mpan(15, 3),
      networkOperatorCells: 'Northern Powergrid (Yorkshire)',
    },
    {
      name: 'Aurora Energy, Eastern – NO cells hold the ACB’s (the supplier uses 6.21)',
      supplier: 'Aurora Energy',
      smets: 'SMETS2',
      region: 'Central',
      mpan: mpan(10, 4),
      networkOperatorCells: 'accessControlBroker',
    },
    {
      name: 'Dunlin Gas, Wales & West – gas only, GPF NO cells hold an electricity NO’s (seed 000)',
      supplier: 'Dunlin Gas',
      smets: 'SMETS2',
      region: 'South',
      mprn: mprn(5),
      gasTransporter: 'Wales & West Utilities',
      networkOperatorCells: 'UK Power Networks (London)',
    },
    {
      name: 'Borealis Power, London – SMETS1 at S1SP-A, slots correct',
      supplier: 'Borealis Power',
      smets: 'SMETS1',
      s1sp: 'S1SP-A',
      mpan: mpan(12, 6),
      networkOperatorCells: 'registered',
    },
    {
      name: 'Cirrus Energy, Merseyside – SMETS1 at S1SP-B, NO slots hold UK Power Networks (London)’s (MP107)',
      supplier: 'Cirrus Energy',
      smets: 'SMETS1',
      s1sp: 'S1SP-B',
      mpan: mpan(13, 7),
      networkOperatorCells: 'UK Power Networks (London)',
    },
  ],
};

/** A DCC Boxed device's ID by its type. */
function boxed(type: (typeof DCC_BOXED_DEVICES)[number]['type']): string {
  return DCC_BOXED_DEVICES.find((d) => d.type === type)!.eui.toString();
}

/**
 * The `dccboxed` profile's one home: DCC Boxed's four devices (RTDS) on MPAN 1312345678333 – whose
 * check digit is wrong, as in DCC's test data – supplied by DCC Boxed's supplier, whose certificates
 * also fill the NO cells. The MPRN, the CSP region and DCC Boxed's network operator as the gas
 * transporter are **[assumed]**: RTDS names none of them.
 */
export const DCC_BOXED_POPULATION_DATA: PopulationData = {
  validateCheckDigits: false,
  homes: [
    {
      name: 'DCC Boxed home (RTDS devices)',
      supplier: 'Supplier',
      smets: 'SMETS2',
      region: 'North',
      mpan: '1312345678333',
      mprn: '7412345678',
      gasTransporter: 'Network Operator',
      networkOperatorCells: 'supplier',
      devices: { ESME: boxed('ESME'), GSME: boxed('GSME'), CHF: boxed('CHF'), GPF: boxed('GPF') },
    },
  ],
};

export function defaultPopulation(): Population {
  return parsePopulation(DEFAULT_POPULATION_DATA, 'the default population');
}

export function dccBoxedPopulation(): Population {
  return parsePopulation(DCC_BOXED_POPULATION_DATA, 'the dccboxed population');
}
