import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { Journal } from '../core/Journal.ts';
import { Harness } from '../harness/index.ts';
import { trackHarness, type TrackedEstate } from './harnessPorts.ts';
import { JournalFacts } from './JournalFacts.ts';

describe('trackHarness over a journal that keeps no entries', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(() => h?.close());

  /** The harness's estate, but with a journal that lets its entries go. */
  const forgetful = (): TrackedEstate => ({
    journal: new Journal({ keepEntries: false }),
    inventory: h.inventory,
    fleet: h.fleet,
    registrations: h.registrations,
    clock: h.clock,
  });

  it('throws a RangeError naming keepEntries and facts when no facts are given', () => {
    expect(() => trackHarness(forgetful())).to.throw(RangeError, /keeps no entries \(keepEntries: false\); pass the facts/);
    expect(() => trackHarness(forgetful(), { asOf: h.clock.now() })).to.throw(RangeError);
  });

  it('with facts, tracks as it would over the kept journal', () => {
    const asOf = h.clock.now();
    const kept = trackHarness(h, { asOf });
    const facts = JournalFacts.of(h.journal.entries());
    const fromFacts = trackHarness(forgetful(), { asOf, facts });
    expect(fromFacts.devices.length).to.be.greaterThan(0);
    expect(fromFacts.devices).to.deep.equal(kept.devices);
    expect(fromFacts.warnings).to.deep.equal(kept.warnings);
  });

  it('a journal that keeps its entries needs no facts', () => {
    expect(h.journal.keepsEntries).to.equal(true);
    expect(() => trackHarness(h)).to.not.throw();
  });
});
