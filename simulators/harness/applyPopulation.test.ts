import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import type { CellName } from '../smets2/index.ts';
import { applyPopulation } from './applyPopulation.ts';
import { Harness } from './Harness.ts';
import { type HomeDeviceType, homeDeviceId } from './homeDevices.ts';
import { parsePopulation } from './parsePopulation.ts';
import type { HomeData } from './population.ts';

describe('applyPopulation: the default population installed', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(() => h?.close());

  const party = (name: string) => h.estate.parties.byName(name);
  const device = (home: number, type: HomeDeviceType) => h.fleet.device(homeDeviceId(home, type));
  /** The Entity ID (EUI) of the certificate in a cell, or undefined when empty or absent. */
  const holder = (home: number, type: HomeDeviceType, cell: CellName) => device(home, type).cell(cell)?.entityId.toString();

  it('puts every SMETS2 device in the inventory, Commissioned, on its CHF with the home’s CSP region', () => {
    const esme = h.inventory.require(homeDeviceId(1, 'ESME'));
    expect(esme).to.deep.include({ status: 'Commissioned', smetsVersion: 'SMETS2' });
    expect(esme.chfId?.equals(homeDeviceId(1, 'CHF'))).to.equal(true);
    expect(h.inventory.cspRegionOf(homeDeviceId(1, 'GPF'))).to.equal('South');
    expect(h.inventory.cspRegionOf(homeDeviceId(3, 'ESME'))).to.equal('North');
    expect(h.inventory.cspRegionOf(homeDeviceId(4, 'ESME'))).to.equal('Central');
    expect(h.fleet.size).to.equal(13);
  });

  it('registers the supplier for the MPAN and the MPRN, and Cadent (or the home’s GT) for the MPRN', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const home1 = h.inventory.require(homeDeviceId(1, 'GSME')).importMpxn!;
    expect(h.registrations.supplierAt(home1, at)?.equals(party('Aurora Energy').eui)).to.equal(true);
    expect(h.registrations.partyAt(home1, 'gasTransporter', at)?.equals(party('Cadent Gas').eui)).to.equal(true);
    const home5 = h.inventory.require(homeDeviceId(5, 'GSME')).importMpxn!;
    expect(h.registrations.partyAt(home5, 'gasTransporter', at)?.equals(party('Wales & West Utilities').eui)).to.equal(true);
    const home7 = h.inventory.require(homeDeviceId(7, 'ESME')).importMpxn!;
    expect(h.registrations.partyAt(home7, 'networkOperator', at)?.equals(party('SP Energy Networks (Merseyside & N Wales)').eui)).to.equal(true);
  });

  it('fills the NO cells as each home says: registered, supplier, a wrong NO, the ACB', () => {
    expect(holder(1, 'ESME', 'networkOperatorDS')).to.equal(party('UK Power Networks (London)').eui.toString());
    expect(holder(1, 'GPF', 'networkOperatorKA')).to.equal(party('Cadent Gas').eui.toString());
    expect(holder(2, 'ESME', 'networkOperatorDS')).to.equal(party('Borealis Power').eui.toString());
    expect(holder(3, 'ESME', 'networkOperatorKA')).to.equal(party('Northern Powergrid (Yorkshire)').eui.toString());
    expect(holder(4, 'ESME', 'networkOperatorDS')).to.equal(party('DCC Access Control Broker').eui.toString());
    expect(holder(5, 'GPF', 'networkOperatorDS')).to.equal(party('UK Power Networks (London)').eui.toString());
    expect(device(5, 'GSME').cells().map((c) => c.name)).to.not.include('networkOperatorDS');
    expect(holder(1, 'GSME', 'supplierDS')).to.equal(party('Aurora Energy').eui.toString());
    expect(holder(1, 'CHF', 'accessControlBrokerKA')).to.equal(party('DCC Access Control Broker').eui.toString());
  });

  it('holds in the cells exactly the certificates the parties sign with (the key store’s)', async () => {
    const ds = await h.estate.keyStore.lookup(party('Northern Powergrid (Yorkshire)').eui, 'DS');
    expect(device(3, 'ESME').cell('networkOperatorDS')?.der.equals(Buffer.from(ds.certificate.raw))).to.equal(true);
  });

  it('publishes each installed device’s DS and KA certificates in the SMKI repository', () => {
    const entries = h.estate.smkiRepository.bySubjectAltName(homeDeviceId(2, 'ESME'));
    expect(entries.map((e) => e.usage).sort()).to.deep.equal(['DS', 'KA']);
    expect(entries[0]!.der.equals(device(2, 'ESME').deviceCertificate(entries[0]!.usage))).to.equal(true);
  });

  it('enrols the SMETS1 meters at their S1SP, NO slots as the home says', () => {
    const right = h.s1sps.get('S1SP-A').slots(homeDeviceId(6, 'ESME'));
    expect(right.networkOperatorDS?.owner.toString()).to.equal(party('UK Power Networks (London)').eui.toString());
    expect(right.supplierKA?.owner.toString()).to.equal(party('Borealis Power').eui.toString());
    const wrong = h.s1sps.get('S1SP-B').slots(homeDeviceId(7, 'ESME'));
    expect(wrong.networkOperatorKA?.owner.toString()).to.equal(party('UK Power Networks (London)').eui.toString());
    expect(h.inventory.require(homeDeviceId(7, 'ESME'))).to.deep.include({ smetsVersion: 'SMETS1', s1spId: 'S1SP-B' });
    expect(h.fleet.find(homeDeviceId(7, 'ESME'))).to.equal(undefined);
  });
});

describe('applyPopulation: refusals name the home and change nothing', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start({ population: 'none' });
  });
  after(() => h?.close());

  const base: HomeData = { name: 'x', supplier: 'Aurora Energy', smets: 'SMETS2', region: 'North', mpan: '1200000000011' };
  for (const [what, home, path] of [
    ['an unknown supplier', { ...base, supplier: 'Zephyr' }, 'homes[1].supplier'],
    ['a supplier without the gas supplier role for an MPRN', { ...base, supplier: 'Borealis Power', mprn: '7400000009' }, 'homes[1].supplier'],
    ['an unknown S1SP', { ...base, smets: 'SMETS1', region: undefined, s1sp: 'S1SP-Z' }, 'homes[1].s1sp'],
    ['NO cells from a party without a KA certificate', { ...base, networkOperatorCells: 'DCC Recovery' }, 'homes[1].networkOperatorCells'],
    ['a network operator override that is not a network operator', { ...base, networkOperator: 'Cadent Gas' }, 'homes[1].networkOperator'],
  ] as const) {
    it(`refuses ${what} (${path})`, async () => {
      const population = parsePopulation({ homes: [{ ...base, number: 900 }, { ...home, number: 901 }] }, 'test');
      const before = { inventory: h.inventory.version, registrations: h.registrations.version, fleet: h.fleet.size };
      let error: unknown;
      await applyPopulation(h, population).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as Error).message).to.match(new RegExp(`^${path.replace(/[[\]]/g, '\\$&')}: expected`));
      expect({ inventory: h.inventory.version, registrations: h.registrations.version, fleet: h.fleet.size }).to.deep.equal(before);
    });
  }

  it('refuses a registration that clashes with Registration Data, at its home, changing nothing', async () => {
    const population = parsePopulation({ homes: [{ ...base, number: 910, mpan: '1200000000067' }] }, 'test');
    const mpan = population.homes[0]!.mpan!;
    h.registrations.registerSupplier(mpan, h.estate.parties.byName('Borealis Power').eui, new Date('2024-01-01'));
    const before = { inventory: h.inventory.version, registrations: h.registrations.version, fleet: h.fleet.size };
    let error: unknown;
    await applyPopulation(h, population).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.match(/^homes\[0\] \(supplier registration of MPAN 1200000000067\): expected/);
    expect({ inventory: h.inventory.version, registrations: h.registrations.version, fleet: h.fleet.size }).to.deep.equal(before);
  });

  it('refuses devices already in the estate', async () => {
    const population = parsePopulation({ homes: [base] }, 'test');
    await applyPopulation(h, population);
    let error: unknown;
    await applyPopulation(h, population).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.match(/^homes\[0\]\.devices: expected device IDs not yet in the estate/);
  });
});
