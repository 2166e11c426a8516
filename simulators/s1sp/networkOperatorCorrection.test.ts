import { beforeEach, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import { UnknownDeviceError } from '../inventory/inventoryErrors.ts';
import { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import { type Mpxn, RegistrationStore } from '../rdp/index.ts';
import { certificatesFromKeyStore } from './certificatesFromKeyStore.ts';
import type { CertificatesOf } from './networkOperatorSlots.ts';
import { routeByInventory, S1spDirectory } from './S1spDirectory.ts';
import { s1spGateway } from './s1spGateway.ts';
import type { S1spOutcome } from './S1spOutcome.ts';
import { AURORA, CADENT, device, mpan12, mprn, NO_A, NO_B, type S1spWorld, s1spWorld, SGN } from './testSupport.ts';

const T0 = new Date('2026-01-01T00:00:00Z');
let world: S1spWorld;
let directory: S1spDirectory;
let certificatesOf: CertificatesOf;
let registrations: RegistrationStore;

interface Fixture {
  readonly n: number;
  readonly s1sp: string;
  readonly type: 'ESME' | 'GSME';
  readonly mpxn: Mpxn;
  readonly ds: Eui;
  readonly ka: Eui;
}

// NO-A is registered for MPANs starting 12 by the distributor rule, NO-B for 13; Cadent for the MPRNs.
const FIXTURES: readonly Fixture[] = [
  { n: 1, s1sp: 'S1SP-A', type: 'ESME', mpxn: mpan12(1), ds: NO_B, ka: NO_B }, // wrong
  { n: 2, s1sp: 'S1SP-A', type: 'ESME', mpxn: mpan12(2), ds: NO_A, ka: NO_A }, // right
  { n: 3, s1sp: 'S1SP-A', type: 'GSME', mpxn: mprn(3), ds: SGN, ka: SGN }, // wrong GT
  { n: 4, s1sp: 'S1SP-B', type: 'ESME', mpxn: mpan12(4), ds: NO_A, ka: NO_A }, // right
  { n: 5, s1sp: 'S1SP-B', type: 'ESME', mpxn: Mpan.withCheckDigit('130000000005'), ds: NO_B, ka: NO_B }, // right (13)
  { n: 6, s1sp: 'S1SP-B', type: 'ESME', mpxn: mpan12(6), ds: NO_B, ka: NO_B }, // right: NO-B registered by override
  { n: 7, s1sp: 'S1SP-B', type: 'ESME', mpxn: mpan12(7), ds: NO_B, ka: NO_A }, // DS wrong, KA right
  { n: 8, s1sp: 'S1SP-B', type: 'GSME', mpxn: mprn(8), ds: CADENT, ka: CADENT }, // right
];

function noOwners(): string[] {
  return FIXTURES.map((f) => {
    const slots = directory.route(device(f.n)).slots(device(f.n));
    return `${f.n}:${slots.networkOperatorDS?.owner}/${slots.networkOperatorKA?.owner}/${slots.supplierDS?.owner}`;
  });
}

function slotEntries(): number {
  return world.journal.entries({ where: (e) => e.kind === 'slot-replacement' }).length;
}

beforeEach(async () => {
  world ??= await s1spWorld();
  const inventory = new SmartMeteringInventory();
  inventory.addAll(
    FIXTURES.map((f) => ({
      deviceId: device(f.n),
      deviceType: f.type,
      status: 'Commissioned' as const,
      smetsVersion: 'SMETS1' as const,
      s1spId: f.s1sp,
      importMpxn: f.mpxn,
    })),
  );
  directory = new S1spDirectory(['S1SP-A', 'S1SP-B', 'S1SP-C'].map((id) => world.newS1sp(id)), routeByInventory(inventory));
  for (const f of FIXTURES) {
    directory.enrol(
      { deviceId: device(f.n), deviceType: f.type, mpxn: f.mpxn },
      {
        ...(await world.supplierSlots(AURORA)),
        networkOperatorDS: await world.cert(f.ds, 'DS'),
        networkOperatorKA: await world.cert(f.ka, 'KA'),
      },
    );
  }
  certificatesOf = await certificatesFromKeyStore(world.estate.keyStore, [NO_A, NO_B, CADENT, SGN]);
});

describe('S1spDirectory', () => {
  it('routes by the inventory: each device is at the S1SP the inventory names', () => {
    expect(directory.route(device(1)).id).to.equal('S1SP-A');
    expect(directory.route(device(7)).id).to.equal('S1SP-B');
    expect(directory.get('S1SP-C').deviceCount).to.equal(0);
    expect(() => directory.route(device(99))).to.throw(UnknownDeviceError, /no S1SP serves it/);
  });

  it("answers the DSP's S1spGateway port: the S1SP's signed response and the DUIS code", async () => {
    const seen: S1spOutcome[] = [];
    const gateway = s1spGateway(directory, (o) => seen.push(o));
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const countersigned = world.update(NO_A, device(1), 'NetworkOperator', certs).xml;
    const answer = await gateway.send({ deviceId: device(1), s1spId: 'S1SP-A', countersigned, userRole: 'ED' });
    expect(answer.kind === 'smets1Response' && answer.responseCode).to.equal('I0');
    expect(answer.kind === 'smets1Response' && answer.signedResponse).to.contain('<sr:SMETS1SignedResponse');
    expect(answer.kind === 'smets1Response' && answer.reason).to.contain('does not own the certificate');
    expect(seen.map((o) => o.ok || o.code)).to.deep.equal(['not-certificate-owner']);
    const lost = await gateway.send({ deviceId: device(1), s1spId: 'S1SP-X', countersigned });
    expect(lost.kind).to.equal('unreachable');
  });
});

describe('MP107 Requirement 2: the corrective job across S1SPs', () => {
  beforeEach(() => {
    registrations = new RegistrationStore({ parties: world.estate.parties, clock: world.clock });
    registrations.registerNetworkOperator(mpan12(6), NO_B, new Date('2025-01-01T00:00:00Z'));
    registrations.registerGasTransporter(mprn(3), CADENT, new Date('2025-01-01T00:00:00Z'));
    registrations.registerGasTransporter(mprn(8), CADENT, new Date('2025-01-01T00:00:00Z'));
  });

  it('finds exactly the devices whose NO slots hold a certificate the registered party does not own', () => {
    const found = directory.findMismatchedNetworkOperatorSlots(registrations, T0);
    expect(found.map((m) => [m.s1sp, m.deviceId.toString(), m.registered?.toString(), m.slots.map((s) => s.slot)])).to.deep.equal([
      ['S1SP-A', device(1).toString(), NO_A.toString(), ['networkOperatorDS', 'networkOperatorKA']],
      ['S1SP-A', device(3).toString(), CADENT.toString(), ['networkOperatorDS', 'networkOperatorKA']],
      ['S1SP-B', device(7).toString(), NO_A.toString(), ['networkOperatorDS']],
    ]);
  });

  it('dry run: reports what it would replace and changes nothing', () => {
    const before = noOwners();
    const entries = slotEntries();
    const found = directory.findMismatchedNetworkOperatorSlots(registrations, T0);
    const reports = directory.correctNetworkOperatorSlots(found, certificatesOf, { apply: false });
    expect(reports.map((r) => [r.s1sp, r.apply, r.checked, r.mismatched, r.corrected, r.changes.length, r.failures.length])).to.deep.equal([
      ['S1SP-A', false, 2, 2, 0, 4, 0],
      ['S1SP-B', false, 1, 1, 0, 1, 0],
      ['S1SP-C', false, 0, 0, 0, 0, 0],
    ]);
    expect(reports[1]!.changes.map((c) => [c.slot, c.before?.owner.toString(), c.after.owner.toString()])).to.deep.equal([
      ['networkOperatorDS', NO_B.toString(), NO_A.toString()],
    ]);
    expect(noOwners()).to.deep.equal(before);
    expect(slotEntries()).to.equal(entries);
  });

  it('apply: replaces only the mismatched slots, journals each replacement, and leaves nothing to find', () => {
    const before = noOwners();
    const entries = slotEntries();
    const found = directory.findMismatchedNetworkOperatorSlots(registrations, T0);
    const reports = directory.correctNetworkOperatorSlots(found, certificatesOf, { apply: true });
    expect(reports.map((r) => [r.s1sp, r.corrected, r.changes.length])).to.deep.equal([
      ['S1SP-A', 2, 4],
      ['S1SP-B', 1, 1],
      ['S1SP-C', 0, 0],
    ]);
    const after = noOwners();
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).to.deep.equal([
      `1:${NO_A}/${NO_A}/${AURORA}`,
      `3:${CADENT}/${CADENT}/${AURORA}`,
      `7:${NO_A}/${NO_A}/${AURORA}`,
    ]);
    const journalled = world.journal.entries({ afterSeq: 0, where: (e) => e.kind === 'slot-replacement' }).slice(entries);
    expect(journalled).to.have.length(5);
    expect(journalled[0]!.summary).to.match(/^MP107 R2 correction: network operator DS slot of 00-DB-12-34-56-78-00-01: 90-B3-D5-1F-40-02-13-00/);
    expect(directory.findMismatchedNetworkOperatorSlots(registrations, T0)).to.deep.equal([]);
    // A second run finds the devices already right: nothing mismatched, nothing changed.
    const again = directory.correctNetworkOperatorSlots(found, certificatesOf, { apply: true });
    expect(again.map((r) => [r.mismatched, r.corrected])).to.deep.equal([[0, 0], [0, 0], [0, 0]]);
  });

  it('reports a failure, and changes nothing for that device, when the registered party has no certificates', () => {
    const found = directory.findMismatchedNetworkOperatorSlots(registrations, T0);
    const onlyNoA: CertificatesOf = (party) => (party.equals(NO_A) ? certificatesOf(party) : undefined);
    const [a] = directory.correctNetworkOperatorSlots(found, onlyNoA, { apply: true });
    expect(a!.corrected).to.equal(1);
    expect(a!.failures.map((f) => [f.deviceId.toString(), f.code])).to.deep.equal([[device(3).toString(), 'no-certificates']]);
    expect(directory.route(device(3)).slots(device(3)).networkOperatorDS?.owner.toString()).to.equal(SGN.toString());
  });

  it('refuses certificates of the wrong role for the NO slots', () => {
    const found = directory.findMismatchedNetworkOperatorSlots(registrations, T0);
    const supplierKa = directory.route(device(1)).slots(device(1)).supplierKA!.der;
    const withSupplierKa: CertificatesOf = (party) => ({ ds: certificatesOf(party)!.ds, ka: supplierKa });
    const [a] = directory.correctNetworkOperatorSlots(found, withSupplierKa, { apply: true });
    expect(a!.corrected).to.equal(0);
    expect(a!.failures.map((f) => f.code)).to.deep.equal(['bad-certificate', 'bad-certificate']);
  });
});
