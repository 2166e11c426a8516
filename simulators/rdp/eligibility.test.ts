import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import type { UserRole } from '../core/roles.ts';
import {
  AURORA,
  BOREALIS,
  CADENT,
  DUNLIN,
  d,
  MPAN_12,
  MPAN_13,
  MPRN,
  NO_12,
  NO_13,
  NO_23,
  newStore,
  SGN,
} from './testSupport.ts';

/** Aurora supplies MPAN_12 until 2026-02-01, Borealis from then; NO_23 overrides NO_13 on MPAN_13 from 2026-03-01. */
function estate() {
  const { store, clock } = newStore('2026-01-15T12:00:00Z');
  store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
  store.changeOfSupplier(MPAN_12, BOREALIS, d('2026-02-01'));
  store.registerNetworkOperator(MPAN_13, NO_23, d('2026-03-01'));
  store.registerSupplier(MPRN, DUNLIN, d('2025-01-01'));
  store.registerGasTransporter(MPRN, CADENT, d('2025-01-01'));
  return { store, clock };
}

describe('isEligibleUser (SRPD 6.1)', () => {
  it('checks the registered supplier at an execution time', () => {
    const { store } = estate();
    expect(store.isEligibleUser(AURORA, 'IS', MPAN_12, d('2026-01-31T23:59:59Z'))).to.include({
      eligible: true,
    });
    const after = store.isEligibleUser(AURORA, 'IS', MPAN_12, d('2026-02-01'));
    expect(after.eligible).to.equal(false);
    expect(after.registered?.equals(BOREALIS)).to.equal(true);
    expect(after.reason).to.equal(
      '90-B3-D5-1F-40-01-01-00 (Aurora Energy) is not the registered supplier for MPAN 1200000000011 on 2026-02-01; the registered one is 90-B3-D5-1F-40-01-02-00 (Borealis Power)',
    );
  });

  it('is "is or will be": a future registration makes the User eligible at a future execution time', () => {
    const { store } = estate();
    expect(store.isEligibleUser(BOREALIS, 'IS', MPAN_12, d('2026-06-01')).eligible).to.equal(true);
  });

  it('uses the clock when neither a range nor an execution time is given', () => {
    const { store, clock } = estate();
    expect(store.isEligibleUser(AURORA, 'IS', MPAN_12).eligible).to.equal(true);
    clock.set('2026-02-01T00:00:00Z');
    expect(store.isEligibleUser(AURORA, 'IS', MPAN_12).eligible).to.equal(false);
    expect(store.isEligibleUser(BOREALIS, 'IS', MPAN_12).eligible).to.equal(true);
  });

  it('refuses a range that spans a change of supplier, for either supplier, naming when it changes', () => {
    const { store } = estate();
    const range = { from: d('2026-01-01'), to: d('2026-03-01') };
    const old = store.isEligibleUser(AURORA, 'IS', MPAN_12, range);
    expect(old.eligible).to.equal(false);
    expect(old.reason).to.equal(
      '90-B3-D5-1F-40-01-01-00 (Aurora Energy) is not the registered supplier for MPAN 1200000000011 for all times from 2026-01-01 to 2026-03-01; from 2026-02-01 the registered one is 90-B3-D5-1F-40-01-02-00 (Borealis Power)',
    );
    const next = store.isEligibleUser(BOREALIS, 'IS', MPAN_12, range);
    expect(next.eligible).to.equal(false);
    expect(next.reason).to.match(/; from 2026-01-01 the registered one is .*Aurora Energy/);
  });

  it('includes both ends of a range: a period ending (exclusive) at the last instant does not cover it', () => {
    const { store } = estate();
    expect(
      store.isEligibleUser(AURORA, 'IS', MPAN_12, { from: d('2026-01-01'), to: d('2026-01-31T23:59:59Z') })
        .eligible,
    ).to.equal(true);
    expect(
      store.isEligibleUser(AURORA, 'IS', MPAN_12, { from: d('2026-01-01'), to: d('2026-02-01') }).eligible,
    ).to.equal(false);
    expect(
      store.isEligibleUser(BOREALIS, 'IS', MPAN_12, { from: d('2026-02-01'), to: d('2027-01-01') }),
    ).to.include({
      eligible: true,
      reason:
        '90-B3-D5-1F-40-01-02-00 (Borealis Power) is the registered supplier for MPAN 1200000000011 for all times from 2026-02-01 to 2027-01-01',
    });
  });

  it('reports a gap in the range where nobody is registered', () => {
    const { store } = newStore();
    store.registerSupplier(MPAN_13, AURORA, d('2026-01-01'), d('2026-02-01'));
    store.registerSupplier(MPAN_13, AURORA, d('2026-03-01'));
    const v = store.isEligibleUser(AURORA, 'IS', MPAN_13, { from: d('2026-01-15'), to: d('2026-03-15') });
    expect(v.eligible).to.equal(false);
    expect(v.reason).to.match(/; from 2026-02-01 no supplier is registered$/);
    expect(store.isEligibleUser(AURORA, 'IS', MPAN_12, d('2026-01-15')).reason).to.match(
      /on 2026-01-15; no supplier is registered then$/,
    );
  });

  it('checks the network operator: default by distributor ID, then the override', () => {
    const { store } = estate();
    expect(store.isEligibleUser(NO_13, 'ED', MPAN_13, d('2026-02-01'))).to.include({
      eligible: true,
      reason:
        '90-B3-D5-1F-40-02-13-00 (SP Energy Networks (Merseyside & N Wales)) is the registered network operator for MPAN 1300000000007 on 2026-02-01 (the default for distributor 13)',
    });
    const wrong = store.isEligibleUser(NO_13, 'ED', MPAN_13, d('2026-03-01'));
    expect(wrong.reason).to.equal(
      '90-B3-D5-1F-40-02-13-00 (SP Energy Networks (Merseyside & N Wales)) is not the registered network operator for MPAN 1300000000007 on 2026-03-01; the registered one is 90-B3-D5-1F-40-02-23-00 (Northern Powergrid (Yorkshire))',
    );
    expect(
      store.isEligibleUser(NO_23, 'ED', MPAN_13, { from: d('2026-01-01'), to: d('2026-04-01') }).reason,
    ).to.match(
      /from 2026-01-01 the registered one is .*SP Energy Networks.* \(the default for distributor 13\)$/,
    );
    expect(store.isEligibleUser(NO_12, 'ED', MPAN_13, d('2026-01-01')).eligible).to.equal(false);
  });

  it('checks the gas supplier (GS) and gas transporter (GT) of an MPRN', () => {
    const { store } = estate();
    expect(store.isEligibleUser(DUNLIN, 'GS', MPRN, d('2026-01-01')).eligible).to.equal(true);
    expect(store.isEligibleUser(CADENT, 'GT', MPRN, d('2026-01-01')).eligible).to.equal(true);
    expect(store.isEligibleUser(SGN, 'GT', MPRN, d('2026-01-01')).eligible).to.equal(false);
  });

  const mismatches: [string, UserRole, RegExp][] = [
    [
      'IS on an MPRN',
      'IS',
      /IS applies to electricity meter points and MPRN 7412345678 is a gas meter point/,
    ],
    ['ED on an MPRN', 'ED', /ED applies to electricity meter points/],
    [
      'ES (no registrations)',
      'ES',
      /acting as ES \(Export Supplier\) cannot be an Eligible User for MPRN 7412345678: Registration Data records no ES registrations/,
    ],
    ['OU (no registrations)', 'OU', /Registration Data records no OU registrations/],
  ];
  for (const [what, role, reason] of mismatches) {
    it(`is not eligible for ${what}`, () => {
      const { store } = estate();
      const v = store.isEligibleUser(AURORA, role, MPRN, d('2026-01-01'));
      expect(v.eligible).to.equal(false);
      expect(v.reason).to.match(reason);
    });
  }

  it('refuses a reversed range, an invalid date and an unknown role', () => {
    const { store } = estate();
    expect(() =>
      store.isEligibleUser(AURORA, 'IS', MPAN_12, { from: d('2026-02-01'), to: d('2026-01-01') }),
    ).to.throw(InvalidInputError, /when.to: expected a date not before when.from \(2026-02-01\)/);
    expect(() => store.isEligibleUser(AURORA, 'IS', MPAN_12, new Date('x'))).to.throw(
      InvalidInputError,
      /^at:/,
    );
    expect(() => store.isEligibleUser(AURORA, 'XX' as UserRole, MPAN_12, d('2026-01-01'))).to.throw(
      InvalidInputError,
      /^userRole:/,
    );
  });
});

describe('isEligibleUser: input checks', () => {
  it('refuses a user that is not an Eui and a meter point that is not an Mpan or Mprn', () => {
    const { store } = estate();
    expect(() => store.isEligibleUser('90B3D51F40010100' as never, 'IS', MPAN_12, d('2026-01-01'))).to.throw(
      InvalidInputError,
      /^userEui:/,
    );
    expect(() => store.isEligibleUser(AURORA, 'IS', '1200000000011' as never, d('2026-01-01'))).to.throw(
      InvalidInputError,
      /^mpxn:/,
    );
  });

  it('hands out copies of dates, so a caller cannot move a registration', () => {
    const { store } = estate();
    const first = store.registrationsOf(MPAN_12)[0]!;
    first.from.setUTCFullYear(2000);
    expect(store.registrationsOf(MPAN_12)[0]!.from.toISOString()).to.equal('2025-01-01T00:00:00.000Z');
  });
});
