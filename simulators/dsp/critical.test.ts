import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Eui } from '../core/Eui.ts';
import type { DuisResponse } from '../duis/index.ts';
import { decodeCommandWrapper } from '../gbcs/CommandWrapper.ts';
import { decodePreCommand } from '../gbcs/GroupingHeader.ts';
import { verifyMac } from '../gbcs/mac.ts';
import { decodeGbcsMessage } from '../gbcs/message.ts';
import { signPreCommand, verifyGroupingHeaderSignature } from '../gbcs/signature.ts';
import { krpBody, signedPreCommandBody } from './testBodies.ts';
import { ACB, AURORA, checkDspXml, ESME, type Harness, harness, NO_12, type RequestSpec } from './testSupport.ts';

/** CV 4 → PreCommand → signed by `from`'s DS key → CV 5; returns both answers. */
async function criticalFlow(h: Harness, request: RequestSpec) {
  const cv4 = await h.send('T', request);
  expect(cv4.responseCode, cv4.reason).to.equal('I0');
  const response = await checkDspXml(h.estate, cv4.body);
  const content = response.body.kind === 'ResponseMessage' ? response.body.content : undefined;
  if (content?.kind !== 'PreCommand') throw new Error('expected a PreCommand');
  const key = (await h.estate.keyStore.lookup(request.from, 'DS')).privateKey;
  const signed = signPreCommand(content.gbcsPayload, key);
  const cv5 = await h.send('S', { ...request, cv: 5, body: signedPreCommandBody(signed) });
  return { cv4, preCommand: content.gbcsPayload, cv5, signed };
}

async function deliveriesTo(h: Harness, to: Eui): Promise<DuisResponse[]> {
  const mine = h.outbox.deliveries.filter((d) => d.to.equals(to));
  return Promise.all(mine.map((d) => checkDspXml(h.estate, d.xml)));
}

describe('Critical flow: CV 4 → PreCommand, CV 5 → I99, then the device response POSTed to the User', () => {
  it('6.15.1 supplier certificates on a SMETS2 ESME', async () => {
    const h = await harness();
    const request = { from: AURORA, target: ESME, counter: 1000, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) };
    const { preCommand, cv5, signed } = await criticalFlow(h, request);

    const header = decodePreCommand(preCommand);
    expect(header).to.include({ craFlag: 'command', originatorCounter: 1000n, messageCode: 0x0102 });
    expect(header.originator.equals(AURORA) && header.recipient.equals(ESME)).to.equal(true);
    expect(decodeGbcsMessage(preCommand).payload).to.deep.include({ useCase: 'CS02b', direction: 'command' });

    expect(cv5.responseCode).to.equal('I99');
    expect(h.dsp.pendingPreCommands()).to.have.length(0);
    await h.dsp.idle();

    // What reached the device: the User's signed header, wrapped with the ACB–device MAC.
    expect(h.gateway.commands).to.have.length(1);
    const wrapped = decodeCommandWrapper(h.gateway.commands[0]!.bytes);
    expect(wrapped.header.bytes.equals(signed)).to.equal(true);
    const auroraDs = (await h.estate.keyStore.lookup(AURORA, 'DS')).publicKey;
    expect(verifyGroupingHeaderSignature(wrapped.header, auroraDs).ok).to.equal(true);
    const acbKa = (await h.estate.keyStore.lookup(ACB, 'KA')).publicKey;
    expect(verifyMac(wrapped, h.gateway.credentials.kaPrivateKey(ESME), acbKa).ok).to.equal(true);

    const [response, alert, ...rest] = await deliveriesTo(h, AURORA);
    expect(rest).to.have.length(0);
    expect(response!.header.responseCode).to.equal('I0');
    expect(response!.header.responseId?.toString()).to.equal(`${ESME}:${AURORA}:1000`);
    expect(response!.header.requestId?.toString()).to.equal(`${AURORA}:${ESME}:1000`);
    expect(response!.body).to.deep.include({ kind: 'ResponseMessage', serviceReferenceVariant: '6.15.1' });
    expect(alert!.body).to.deep.include({ kind: 'DCCAlertMessage', dccAlertCode: 'N42' });
    const delivered = h.outbox.deliveries[0]!;
    expect(delivered.meta).to.include({ kind: 'response', responseCode: 'I0', responseUrl: 'https://aurora.example/duis' });
  });

  it('refuses a second CV 5 for the same RequestID (replay) and the CV 4 counter afterwards', async () => {
    const h = await harness();
    const request = { from: AURORA, target: ESME, counter: 5, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) };
    const { signed } = await criticalFlow(h, request);
    await h.dsp.idle();
    const before = h.observable();
    const again = await h.send('S', { ...request, cv: 5, body: signedPreCommandBody(signed) });
    expect(again.responseCode).to.equal('E12');
    expect(again.reason).to.match(/no Pre-Command is pending/);
    const cv4Again = await h.send('T', request);
    expect(cv4Again.responseCode).to.equal('E12');
    expect(cv4Again.reason).to.match(/replay/);
    await h.dsp.idle();
    expect(h.observable()).to.deep.equal(before);
  });

  it('keeps several Pre-Commands pending and accepts requests with higher counters in between', async () => {
    const h = await harness();
    const body = await krpBody(h.estate, 'Supplier', AURORA);
    const first = await h.send('T', { from: AURORA, target: ESME, counter: 10, cv: 4, srv: '6.15.1', body });
    const second = await h.send('T', { from: AURORA, target: ESME, counter: 11, cv: 4, srv: '6.15.1', body });
    expect([first.responseCode, second.responseCode]).to.deep.equal(['I0', 'I0']);
    expect(h.dsp.pendingPreCommands().map((p) => p.requestId.counter)).to.deep.equal([10n, 11n]);
    expect(h.dsp.lastCounter(AURORA)).to.equal(11n);
  });

  it('tells the registered network operator too when Network Operator cells change', async () => {
    const h = await harness();
    // At installation the supplier holds the NO cells and places the NO's certificates with 6.15.1.
    const request = { from: AURORA, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'NetworkOperator', NO_12) };
    const { preCommand } = await criticalFlow(h, request);
    expect(decodePreCommand(preCommand).messageCode).to.equal(0x0103);
    await h.dsp.idle();
    const toNo = await deliveriesTo(h, NO_12);
    expect(toNo).to.have.length(1);
    const alert = toNo[0]!.body;
    if (alert.kind !== 'DCCAlertMessage' || alert.alert.kind !== 'SecurityCredentialsUpdated') throw new Error('expected the alert');
    expect(alert.alert.remotePartyRole).to.equal('NetworkOperator');
    expect(alert.alert.deviceId.equals(ESME)).to.equal(true);
    expect(alert.alert.certificates.map((c) => c.certificateType)).to.deep.equal(['DigitalSigning', 'KeyAgreement']);
  });

  it('sends no SecurityCredentialsUpdated alert when the device changed no cell', async () => {
    const h = await harness();
    h.gateway.cellStatus = 'noTrustAnchor';
    const request = { from: AURORA, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) };
    await criticalFlow(h, request);
    await h.dsp.idle();
    expect(h.outbox.deliveries.map((d) => d.meta.kind)).to.deep.equal(['response']);
  });

  for (const [kind, code] of [
    ['unreachable', 'E20'],
    ['timeout', 'E21'],
  ] as const) {
    it(`answers a device that is ${kind} with ${code}, POSTed to the User`, async () => {
      const h = await harness();
      h.gateway.next = { kind, reason: `simulated ${kind}` };
      const request = { from: AURORA, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) };
      const { cv5 } = await criticalFlow(h, request);
      expect(cv5.responseCode).to.equal('I99');
      await h.dsp.idle();
      const [response, ...rest] = await deliveriesTo(h, AURORA);
      expect(rest).to.have.length(0);
      expect(response!.header.responseCode).to.equal(code);
      expect(response!.header.requestId?.toString()).to.equal(`${AURORA}:${ESME}:1`);
      expect(h.journal.entries({ where: (e) => e.kind === 'failure' })[0]!.summary).to.equal(`${code}: simulated ${kind}`);
    });
  }

  it('forwards device alerts as DeviceAlertMessage (e.g. 8F3D when the device refuses the signature)', async () => {
    const h = await harness();
    h.gateway.next = { kind: 'alerts', alerts: [{ alertCode: '8F3D', bytes: h.gateway.alert(ESME, AURORA, 77n, 0x8f3d) }] };
    const request = { from: AURORA, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) };
    await criticalFlow(h, request);
    await h.dsp.idle();
    const [alert, ...rest] = await deliveriesTo(h, AURORA);
    expect(rest).to.have.length(0);
    expect(alert!.body).to.deep.include({ kind: 'DeviceAlertMessage', alertCode: '8F3D' });
    expect(alert!.header.responseId?.toString()).to.equal(`${ESME}:${AURORA}:77`);
  });

  it('answers E20 at once when the DSP holds no KA certificate for the device, and changes nothing', async () => {
    const h = await harness({ deviceCredentials: { kaCertificate: async () => Promise.reject(new Error('no KA certificate on record')) } });
    const request = { from: AURORA, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) };
    const cv4 = await h.send('T', request);
    const content = (await checkDspXml(h.estate, cv4.body)).body;
    if (content.kind !== 'ResponseMessage' || content.content?.kind !== 'PreCommand') throw new Error('no PreCommand');
    const signed = signPreCommand(content.content.gbcsPayload, (await h.estate.keyStore.lookup(AURORA, 'DS')).privateKey);
    const before = h.observable();
    const cv5 = await h.send('S', { ...request, cv: 5, body: signedPreCommandBody(signed) });
    expect(cv5.responseCode).to.equal('E20');
    expect(cv5.reason).to.match(/cannot secure a command for device 00-DB-12-34-56-78-90-A0: no KA certificate on record/);
    expect(h.observable()).to.deep.equal(before);
  });
});
