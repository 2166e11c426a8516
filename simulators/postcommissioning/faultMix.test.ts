import { describe, it } from 'node:test';
import { expect } from 'chai';
import { assignScenarios, assignScenariosExactly, countScenarios, parseFaultMix } from './faultMix.ts';
import { BATCH_PRESETS } from './presets.ts';
import { SCENARIOS } from './scenarios.ts';

describe('fault mix', () => {
  it('reads shares as fractions or percentages and refuses what it cannot use, naming the place', () => {
    expect(parseFaultMix({ responseTimeout: 0.025, handover: '1%' })).to.deep.equal({ responseTimeout: 0.025, handover: 0.01 });
    expect(() => parseFaultMix({ meteorStrike: 0.1 })).to.throw(/mix: expected scenario names/);
    expect(() => parseFaultMix({ handover: '150%' })).to.throw(/mix.handover: expected a share from 0 to 1/);
    expect(() => parseFaultMix({ handover: 0.6, responseTimeout: 0.6 })).to.throw(/at most 1/);
    expect(() => parseFaultMix([0.1])).to.throw(/mix: expected a mapping/);
  });

  it('assigns scenarios per device from a seed: the same seed gives the same population, shares as asked', () => {
    const mix = { responseTimeout: 0.05, recoveryMissing: 0.01 };
    const a = assignScenarios(20_000, mix, 7);
    expect(assignScenarios(20_000, mix, 7)).to.deep.equal(a);
    expect(assignScenarios(20_000, mix, 8)).not.to.deep.equal(a);
    const counts = countScenarios(a);
    expect(counts.responseTimeout! / 20_000).to.be.closeTo(0.05, 0.006);
    expect(counts.recoveryMissing! / 20_000).to.be.closeTo(0.01, 0.003);
    expect(counts.clean! + counts.responseTimeout! + counts.recoveryMissing!).to.equal(20_000);
  });

  it('exact assignment: the mix’s counts (largest remainders), at seeded random places', () => {
    const mix = { responseTimeout: 0.025, emptyExecutionStatus: 0.015, recoveryMissing: 0.002 };
    const a = assignScenariosExactly(1000, mix, 1);
    expect(countScenarios(a)).to.deep.equal({ clean: 958, responseTimeout: 25, emptyExecutionStatus: 15, recoveryMissing: 2 });
    expect(assignScenariosExactly(1000, mix, 2)).not.to.deep.equal(a);
    expect(countScenarios(assignScenariosExactly(10, { responseTimeout: 0.25, handover: 0.25 }, 1))).to.deep.equal({ clean: 5, responseTimeout: 3, handover: 2 });
  });

  it('the seed-004 preset injects ≈6% false-positive causes and ≈1% real ones (the rates themselves come from the run)', () => {
    const mix: Readonly<Record<string, number>> = BATCH_PRESETS['seed-004'].mix;
    const share = (kind: string) =>
      Object.entries(mix).filter(([name]) => SCENARIOS[name as keyof typeof SCENARIOS].kind === kind).reduce((s, [, x]) => s + x, 0);
    expect(share('falsePositive')).to.be.closeTo(0.06, 1e-9);
    expect(share('realFailure')).to.be.closeTo(0.01, 1e-9);
  });
});

describe('assignScenariosExactly, rounding', () => {
  it('hands out every rounding extra: the seed-004 mix (7 %) on 200 devices gives 14 faulty devices', () => {
    const mix: Readonly<Record<string, number>> = BATCH_PRESETS['seed-004'].mix;
    const assigned = assignScenariosExactly(200, mix, 1);
    expect(assigned.filter((s) => s !== 'clean')).to.have.length(14);
  });
});
