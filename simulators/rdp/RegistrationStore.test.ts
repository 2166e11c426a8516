import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { Mpan } from '../core/Mpan.ts';
import type { Mpxn } from './mpxn.ts';
import type { RegistrationChange } from './RegistrationStore.ts';
import {
  AURORA,
  BOREALIS,
  CADENT,
  CIRRUS,
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

describe('RegistrationStore: effective dating', () => {
  it('starts a period at effectiveFrom (inclusive) and ends it at effectiveTo (exclusive)', () => {
    const { store } = newStore();
    store.registerSupplier(MPAN_12, AURORA, d('2026-01-01'), d('2026-02-01'));
    expect(store.supplierAt(MPAN_12, new Date(d('2026-01-01').getTime() - 1))).to.equal(undefined);
    expect(store.supplierAt(MPAN_12, d('2026-01-01'))?.equals(AURORA)).to.equal(true);
    expect(store.supplierAt(MPAN_12, new Date(d('2026-02-01').getTime() - 1))?.equals(AURORA)).to.equal(true);
    expect(store.supplierAt(MPAN_12, d('2026-02-01'))).to.equal(undefined);
  });

  it('keeps an open-ended period in effect for ever', () => {
    const { store } = newStore();
    store.registerSupplier(MPAN_12, AURORA, d('2026-01-01'));
    expect(store.supplierAt(MPAN_12, d('2099-12-31'))?.equals(AURORA)).to.equal(true);
    expect(store.registrationsOf(MPAN_12)).to.have.length(1);
    expect(store.registrationsOf(MPAN_12)[0]).to.include({ role: 'supplier', fuel: 'electricity', to: null });
  });

  it('allows back-to-back periods and a gap between periods', () => {
    const { store } = newStore();
    store.registerSupplier(MPAN_12, AURORA, d('2026-01-01'), d('2026-02-01'));
    store.registerSupplier(MPAN_12, BOREALIS, d('2026-02-01'), d('2026-03-01'));
    store.registerSupplier(MPAN_12, CIRRUS, d('2026-04-01'));
    expect(store.supplierAt(MPAN_12, d('2026-02-01'))?.equals(BOREALIS)).to.equal(true);
    expect(store.supplierAt(MPAN_12, d('2026-03-15'))).to.equal(undefined);
    expect(store.supplierAt(MPAN_12, d('2026-04-01'))?.equals(CIRRUS)).to.equal(true);
    expect(store.registrationsOf(MPAN_12).map((r) => r.party.toString())).to.deep.equal(
      [AURORA, BOREALIS, CIRRUS].map(String),
    );
  });

  it('keeps electricity and gas registrations apart', () => {
    const { store } = newStore();
    store.registerSupplier(MPRN, DUNLIN, d('2025-01-01'));
    store.registerGasTransporter(MPRN, CADENT, d('2025-01-01'));
    expect(store.supplierAt(MPRN, d('2026-01-01'))?.equals(DUNLIN)).to.equal(true);
    expect(store.gasTransporterAt(MPRN, d('2026-01-01'))?.equals(CADENT)).to.equal(true);
    expect(store.partyAt(MPRN, 'networkOperator', d('2026-01-01'))).to.equal(undefined);
    expect(store.meterPoints().map(String)).to.deep.equal(['7412345678']);
  });
});

describe('RegistrationStore: change of supplier', () => {
  it('closes the old period at the change and opens the new one', () => {
    const { store } = newStore();
    store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
    store.changeOfSupplier(MPAN_12, BOREALIS, d('2026-02-01'));
    expect(store.supplierAt(MPAN_12, new Date(d('2026-02-01').getTime() - 1))?.equals(AURORA)).to.equal(true);
    expect(store.supplierAt(MPAN_12, d('2026-02-01'))?.equals(BOREALIS)).to.equal(true);
    expect(store.toRecords()).to.deep.equal([
      {
        mpxn: '1200000000011',
        fuel: 'electricity',
        role: 'supplier',
        party: AURORA.toString(),
        effectiveFrom: '2025-01-01',
        effectiveTo: '2026-02-01',
      },
      {
        mpxn: '1200000000011',
        fuel: 'electricity',
        role: 'supplier',
        party: BOREALIS.toString(),
        effectiveFrom: '2026-02-01',
        effectiveTo: null,
      },
    ]);
  });

  it('works for gas suppliers too (GS)', () => {
    const { store } = newStore();
    store.registerSupplier(MPRN, DUNLIN, d('2025-01-01'));
    store.changeOfSupplier(MPRN, AURORA, d('2026-01-15'));
    expect(store.supplierAt(MPRN, d('2026-01-15'))?.equals(AURORA)).to.equal(true);
  });

  const refusals: [string, (s: ReturnType<typeof newStore>['store']) => void, RegExp][] = [
    [
      'no supplier registered then',
      (s) => s.changeOfSupplier(MPAN_13, BOREALIS, d('2026-02-01')),
      /in effect on 2026-02-01 to change from \(use registerSupplier/,
    ],
    [
      'the same supplier',
      (s) => s.changeOfSupplier(MPAN_12, AURORA, d('2026-02-01')),
      /a party other than the one registered on 2026-02-01/,
    ],
    [
      'on the first day of the current period',
      (s) => s.changeOfSupplier(MPAN_12, BOREALIS, d('2025-01-01')),
      /would leave it empty/,
    ],
    [
      'before a later change',
      (s) => {
        s.changeOfSupplier(MPAN_12, BOREALIS, d('2026-03-01'));
        s.changeOfSupplier(MPAN_12, CIRRUS, d('2026-02-01'));
      },
      /a later period is already registered \(2026-03-01 onwards/,
    ],
    [
      'a supplier without role IS',
      (s) => s.changeOfSupplier(MPAN_12, DUNLIN, d('2026-02-01')),
      /User Role IS .*Dunlin Gas, User Roles GS/,
    ],
    [
      'an invalid date',
      (s) => s.changeOfSupplier(MPAN_12, BOREALIS, new Date('nope')),
      /effectiveFrom: expected a valid Date, got "an invalid Date"/,
    ],
  ];
  for (const [what, act, message] of refusals) {
    it(`refuses a change to ${what}, leaving the store unchanged`, () => {
      const { store } = newStore();
      store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
      const before = store.toRecords();
      const version = store.version;
      let thrown: unknown;
      try {
        act(store);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(InvalidInputError);
      expect((thrown as Error).message).to.match(message);
      if (what !== 'before a later change') {
        expect(store.toRecords()).to.deep.equal(before);
        expect(store.version).to.equal(version);
      }
    });
  }
});

describe('RegistrationStore: network operator', () => {
  it("defaults to the NO whose distributor ID is the MPAN's first two digits, registered or not", () => {
    const { store } = newStore();
    expect(store.networkOperatorAt(MPAN_12, d('2026-01-01'))?.equals(NO_12)).to.equal(true);
    expect(store.networkOperatorAt(MPAN_13, d('1990-01-01'))?.equals(NO_13)).to.equal(true);
    expect(store.registrationsOf(MPAN_12)).to.deep.equal([]);
  });

  it('has no NO for an MPAN whose distributor has no party', () => {
    const { store } = newStore();
    expect(store.networkOperatorAt(Mpan.withCheckDigit('990000000001'), d('2026-01-01'))).to.equal(undefined);
  });

  it('lets a registration override the default for its period only', () => {
    const { store } = newStore();
    store.registerNetworkOperator(MPAN_13, NO_23, d('2026-03-01'), d('2026-06-01'));
    expect(store.networkOperatorAt(MPAN_13, new Date(d('2026-03-01').getTime() - 1))?.equals(NO_13)).to.equal(
      true,
    );
    expect(store.networkOperatorAt(MPAN_13, d('2026-03-01'))?.equals(NO_23)).to.equal(true);
    expect(store.networkOperatorAt(MPAN_13, d('2026-06-01'))?.equals(NO_13)).to.equal(true);
  });

  it('changes NO from the default, then from an override', () => {
    const { store } = newStore();
    store.changeOfNetworkOperator(MPAN_13, NO_23, d('2026-03-01'));
    store.changeOfNetworkOperator(MPAN_13, NO_12, d('2026-05-01'));
    expect(store.networkOperatorAt(MPAN_13, d('2026-02-01'))?.equals(NO_13)).to.equal(true);
    expect(store.networkOperatorAt(MPAN_13, d('2026-04-01'))?.equals(NO_23)).to.equal(true);
    expect(store.networkOperatorAt(MPAN_13, d('2026-05-01'))?.equals(NO_12)).to.equal(true);
    expect(() => store.changeOfNetworkOperator(MPAN_12, NO_12, d('2026-05-01'))).to.throw(
      InvalidInputError,
      /the default for distributor 12/,
    );
  });

  it('refuses an overlapping override and a party that is not an Electricity Distributor', () => {
    const { store } = newStore();
    store.registerNetworkOperator(MPAN_13, NO_23, d('2026-03-01'));
    expect(() => store.registerNetworkOperator(MPAN_13, NO_12, d('2026-04-01'))).to.throw(
      InvalidInputError,
      /does not overlap the one already registered \(2026-03-01 onwards, 90-B3-D5-1F-40-02-23-00 \(Northern Powergrid \(Yorkshire\)\)\); use changeOfNetworkOperator/,
    );
    expect(() => store.registerNetworkOperator(MPAN_12, AURORA, d('2026-04-01'))).to.throw(
      InvalidInputError,
      /User Role ED/,
    );
    expect(store.registrationsOf(MPAN_12)).to.deep.equal([]);
  });
});

describe('RegistrationStore: gas transporter', () => {
  it('registers and changes the gas transporter', () => {
    const { store } = newStore();
    store.registerGasTransporter(MPRN, CADENT, d('2025-01-01'));
    store.changeOfGasTransporter(MPRN, SGN, d('2026-01-01'));
    expect(store.gasTransporterAt(MPRN, d('2025-12-31'))?.equals(CADENT)).to.equal(true);
    expect(store.gasTransporterAt(MPRN, d('2026-01-01'))?.equals(SGN)).to.equal(true);
  });
});

describe('RegistrationStore: bad input leaves the store unchanged', () => {
  const cases: [string, (s: ReturnType<typeof newStore>['store']) => void, RegExp][] = [
    [
      'an overlapping supplier period',
      (s) => s.registerSupplier(MPAN_12, BOREALIS, d('2025-06-01')),
      /use changeOfSupplier/,
    ],
    [
      'effectiveTo not after effectiveFrom',
      (s) => s.registerSupplier(MPAN_13, BOREALIS, d('2026-02-01'), d('2026-02-01')),
      /effectiveTo: expected a date after effectiveFrom 2026-02-01/,
    ],
    [
      'an invalid from date',
      (s) => s.registerSupplier(MPAN_13, BOREALIS, new Date(Number.NaN)),
      /effectiveFrom/,
    ],
    [
      'a party outside the estate',
      (s) => s.registerSupplier(MPAN_13, Eui.parse('0011223344556677'), d('2026-01-01')),
      /a party of the estate holding User Role IS/,
    ],
    [
      'a gas supplier on an MPAN',
      (s) => s.registerSupplier(MPAN_13, DUNLIN, d('2026-01-01')),
      /User Role IS/,
    ],
    [
      'an electricity supplier on an MPRN',
      (s) => s.registerSupplier(MPRN, BOREALIS, d('2026-01-01')),
      /User Role GS/,
    ],
    [
      'a supplier as gas transporter',
      (s) => s.registerGasTransporter(MPRN, AURORA, d('2026-01-01')),
      /User Role GT/,
    ],
    [
      'a network operator role on an MPRN',
      (s) => s.register({ mpxn: MPRN as Mpxn, role: 'networkOperator', party: NO_12, from: d('2026-01-01') }),
      /role: expected a gas role \(supplier, gasTransporter\)/,
    ],
    [
      'a batch with one bad registration',
      (s) =>
        s.applyBatch([
          { mpxn: MPAN_13, role: 'supplier', party: BOREALIS, from: d('2026-01-01') },
          { mpxn: MPAN_13, role: 'supplier', party: CIRRUS, from: d('2026-02-01') },
        ]),
      /registration 2: supplier registration of MPAN 1300000000007/,
    ],
  ];
  for (const [what, act, message] of cases) {
    it(`refuses ${what}`, () => {
      const { store } = newStore();
      store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
      const before = store.toRecords();
      const snapshot = store.snapshot();
      expect(() => act(store)).to.throw(message);
      expect(store.toRecords()).to.deep.equal(before);
      expect(store.version).to.equal(1);
      expect(store.snapshot()).to.equal(snapshot);
    });
  }
});

describe('RegistrationStore: snapshot and change feed', () => {
  it('gives an immutable copy that does not follow later changes', () => {
    const { store } = newStore();
    store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
    const copy = store.snapshot();
    expect(Object.isFrozen(copy)).to.equal(true);
    expect(store.snapshot()).to.equal(copy);
    store.changeOfSupplier(MPAN_12, BOREALIS, d('2026-02-01'));
    expect(copy.version).to.equal(1);
    expect(store.version).to.equal(2);
    expect(copy.supplierAt(MPAN_12, d('2026-03-01'))?.equals(AURORA)).to.equal(true);
    expect(store.snapshot().supplierAt(MPAN_12, d('2026-03-01'))?.equals(BOREALIS)).to.equal(true);
    expect(copy.isEligibleUser(AURORA, 'IS', MPAN_12, d('2026-03-01')).eligible).to.equal(true);
  });

  it('tells listeners what changed, once per accepted change, until unsubscribed', () => {
    const { store } = newStore();
    const seen: RegistrationChange[] = [];
    const stop = store.onChange((c) => seen.push(c));
    store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
    expect(() => store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'))).to.throw(InvalidInputError);
    store.applyBatch([{ mpxn: MPRN, role: 'supplier', party: DUNLIN, from: d('2025-01-01') }], {
      replace: true,
    });
    stop();
    store.registerSupplier(MPAN_13, CIRRUS, d('2025-01-01'));
    expect(seen.map((c) => [c.version, c.mpxns.map(String), c.replaced])).to.deep.equal([
      [1, ['1200000000011'], false],
      [2, ['7412345678'], true],
    ]);
    expect(store.meterPoints().map(String)).to.deep.equal(['7412345678', '1300000000007']);
  });
});

describe('RegistrationStore: a consumer keeping its own copy', () => {
  it('refreshes by version or on change, as the DSP does', () => {
    const { store } = newStore();
    let copy = store.snapshot();
    store.onChange(() => {
      copy = store.snapshot();
    });
    store.registerSupplier(MPAN_12, AURORA, d('2025-01-01'));
    expect(copy.version).to.equal(store.version);
    expect(copy.supplierAt(MPAN_12, d('2026-01-01'))?.equals(AURORA)).to.equal(true);
  });
});
