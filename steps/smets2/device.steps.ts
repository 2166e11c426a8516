import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { parseFault } from '../../simulators/smets2/index.ts';
import type { HarnessWorld } from '../world.ts';

Given(
  'an ESME installed by {string} whose network operator cells hold the certificates of {string}',
  function (this: HarnessWorld, supplier: string, networkOperator: string) {
    this.devices.installEsme(this.party(supplier).eui, this.party(networkOperator).eui);
  },
);

Given('the ESME has the fault {string}', function (this: HarnessWorld, fault: string) {
  this.devices.esme.setFault(parseFault(fault));
});

When(
  '{string} replaces the network operator certificates on the ESME with those of {string}',
  async function (this: HarnessWorld, sender: string, owner: string) {
    await this.devices.replaceNetworkOperatorCells(this.party(sender).eui, this.party(owner).eui);
  },
);

Then('the ESME accepts the command and raises alert {alertCode}', function (this: HarnessWorld, code: number) {
  const outcome = this.devices.lastOutcome;
  expect(outcome?.status, JSON.stringify(outcome?.reasons)).to.equal('executed');
  expect(outcome?.alertCodes).to.include(code);
});

Then('the ESME refuses the command with alert {alertCode}', function (this: HarnessWorld, code: number) {
  const outcome = this.devices.lastOutcome;
  expect(outcome?.status).to.equal('refused');
  expect(outcome?.alertCodes).to.include(code);
});

Then("the ESME's network operator cells hold the certificates of {string}", function (this: HarnessWorld, owner: string) {
  const eui = this.party(owner).eui;
  for (const cell of ['networkOperatorDS', 'networkOperatorKA'] as const) {
    expect(this.devices.esme.cell(cell)?.entityId.toString(), cell).to.equal(eui.toString());
  }
});
