import { Then, When } from '@cucumber/cucumber';
import type { HarnessWorld } from '../world.ts';

/** MP107 Requirement 2: the DCC's one-off correction of SMETS1 network operator slots. */

When('the DCC runs the MP107 corrective job as a dry run', async function (this: HarnessWorld) {
  await this.story.job.run({ apply: false });
});

When('the DCC runs the MP107 corrective job', async function (this: HarnessWorld) {
  await this.story.job.run({ apply: true });
});

When('the DCC tries to run the MP107 corrective job', async function (this: HarnessWorld) {
  await this.attempt(() => this.story.job.run({ apply: true }));
});

Then(
  'the job reports {int} mismatched of {int} at {string} and {int} mismatched of {int} at {string}, and nothing changed',
  function (this: HarnessWorld, m1: number, of1: number, s1: string, m2: number, of2: number, s2: string) {
    this.story.job.expectDryRun([{ s1sp: s1, mismatched: m1, of: of1 }, { s1sp: s2, mismatched: m2, of: of2 }]);
  },
);

Then(
  'the job reports {int} corrected at {string} and {int} corrected at {string}',
  function (this: HarnessWorld, c1: number, s1: string, c2: number, s2: string) {
    this.story.job.expectCorrected([{ s1sp: s1, corrected: c1 }, { s1sp: s2, corrected: c2 }]);
  },
);

Then(
  "every SMETS1 meter's network operator slots hold its registered network operator's certificates",
  async function (this: HarnessWorld) {
    await this.story.job.expectEveryMeterRegistered((eui) => this.story.describe(eui));
  },
);
