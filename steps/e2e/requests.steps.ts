import { When } from '@cucumber/cucumber';
import type { Srv } from '../../simulators/core/Srv.ts';
import type { Party } from '../../simulators/estate/Party.ts';
import type { Anchors } from '../support/anchors.ts';
import type { HarnessWorld } from '../world.ts';

/** What Users send: signed DUIS requests POSTed to the DSP; time then runs until every outcome is delivered. */

When(
  '{party} sends SRV {srv} placing the certificates of {party} {placement}',
  async function (this: HarnessWorld, sender: Party, srv: Srv, owner: Party, at: Anchors) {
    await this.story.placeCertificates(sender, srv, owner, at);
  },
);

When(
  '{party} sends SRV {srv} placing its own certificates {placement}',
  async function (this: HarnessWorld, sender: Party, srv: Srv, at: Anchors) {
    await this.story.placeCertificates(sender, srv, sender, at);
  },
);

When(
  "{party} sends SRV {srv} to read the meter's security credentials",
  async function (this: HarnessWorld, sender: Party, srv: Srv) {
    await this.story.readSecurityCredentials(sender, srv);
  },
);
