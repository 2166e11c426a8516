import { type DataTable, Given } from '@cucumber/cucumber';
import type { Mpan } from '../../simulators/core/Mpan.ts';
import type { Mprn } from '../../simulators/core/Mprn.ts';
import type { RuleSet } from '../../simulators/dsp/RuleSet.ts';
import type { Party } from '../../simulators/estate/Party.ts';
import type { CertificateHolder } from '../support/anchors.ts';
import type { HarnessWorld } from '../world.ts';

/** End-to-end estates: a harness under a rule set, and homes added to it as population data. */

Given('the estate runs under the {ruleSet} rules', async function (this: HarnessWorld, ruleSet: RuleSet) {
  await this.startStory(ruleSet);
});

Given(
  'a SMETS2 electricity meter supplied by {party} at MPAN {mpan}, its network operator cells holding {holder}',
  async function (this: HarnessWorld, supplier: Party, mpan: Mpan, cells: CertificateHolder) {
    await this.story.addSmets2ElectricityMeter(supplier, mpan, cells);
  },
);

Given(
  "a SMETS2 gas meter supplied by {party} at MPRN {mprn} transported by {party}, its gas proxy function's network operator cells holding {holder}",
  async function (this: HarnessWorld, supplier: Party, mprn: Mprn, gasTransporter: Party, cells: CertificateHolder) {
    await this.story.addSmets2GasMeter(supplier, mprn, gasTransporter, cells);
  },
);

Given(
  'a SMETS1 electricity meter at {string} supplied by {party} at MPAN {mpan}, its network operator slots holding {holder}',
  async function (this: HarnessWorld, s1sp: string, supplier: Party, mpan: Mpan, slots: CertificateHolder) {
    await this.story.addSmets1ElectricityMeter(s1sp, supplier, mpan, slots);
  },
);

Given('these SMETS1 electricity meters:', async function (this: HarnessWorld, meters: DataTable) {
  await this.story.addSmets1ElectricityMeters(meters.hashes());
});
