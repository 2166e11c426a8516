import { describe, it } from 'node:test';
import { expect } from 'chai';
import { signPreCommand } from '../gbcs/signature.ts';
import type { DuisService } from './DspAnswer.ts';
import { krpBody, readInventoryBody, retrieveKrpBody, signedPreCommandBody } from './testBodies.ts';
import {
  ACB,
  AURORA,
  BOREALIS,
  CHF,
  checkDspXml,
  ESME,
  type Harness,
  harness,
  NO_12,
  type RequestSpec,
  UNKNOWN_DEVICE,
} from './testSupport.ts';

/** Sends a request that must be refused, and checks the code, the reason and that nothing changed. */
async function expectRefused(
  h: Harness,
  service: DuisService,
  request: RequestSpec,
  code: string,
  reason: RegExp,
): Promise<void> {
  const before = h.observable();
  const answer = await h.send(service, request);
  expect(answer.status, answer.reason).to.equal(200);
  expect(answer.responseCode, answer.reason).to.equal(code);
  expect(answer.reason).to.match(reason);
  const response = await checkDspXml(h.estate, answer.body);
  expect(response.header.responseCode).to.equal(code);
  expect(response.body).to.include({ kind: 'ResponseMessage', serviceReferenceVariant: request.srv });
  await h.dsp.idle();
  expect(h.observable(), 'a refused request changes nothing').to.deep.equal(before);
  const refusal = h.journal.entries({ where: (e) => e.kind === 'refusal' }).at(-1);
  expect(refusal).to.include({ responseCode: code, requestId: `${request.from}:${request.target}:${request.counter}` });
}

const krp = (from = AURORA, counter = 10): RequestSpec => ({
  from,
  target: ESME,
  counter,
  cv: 4,
  srv: '6.15.1',
  body: readInventoryBody(ESME), // replaced in the tests that need a real 6.15.1 body
});

describe('SRPD pipeline: each rule refuses with its code and changes nothing', () => {
  it('user-known (E1): an originator that is not a DCC User', async () => {
    const h = await harness();
    // The ACB's XML credential authenticates it, but the DCC's own roles are not DCC Users.
    const request = { from: ACB, target: ACB, counter: 1, cv: 8, srv: '8.2', body: readInventoryBody(CHF) };
    await expectRefused(h, 'D', request, 'E1', /^user-known: .*not a DCC User/);
  });

  it('user-active (E3): a suspended User', async () => {
    const h = await harness();
    h.users.setStatus(AURORA, 'suspended');
    const request = { from: AURORA, target: ACB, counter: 1, cv: 8, srv: '8.2', body: readInventoryBody(CHF) };
    await expectRefused(h, 'D', request, 'E3', /Aurora Energy\) is suspended/);
  });

  it('role-eligible (E2): a network operator asking for a supplier-only SRV', async () => {
    const h = await harness();
    const body = { kind: 'UpdateSecurityCredentialsDevice', deviceCertificate: Buffer.alloc(1) } as const;
    const request = { from: NO_12, target: ESME, counter: 1, cv: 4, srv: '6.15.2', body };
    await expectRefused(h, 'T', request, 'E2', /acts as ED; SRV 6\.15\.2 .* may be sent by IS, GS/);
  });

  it('command-variant (E12): a CommandVariant the SRV does not take, or local delivery', async () => {
    const h = await harness();
    const body = await krpBody(h.estate, 'Supplier', AURORA);
    await expectRefused(h, 'S', { ...krp(), cv: 1, body }, 'E12', /^command-variant: SRV 6\.15\.1 .* takes CommandVariant 4, 5, 6, 7; this request has 1/);
    await expectRefused(h, 'D', { ...krp(), cv: 6, body: signedPreCommandBody(Buffer.from('df', 'hex')) }, 'E12', /CommandVariant 6 .* is not simulated/);
  });

  it('service-url (E13): a request sent to the wrong web service', async () => {
    const h = await harness();
    const request = { from: AURORA, target: ACB, counter: 1, cv: 8, srv: '8.2', body: readInventoryBody(CHF) };
    await expectRefused(h, 'S', request, 'E13', /goes to serviceD \(Non-Device Service\); it was sent to serviceS/);
    const body = await krpBody(h.estate, 'Supplier', AURORA);
    await expectRefused(h, 'S', { ...krp(), body }, 'E13', /CommandVariant 4 goes to serviceT/);
  });

  it('counter-increases (E12): a RequestID counter not above the last accepted one is a replay', async () => {
    const h = await harness();
    const read = (counter: number) => ({ from: AURORA, target: ACB, counter, cv: 8, srv: '8.2', body: readInventoryBody(CHF) });
    expect((await h.send('D', read(100))).responseCode).to.equal('I0');
    await expectRefused(h, 'D', read(100), 'E12', /counter 100 .* not greater than the last one accepted from it, 100: refused as a replay/);
    await expectRefused(h, 'D', read(99), 'E12', /the last one accepted from it, 100/);
    expect((await h.send('D', read(101))).responseCode).to.equal('I0');
  });

  it('counter-increases: two requests with the same counter at the same time – one passes, one is a replay', async () => {
    const h = await harness();
    const read = { from: AURORA, target: ACB, counter: 7, cv: 8, srv: '8.2', body: readInventoryBody(CHF) };
    const xml = await h.signed(read);
    const answers = await Promise.all([h.dsp.receive('D', xml), h.dsp.receive('D', xml)]);
    expect(answers.map((a) => a.responseCode)).to.deep.equal(['I0', 'E12']);
  });

  it('counter-increases (E12): a Signed Pre-Command with no pending Pre-Command', async () => {
    const h = await harness();
    const request = { ...krp(AURORA, 7), cv: 5, body: signedPreCommandBody(Buffer.from('df09', 'hex')) };
    await expectRefused(h, 'S', request, 'E12', /no Pre-Command is pending for RequestID .*:7/);
  });

  it('pre-command-matches (E12): a Signed Pre-Command that is not the one issued, or not signed', async () => {
    const h = await harness();
    const body = await krpBody(h.estate, 'Supplier', AURORA);
    const issued = await h.send('T', { ...krp(AURORA, 20), body });
    expect(issued.responseCode).to.equal('I0');
    const preCommand = (await checkDspXml(h.estate, issued.body)).body;
    if (preCommand.kind !== 'ResponseMessage' || preCommand.content?.kind !== 'PreCommand') throw new Error('no PreCommand');
    const key = (await h.estate.keyStore.lookup(AURORA, 'DS')).privateKey;
    const altered = Buffer.from(preCommand.content.gbcsPayload);
    altered[altered.length - 1]! ^= 0xff;
    const cv5 = (payload: Buffer) => ({ ...krp(AURORA, 20), cv: 5, body: signedPreCommandBody(payload) });
    await expectRefused(h, 'S', cv5(signPreCommand(altered, key)), 'E12', /not the Pre-Command the DSP issued: the signed bytes differ from offset/);
    await expectRefused(h, 'S', cv5(preCommand.content.gbcsPayload), 'E12', /carries no signature/);
    expect(h.dsp.pendingPreCommands()).to.have.length(1);
  });

  it('device-known (E19): a target that is not in the inventory', async () => {
    const h = await harness();
    const request = { from: AURORA, target: UNKNOWN_DEVICE, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() };
    await expectRefused(h, 'S', request, 'E19', /device 00-DB-FF-FF-FF-FF-FF-FF, the RequestID's target, is not in the Smart Metering Inventory/);
  });

  it('device-status (E5): a device whose status does not allow the SRV', async () => {
    const h = await harness();
    h.inventory.setStatus(ESME, 'Suspended');
    const request = { from: AURORA, target: ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() };
    await expectRefused(h, 'S', request, 'E5', /its status is Suspended; allowed in Whitelisted, InstalledNotCommissioned, Commissioned, Recovered/);
  });

  it('device-type (E11): an SRV not valid for the device type', async () => {
    const h = await harness();
    const body = { kind: 'CommissionDeviceSynchroniseClock', currentDateTime: new Date('2026-01-01T00:00:00Z'), tolerancePeriod: 60 } as const;
    const request = { from: AURORA, target: CHF, counter: 1, cv: 4, srv: '8.1.1', body };
    await expectRefused(h, 'T', request, 'E11', /not valid for device 00-DB-12-34-56-78-90-A2 of type CHF; valid for ESME, GSME/);
  });

  it('registration-data (E4): a Non-Critical request from a User not registered for the meter point, naming who is', async () => {
    const h = await harness();
    const request = { from: BOREALIS, target: ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() };
    await expectRefused(
      h,
      'S',
      request,
      'E4',
      /Borealis Power\) is not an Eligible User for device 00-DB-12-34-56-78-90-A0 \(SRV 6\.24\.1\): as IS: .*not the registered supplier for MPAN 1200000000011 .*the registered one is 90-B3-D5-1F-40-01-01-00 \(Aurora Energy\)/,
    );
  });

  it('passes the same requests from the registered User', async () => {
    const h = await harness();
    const request = { from: AURORA, target: ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() };
    expect((await h.send('S', request)).responseCode).to.equal('I99');
    expect(h.dsp.lastCounter(AURORA)).to.equal(1n);
  });
});
