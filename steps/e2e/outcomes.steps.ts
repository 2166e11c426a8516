import { Then } from '@cucumber/cucumber';
import type { Party } from '../../simulators/estate/Party.ts';
import type { Anchors, CertificateHolder } from '../support/anchors.ts';
import type { HarnessWorld } from '../world.ts';

/**
 * What the User was answered at once, what arrived at its endpoint later, and what the cells and
 * slots hold. "The DSP answers" reads the synchronous DUIS answer: for a critical request the CV 4
 * answer (I0 with the Pre-Command, or the refusal), unless CV 5 was refused; for CV 1 its I99 or
 * refusal. A device's refusal arrives as the DeviceAlertMessage the DSP forwards with the
 * request's RequestID (the DSP sends no response for a command the device refused).
 */

Then('the DSP answers {responseCode}', function (this: HarnessWorld, code: string) {
  this.story.expectDspAnswer(code);
});

Then('the DSP refuses it with response code {responseCode}', function (this: HarnessWorld, code: string) {
  this.story.expectDspRefusal(code);
});

Then(
  'the device refuses it: the response to {party} carries alert {alertCode}',
  async function (this: HarnessWorld, user: Party, alertCode: number) {
    await this.story.expectDeviceRefusal(user, alertCode.toString(16).toUpperCase().padStart(4, '0'));
  },
);

Then("{party} receives the device's response with code {responseCode}", async function (this: HarnessWorld, user: Party, code: string) {
  await this.story.expectDeviceResponse(user, code);
});

Then(
  'the S1SP refuses it: {party} is not the owner of the certificate in the slot',
  async function (this: HarnessWorld, user: Party) {
    await this.story.expectS1spNotOwner(user);
  },
);

Then('{anchors} hold(s) {holder}', async function (this: HarnessWorld, at: Anchors, holder: CertificateHolder) {
  await this.story.expectHeld(at, holder);
});
