import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidFileError } from '../core/errors.ts';
import { DCC_BOXED_POPULATION_DATA, DEFAULT_POPULATION_DATA, defaultPopulation } from './defaultPopulation.ts';
import { deviceTypesOf, homeDeviceId } from './homeDevices.ts';
import { parsePopulation } from './parsePopulation.ts';
import type { HomeData } from './population.ts';

const home: HomeData = { name: 'test', supplier: 'Aurora Energy', smets: 'SMETS2', region: 'North', mpan: '1200000000011' };

function refusal(data: unknown): string {
  try {
    parsePopulation(data, 'estate.yaml');
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidFileError);
    return (error as Error).message;
  }
  throw new Error('expected the population to be refused');
}

describe('home device IDs', () => {
  it('derive from the home number, readable in decimal: 00-DB-40-NN-NN-NN-00-0T', () => {
    expect(homeDeviceId(7, 'ESME').toString()).to.equal('00-DB-40-00-00-07-00-01');
    expect(homeDeviceId(123456, 'GPF').toString()).to.equal('00-DB-40-12-34-56-00-04');
    expect(() => homeDeviceId(0, 'CHF')).to.throw(RangeError);
  });

  it('a SMETS2 home has a CHF, an ESME for an MPAN, a GSME and GPF for an MPRN; SMETS1 meters only', () => {
    expect(deviceTypesOf('SMETS2', { mpan: true, mprn: true })).to.deep.equal(['CHF', 'ESME', 'GSME', 'GPF']);
    expect(deviceTypesOf('SMETS2', { mpan: false, mprn: true })).to.deep.equal(['CHF', 'GSME', 'GPF']);
    expect(deviceTypesOf('SMETS1', { mpan: true, mprn: true })).to.deep.equal(['ESME', 'GSME']);
  });
});

describe('parsePopulation', () => {
  it('reads the default population: seven homes, numbered 1–7, MPANs with valid check digits', () => {
    const population = defaultPopulation();
    expect(population.homes).to.have.length(7);
    expect(population.homes.map((h) => h.number)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(population.homes.every((h) => h.mpan === undefined || h.mpan.hasValidCheckDigit)).to.equal(true);
    expect(population.homes.map((h) => h.mpan?.distributorId)).to.deep.equal([12, 23, 15, 10, undefined, 12, 13]);
    expect(population.registeredFrom.toISOString()).to.equal('2025-01-01T00:00:00.000Z');
    const first = population.homes[0]!;
    expect(Object.keys(first.devices)).to.deep.equal(['CHF', 'ESME', 'GSME', 'GPF']);
    expect(first.devices.ESME!.equals(homeDeviceId(1, 'ESME'))).to.equal(true);
    expect(population.homes[6]).to.deep.include({ smets: 'SMETS1', s1sp: 'S1SP-B', networkOperatorCells: 'UK Power Networks (London)' });
  });

  it('takes the DCC Boxed devices as given and the RTDS MPAN whose check digit is wrong', () => {
    const population = parsePopulation(DCC_BOXED_POPULATION_DATA, 'dccboxed');
    const only = population.homes[0]!;
    expect(only.mpan?.value).to.equal('1312345678333');
    expect(only.devices.GPF?.toString()).to.equal('00-DB-12-34-56-78-90-A3');
  });

  it('names the file and the path of what is wrong', () => {
    const message = refusal({ homes: [home, home, { ...home, mpan: '1200000000012' }] });
    expect(message).to.match(/^estate\.yaml at homes\[2\]\.mpan: expected an MPAN core whose last digit is the check digit 1/);
  });

  for (const [what, data, path] of [
    ['no list of homes', { homes: {} }, 'homes'],
    ['an unknown field (a typo)', { homes: [{ ...home, suplier: 'x' }] }, 'homes[0].suplier'],
    ['an unknown top-level field', { homes: [], population: [] }, 'population'],
    ['neither MPAN nor MPRN', { homes: [{ ...home, mpan: undefined }] }, 'homes[0].mpan'],
    ['a SMETS2 home without a region', { homes: [{ ...home, region: undefined }] }, 'homes[0].region'],
    ['a SMETS2 home with an S1SP', { homes: [{ ...home, s1sp: 'S1SP-A' }] }, 'homes[0].s1sp'],
    ['a SMETS1 home without an S1SP', { homes: [{ ...home, smets: 'SMETS1', region: undefined }] }, 'homes[0].s1sp'],
    ['a SMETS1 home whose NO slots would hold the supplier’s', { homes: [{ ...home, smets: 'SMETS1', region: undefined, s1sp: 'S1SP-A', networkOperatorCells: 'supplier' }] }, 'homes[0].networkOperatorCells'],
    ['a device type the home has not got', { homes: [{ ...home, devices: { GSME: '00DB000000000001' } }] }, 'homes[0].devices'],
    ['a device ID that is not an EUI', { homes: [{ ...home, devices: { ESME: 'meter' } }] }, 'homes[0].devices.ESME'],
    ['two homes with one number', { homes: [{ ...home, number: 4 }, { ...home, number: 4 }] }, 'homes[1].number'],
    ['a device ID used twice', { homes: [home, { ...home, number: 2, devices: { ESME: homeDeviceId(1, 'ESME').toString() } }] }, 'homes[1].devices.ESME'],
    ['a gas transporter for a home without gas', { homes: [{ ...home, gasTransporter: 'SGN' }] }, 'homes[0].gasTransporter'],
    ['an MPRN that is not one', { homes: [{ ...home, mprn: '74-1' }] }, 'homes[0].mprn'],
    ['a bad registration date', { homes: [], registeredFrom: 'soon' }, 'registeredFrom'],
  ] as const) {
    it(`refuses ${what}, at ${path}`, () => {
      expect(refusal(data)).to.contain(`at ${path}: expected`);
    });
  }

  it('is the data the default population is written as (a plain object, ready for YAML or JSON)', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_POPULATION_DATA))).to.deep.equal(DEFAULT_POPULATION_DATA);
  });
});
