import { Given, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { HarnessWorld } from '../world.ts';

Given('the default estate', async function (this: HarnessWorld) {
  await this.useDefaultEstate();
});

Given('the harness clock is pinned at {instant}', function (this: HarnessWorld, at: Date) {
  this.clock.set(at);
});

Then('it is refused with a message containing {string}', function (this: HarnessWorld, text: string) {
  expect(this.error, 'expected the last action to be refused').to.be.instanceOf(Error);
  expect((this.error as Error).message).to.contain(text);
});
