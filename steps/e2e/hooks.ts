import { After, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { duisMessagesText, sequenceDiagram } from '../support/scenarioRecord.ts';
import type { HarnessWorld } from '../world.ts';

/**
 * After an end-to-end scenario. Cucumber runs After hooks in the reverse order of definition, so:
 * first the record is attached (also when the scenario failed: that is when it is read), then the
 * journal is checked for internal errors, and last – whatever happened before – the estate closes.
 */

After(async function (this: HarnessWorld) {
  await this.storyIfStarted?.close();
});

After(function (this: HarnessWorld) {
  const errors = this.storyIfStarted?.internalErrors() ?? [];
  if (errors.length > 0) throw new Error(`the harness journalled ${errors.length} internal error(s):\n${errors.join('\n')}`);
});

After(async function (this: HarnessWorld, { pickle }: ITestCaseHookParameter) {
  const story = this.storyIfStarted;
  if (story === undefined) return;
  await this.attach(duisMessagesText(story, pickle.name), { mediaType: 'text/plain', fileName: 'duis-messages.txt' });
  await this.attach(sequenceDiagram(story, pickle.name), { mediaType: 'image/svg+xml', fileName: 'sequence-diagram.svg' });
});
