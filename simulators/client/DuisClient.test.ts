import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { decodePreCommand } from '../gbcs/GroupingHeader.ts';
import type { Route } from '../http/HttpAnswer.ts';
import { DspResponseError } from './SentRequest.ts';
import { AURORA, DCC_ACB, type DspOverHttp, dspOverHttp, ESME, krpBody, NO_12 } from './testSupport.ts';

const readInventory = { srv: '8.2', body: { kind: 'ReadInventory', selector: { by: 'DeviceID', deviceId: ESME } } } as const;

describe('DuisClient against a real DSP over HTTP', () => {
  let h: DspOverHttp;
  before(async () => {
    h = await dspOverHttp();
  });
  after(() => h.close());

  it('8.2 Read Inventory (CV 8 on serviceD, to the DCC) → I0, signed by the DSP and verified', async () => {
    const client = h.client(AURORA);
    const sent = await client.nonDevice(readInventory);
    expect(sent).to.include({ service: 'D', status: 200, responseCode: 'I0' });
    expect(sent.requestId.target.equals(DCC_ACB)).to.equal(true);
    expect(sent.requestId.counter).to.equal(BigInt(h.clock.now().getTime()));
    expect(sent.signer?.eui.equals(DCC_ACB)).to.equal(true);
    expect(sent.response?.header.requestId?.equals(sent.requestId)).to.equal(true);
    const content = sent.response?.body.kind === 'ResponseMessage' ? sent.response.body.content : undefined;
    if (content?.kind !== 'DSPInventory') throw new Error('expected an inventory');
    expect(content.devices.map((d) => d.deviceId.toString())).to.deep.equal([ESME.toString(), '00-DB-12-34-56-78-90-A2']);
    expect(sent.xml).to.match(/^<\?xml[^>]*\?><sr:Request .*<ds:Signature/);
  });

  it('6.15.1 critical flow: CV 4 → PreCommand → signed with the DS key → CV 5 → I99, then the device response arrives signed', async () => {
    const client = h.client(AURORA);
    const flow = await client.critical({ target: ESME, srv: '6.15.1', body: await krpBody(h.estate, 'Supplier', AURORA) });
    expect(flow.cv4).to.include({ service: 'T', status: 200, responseCode: 'I0' });
    expect(decodePreCommand(flow.preCommand!)).to.include({ originatorCounter: flow.requestId.counter, messageCode: 0x0102 });
    expect(flow.cv5).to.include({ service: 'S', status: 200, responseCode: 'I99' });
    expect(flow.cv5!.requestId.equals(flow.requestId)).to.equal(true);

    const response = await h.receiver.waitFor((m) => m.kind === 'response' && m.response!.header.requestId!.equals(flow.requestId));
    expect(response.signatureOk, JSON.stringify(response.reasons)).to.equal(true);
    expect(response.signer?.eui.equals(DCC_ACB)).to.equal(true);
    expect(response.response!.header.responseCode).to.equal('I0');
    expect(response.response!.header.responseId?.toString()).to.equal(`${ESME}:${AURORA}:${flow.requestId.counter}`);
    expect(response.response!.body).to.deep.include({ kind: 'ResponseMessage', serviceReferenceVariant: '6.15.1' });
    const alert = await h.receiver.waitFor((m) => m.kind === 'dccAlert' && m.seq > response.seq);
    expect(alert.signatureOk).to.equal(true);
    expect(alert.response!.body).to.deep.include({ kind: 'DCCAlertMessage', dccAlertCode: 'N42' });
    expect(h.receiver.responsesFor(flow.requestId).map((m) => m.seq)).to.include(response.seq);
  });

  it('6.24.1 non-critical (CV 1 on serviceS) → I99, then the device response', async () => {
    const client = h.client(AURORA);
    const sent = await client.nonCritical({
      target: ESME,
      srv: '6.24.1',
      body: { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier', 'NetworkOperator'] },
    });
    expect(sent).to.include({ service: 'S', status: 200, responseCode: 'I99' });
    const response = await h.receiver.waitFor((m) => m.response?.header.requestId?.equals(sent.requestId) ?? false);
    expect(response).to.include({ kind: 'response', signatureOk: true });
  });

  it('a refusal surfaces its response code and the harness reason (E2: ED may not send 6.17); no CV 5 follows', async () => {
    const client = h.client(NO_12);
    const flow = await client.critical({ target: ESME, srv: '6.17', body: { kind: 'IssueSecurityCredentials', credentialType: 'DS' } });
    expect(flow.cv4).to.include({ status: 200, responseCode: 'E2' });
    expect(flow.cv4.reason).to.match(/acts as ED; SRV 6\.17 .* may be sent by IS, GS/);
    expect(flow.cv4.signer?.eui.equals(DCC_ACB)).to.equal(true);
    expect(flow.cv5).to.equal(undefined);
    expect(flow.preCommand).to.equal(undefined);
  });

  it('sendRaw: what the DSP cannot read or authenticate comes back as a plain HTTP error with its reason', async () => {
    const client = h.client(AURORA);
    const unsigned = await client.sendRaw('D', (await client.nonDevice(readInventory)).xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''));
    expect(unsigned.status).to.equal(400);
    expect(unsigned.reason).to.match(/no ds:Signature/);
    expect(unsigned.response).to.equal(undefined);
    const wrongType = await client.sendRaw('D', '<x/>', { 'Content-Type': 'text/plain' });
    expect(wrongType.status).to.equal(415);
  });
});

describe('DuisClient RequestID counters', () => {
  it('numbers requests with a counter that only rises, past counters given by hand', async () => {
    const h = await dspOverHttp();
    after(() => h.close());
    const client = h.client(AURORA, { counterStart: 5_000_000_000_000n });
    const first = client.nextRequestId(ESME);
    expect(first.toString()).to.equal(`${AURORA}:${ESME}:5000000000000`);
    const byHand = await client.nonDevice({ ...readInventory, requestId: `${AURORA}:${DCC_ACB}:5000000000100` });
    expect(byHand.responseCode).to.equal('I0');
    expect(client.nextRequestId(ESME).counter).to.equal(5_000_000_000_101n);
    const replay = await client.nonDevice({ ...readInventory, requestId: byHand.requestId });
    expect(replay.responseCode).to.equal('E12');
    expect(replay.reason).to.match(/replay/);
  });
});

describe('DuisClient refuses DSP answers it cannot trust', () => {
  const tamperWith = (change: (xml: string) => string) => (route: Route): Route => async (request) => {
    const answer = await route(request);
    return answer && answer.status === 200 ? { ...answer, body: change(answer.body) } : answer;
  };

  for (const [what, change, code] of [
    ['tampered', (xml: string) => xml.replace('>I0<', '>I99<'), 'digest-mismatch'],
    ['unsigned', (xml: string) => xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''), 'unsigned'],
    ['not XML', () => 'Internal error', 'not-well-formed'],
  ] as const) {
    it(`a ${what} 200 answer rejects with DspResponseError (${code})`, async () => {
      const h = await dspOverHttp({ wrapRoute: tamperWith(change) });
      try {
        const error = await h.client(AURORA).nonDevice(readInventory).then(
          () => expect.fail('expected a DspResponseError'),
          (e: unknown) => e,
        );
        expect(error).to.be.instanceOf(DspResponseError);
        const e = error as DspResponseError;
        expect(e.reasons.map((r) => r.code)).to.include(code);
        expect(e.exchange.status).to.equal(200);
        expect(e.message).to.match(/cannot be trusted/);
      } finally {
        await h.close();
      }
    });
  }

  it('an answer signed by a User rather than the DSP is refused (not-dsp-signer)', async () => {
    const h = await dspOverHttp();
    try {
      const aurora = await h.estate.keyStore.lookup(AURORA, 'XML');
      const client = h.client(AURORA, { isDspSigner: (c) => c.eui.equals(NO_12) });
      const error = await client.nonDevice(readInventory).catch((e: unknown) => e);
      expect((error as DspResponseError).reasons.map((r) => r.code)).to.deep.equal(['not-dsp-signer']);
      expect(aurora.role).to.equal(135);
    } finally {
      await h.close();
    }
  });
});
