import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { Mpan } from '../../simulators/core/Mpan.ts';
import type { HarnessWorld } from '../world.ts';

Then(
  'the default network operator for MPAN {mpan} is {string}',
  function (this: HarnessWorld, mpan: Mpan, name: string) {
    expect(this.estate.parties.networkOperatorFor(mpan.distributorId)?.name).to.equal(name);
  },
);

When(
  'the MPAN {string} is read with check-digit validation {onOff}',
  async function (this: HarnessWorld, text: string, validateCheckDigit: boolean) {
    await this.attempt(() => Mpan.parse(text, { validateCheckDigit }));
  },
);

Then('its distributor ID is {int}', function (this: HarnessWorld, id: number) {
  expect(this.error).to.equal(undefined);
  expect((this.result as Mpan).distributorId).to.equal(id);
});
