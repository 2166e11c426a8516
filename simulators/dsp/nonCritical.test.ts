import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Eui } from '../core/Eui.ts';
import { parseDuisRequest, SR_NS } from '../duis/index.ts';
import { decodeCommandWrapper } from '../gbcs/CommandWrapper.ts';
import { verifyMac } from '../gbcs/mac.ts';
import { decodeGbcsMessage } from '../gbcs/message.ts';
import { signPreCommand, verifyGroupingHeaderSignature } from '../gbcs/signature.ts';
import { issuerSerialResolver } from '../xmldsig/issuerSerialResolver.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { verifyDuis } from '../xmldsig/verifyDuis.ts';
import { cosBody, handoverBody, krpBody, retrieveKrpBody } from './testBodies.ts';
import {
  ACB,
  AURORA,
  BOREALIS,
  checkDspXml,
  ESME,
  type Harness,
  harness,
  MPAN_12,
  NO_12,
  NO_13,
  S1_ESME,
  TRANS_COS,
} from './testSupport.ts';

/** A countersigned request: the DSP's XML signature verifies, and it parses. */
async function verifiedByDsp(h: Harness, xml: string) {
  const dsp = await h.estate.keyStore.lookup(h.estate.parties.dspSigner().eui, 'XML');
  const verdict = await verifyDuis(xml, issuerSerialResolver([dsp.certificate]));
  expect(verdict.ok, verdict.reasons.map((r) => r.message).join('; ')).to.equal(true);
  return parseDuisRequest(xml);
}

/** The one command the gateway got: decoded, its signature checked against `signer` (or absent), its MAC checked. */
async function sentCommand(h: Harness, signer: Eui | undefined) {
  await h.dsp.idle();
  expect(h.gateway.commands).to.have.length(1);
  const wrapped = decodeCommandWrapper(h.gateway.commands[0]!.bytes);
  if (signer === undefined) {
    expect(wrapped.header.signature).to.equal('none');
  } else {
    const key = (await h.estate.keyStore.lookup(signer, 'DS')).publicKey;
    expect(verifyGroupingHeaderSignature(wrapped.header, key).ok).to.equal(true);
  }
  const acbKa = (await h.estate.keyStore.lookup(ACB, 'KA')).publicKey;
  expect(verifyMac(wrapped, h.gateway.credentials.kaPrivateKey(ESME), acbKa).ok).to.equal(true);
  return { wrapped, message: decodeGbcsMessage(h.gateway.commands[0]!.bytes) };
}

describe('Non-Critical device SRVs: the DCC builds the command itself → I99, then the device response', () => {
  it('6.21 Request Handover: CS02b originated and signed by the ACB, MAC by the ACB', async () => {
    const h = await harness();
    const body = await handoverBody(h.estate, 'NetworkOperator', NO_12);
    const answer = await h.send('S', { from: AURORA, target: ESME, counter: 1, cv: 1, srv: '6.21', body });
    expect(answer.responseCode, answer.reason).to.equal('I99');
    const { wrapped, message } = await sentCommand(h, ACB);
    expect(wrapped.header.originator.equals(ACB)).to.equal(true);
    expect(wrapped.header.messageCode).to.equal(0x0103);
    if (message.payload.useCase !== 'CS02b' || message.payload.direction !== 'command') throw new Error('not CS02b');
    expect(message.payload.value.control.authorisingRemotePartyTaCell).to.deep.equal({
      role: 'networkOperator',
      keyUsage: 'DS',
      cellUsage: 'management',
    });
    expect(message.payload.value.control.authorisingRemotePartySeqNumber).to.equal(wrapped.header.originatorCounter);

    const kinds = h.outbox.deliveries.map((d) => `${d.meta.kind} ${d.meta.responseCode} → ${d.to}`);
    expect(kinds).to.deep.equal([`response I0 → ${AURORA}`, `dccAlert I0 → ${AURORA}`, `dccAlert I0 → ${NO_12}`]);
    const response = await checkDspXml(h.estate, h.outbox.deliveries[0]!.xml);
    expect(response.header.responseId?.toString()).to.equal(`${ESME}:${AURORA}:1`);
    for (const d of h.outbox.deliveries) await checkDspXml(h.estate, d.xml);
  });

  it('6.21 uses the DCC\'s own increasing originator counter, not the User\'s', async () => {
    const h = await harness();
    const body = await handoverBody(h.estate, 'Supplier', AURORA);
    await h.send('S', { from: AURORA, target: ESME, counter: 1, cv: 1, srv: '6.21', body });
    await h.send('S', { from: AURORA, target: ESME, counter: 2, cv: 1, srv: '6.21', body });
    await h.dsp.idle();
    const counters = h.gateway.commands.map((c) => decodeCommandWrapper(c.bytes).header.originatorCounter);
    expect(counters[0]).to.equal(BigInt(h.clock.now().getTime()));
    expect(counters[1]).to.equal(counters[0]! + 1n);
  });

  it('6.23 CoS: CS02b supplierByTransCoS signed as the Transitional CoS party', async () => {
    const h = await harness();
    const body = await cosBody(h.estate, AURORA, MPAN_12.value);
    const answer = await h.send('S', { from: AURORA, target: ESME, counter: 1, cv: 1, srv: '6.23', body });
    expect(answer.responseCode, answer.reason).to.equal('I99');
    const { wrapped, message } = await sentCommand(h, TRANS_COS);
    expect(wrapped.header.originator.equals(TRANS_COS)).to.equal(true);
    expect(wrapped.header.messageCode).to.equal(0x0107);
    if (message.payload.useCase !== 'CS02b' || message.payload.direction !== 'command') throw new Error('not CS02b');
    expect(message.payload.value.control.authorisingRemotePartyTaCell?.role).to.equal('transitionalCoS');
    expect(h.outbox.deliveries.map((d) => d.meta.kind)).to.deep.equal(['response', 'dccAlert']);
  });

  it('6.24.1 Retrieve Device Security Credentials (KRP): CS02a from the ACB with a MAC only', async () => {
    const h = await harness();
    const answer = await h.send('S', { from: AURORA, target: ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() });
    expect(answer.responseCode).to.equal('I99');
    const { message } = await sentCommand(h, undefined);
    expect(message.payload).to.deep.equal({
      useCase: 'CS02a',
      direction: 'command',
      value: {
        authorisingRemotePartyTaCell: { role: 'accessControlBroker', keyUsage: 'KA', cellUsage: 'management' },
        remotePartyRoles: ['supplier', 'networkOperator'],
      },
    });
    expect(h.outbox.deliveries.map((d) => d.meta.kind)).to.deep.equal(['response']);
  });
});

describe('SMETS1 devices go to the S1SP', () => {
  it('answers E20 at once when no S1SP is connected, and changes nothing', async () => {
    const h = await harness();
    const before = h.observable();
    const answer = await h.send('S', { from: BOREALIS, target: S1_ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() });
    expect(answer.responseCode).to.equal('E20');
    expect(answer.reason).to.match(/SMETS1 device served by S1SP S1SP-A, and no S1SP is connected/);
    expect(h.observable()).to.deep.equal(before);
  });

  it('passes a Non-Critical request to the S1SP, countersigned, and POSTs the code it answers', async () => {
    const h = await harness({ withS1sp: true });
    h.s1sp.next = { kind: 'smets1Response', responseCode: 'E20', reason: 'simulated S1SP outage' };
    const answer = await h.send('S', { from: BOREALIS, target: S1_ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() });
    expect(answer.responseCode).to.equal('I99');
    await h.dsp.idle();
    expect(h.gateway.commands).to.have.length(0);
    expect(h.s1sp.requests).to.have.length(1);
    const sent = h.s1sp.requests[0]!;
    expect(sent).to.deep.include({ s1spId: 'S1SP-A', commandVariant: 1, userRole: 'IS' });
    const countersigned = await verifiedByDsp(h, sent.countersigned);
    expect(countersigned.header.requestId.toString()).to.equal(`${BOREALIS}:${S1_ESME}:1`);
    const [delivered, ...rest] = h.outbox.deliveries;
    expect(rest).to.have.length(0);
    expect((await checkDspXml(h.estate, delivered!.xml)).header.responseCode).to.equal('E20');
  });

  it("carries the S1SP's signed SMETS1 response to the User unchanged, in sr:SMETS1ResponseMessage", async () => {
    const h = await harness({ withS1sp: true });
    const s1spKey = await h.estate.keyStore.lookup(NO_13, 'XML'); // any XML credential stands in for the S1SP's
    const inner = signDuis(
      `<sr:SMETS1SignedResponse xmlns:sr="${SR_NS}" schemaVersion="5.4"><sr:SMETS1Response>MMC content</sr:SMETS1Response></sr:SMETS1SignedResponse>`,
      { privateKey: s1spKey.privateKey, certificate: s1spKey.certificate },
    );
    h.s1sp.next = { kind: 'smets1Response', responseCode: 'I0', signedResponse: inner };
    await h.send('S', { from: BOREALIS, target: S1_ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() });
    await h.dsp.idle();
    const xml = h.outbox.deliveries[0]!.xml;
    const root = parseXmlStrict(xml).documentElement;
    expect(root.localName).to.equal('Response');
    const carried = /<sr:SMETS1SignedResponse[\s\S]*<\/sr:SMETS1SignedResponse>/.exec(xml)![0];
    expect(inner.endsWith(carried)).to.equal(true);
    const verdict = await verifyDuis(carried, issuerSerialResolver([s1spKey.certificate]));
    expect(verdict.ok, 'the S1SP signature still verifies').to.equal(true);
    expect(xml).to.match(/<sr:ResponseCode>I0<\/sr:ResponseCode>/);
    expect(xml).to.include(`<sr:ResponseID>${S1_ESME}:${BOREALIS}:1</sr:ResponseID>`);
    expect(xml).to.include('<sr:SMETS1ResponseMessage><sr:ServiceReference>6.24</sr:ServiceReference><sr:ServiceReferenceVariant>6.24.1</sr:ServiceReferenceVariant>');
  });

  it('passes a Signed Pre-Command to the S1SP (no ACB MAC) with the CV 4 body', async () => {
    const h = await harness({ withS1sp: true });
    const body = await krpBody(h.estate, 'NetworkOperator', NO_13);
    const cv4 = await h.send('T', { from: NO_13, target: S1_ESME, counter: 3, cv: 4, srv: '6.15.1', body });
    expect(cv4.responseCode, cv4.reason).to.equal('I0');
    const response = await checkDspXml(h.estate, cv4.body);
    if (response.body.kind !== 'ResponseMessage' || response.body.content?.kind !== 'PreCommand') throw new Error('no PreCommand');
    const signed = signPreCommand(response.body.content.gbcsPayload, (await h.estate.keyStore.lookup(NO_13, 'DS')).privateKey);
    const cv5 = await h.send('S', { from: NO_13, target: S1_ESME, counter: 3, cv: 5, srv: '6.15.1', body: { kind: 'SignedPreCommand', gbcsPayload: signed } });
    expect(cv5.responseCode, cv5.reason).to.equal('I99');
    await h.dsp.idle();
    const sent = h.s1sp.requests[0]!;
    expect(sent.signedPreCommand?.equals(signed)).to.equal(true);
    expect(sent.body.kind).to.equal('UpdateSecurityCredentialsKRP');
    const countersigned = await verifiedByDsp(h, sent.countersigned);
    expect(countersigned.header.commandVariant, 'the CV 4 form of a critical request').to.equal(4);
    expect(countersigned.body.kind).to.equal('UpdateSecurityCredentialsKRP');
  });
});
