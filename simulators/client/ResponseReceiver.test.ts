import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import type { FetchLike } from '../delivery/index.ts';
import { acknowledgement, buildDuisResponse, deviceAlert } from '../duis/index.ts';
import type { Estate } from '../estate/Estate.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { ResponseReceiver } from './ResponseReceiver.ts';
import { AURORA, defaultEstate, dspOverHttp, ESME, signAsDsp } from './testSupport.ts';

const retrieveKrp = {
  target: ESME,
  srv: '6.24.1',
  body: { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier'] },
} as const;

describe('ResponseReceiver with a real DSP and its HTTP delivery client', () => {
  it('failNext(2, 503): the DSP retries and the device response still arrives, once', async () => {
    const h = await dspOverHttp();
    after(() => h.close());
    h.receiver.failNext(2, 503);
    const sent = await h.client(AURORA).nonCritical(retrieveKrp);
    expect(sent.responseCode).to.equal('I99');
    const arrived = await h.receiver.waitFor((m) => m.response?.header.requestId?.equals(sent.requestId) ?? false);
    expect(arrived).to.include({ kind: 'response', signatureOk: true, answeredStatus: 200, seq: 1 });
    expect(h.receiver.attempts().map((a) => [a.status, a.taken])).to.deep.equal([[503, false], [503, false], [200, true]]);
    expect(h.receiver.all()).to.have.length(1);
    await h.outbox.idle();
    expect(h.outbox.undeliverable()).to.have.length(0);
  });

  it('a receiver that keeps failing makes the DSP give up and keep the message as undeliverable', async () => {
    const h = await dspOverHttp();
    after(() => h.close());
    h.receiver.failNext(6, 500);
    await h.client(AURORA).nonCritical(retrieveKrp);
    await h.dsp.idle();
    await h.outbox.idle();
    expect(h.receiver.attempts()).to.have.length(6);
    expect(h.receiver.all()).to.have.length(0);
    expect(h.outbox.undeliverable(AURORA).map((m) => m.cause)).to.deep.equal(['retries-exhausted']);
  });

  it('a message tampered with on its way is kept, flagged signatureOk: false with the reasons, and answered 200', async () => {
    const tamper: FetchLike = (url, init) =>
      globalThis.fetch(url, { ...init, body: String(init.body).replace('<sr:ResponseCode>I0<', '<sr:ResponseCode>E21<') });
    const h = await dspOverHttp({ deliveryFetch: tamper });
    after(() => h.close());
    const sent = await h.client(AURORA).nonCritical(retrieveKrp);
    const arrived = await h.receiver.waitFor((m) => m.response?.header.requestId?.equals(sent.requestId) ?? false);
    expect(arrived.signatureOk).to.equal(false);
    expect(arrived.reasons.map((r) => r.code)).to.deep.equal(['digest-mismatch']);
    expect(arrived.response!.header.responseCode).to.equal('E21');
    expect(arrived.answeredStatus).to.equal(200);
    await h.outbox.idle();
    expect(h.outbox.undeliverable()).to.have.length(0);
  });
});

describe('ResponseReceiver on its own', () => {
  let estate: Estate;
  let receiver: ResponseReceiver;
  const requestId = RequestId.parse(`${AURORA}:${ESME}:42`);
  const post = (body: string, init: RequestInit = {}) =>
    fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body, ...init });
  const ack = () =>
    buildDuisResponse(acknowledgement({ requestId, srv: Srv.parse('6.24.1'), responseDateTime: new Date('2026-01-01T00:00:00Z') }));
  const alert = () =>
    buildDuisResponse(
      deviceAlert({ alertCode: '8F3D', gbcsPayload: Buffer.from('df0900', 'hex'), requestId, responseDateTime: new Date('2026-01-01T00:00:00Z') }),
    );

  before(async () => {
    estate = await defaultEstate();
  });

  const fresh = async () => {
    receiver = await ResponseReceiver.start({ keyStore: estate.keyStore });
    after(() => receiver.close());
  };

  it('verifies, parses and keeps DSP messages in arrival order; responsesFor and alerts select them', async () => {
    await fresh();
    expect(receiver.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/duis\/responses$/);
    expect((await post(await signAsDsp(estate, ack()))).status).to.equal(200);
    expect((await post(await signAsDsp(estate, alert()))).status).to.equal(200);
    const [first, second] = receiver.all();
    expect(first).to.include({ seq: 1, kind: 'response', signatureOk: true, contentType: 'application/xml' });
    expect(second).to.include({ seq: 2, kind: 'deviceAlert', signatureOk: true });
    expect(receiver.responsesFor(requestId.toString()).map((m) => m.seq)).to.deep.equal([1, 2]);
    expect(receiver.alerts().map((m) => m.seq)).to.deep.equal([2]);
  });

  it('keeps what fails verification, with reasons, and answers 200: unsigned, signed by a User, not XML', async () => {
    await fresh();
    const user = await estate.keyStore.lookup(AURORA, 'XML');
    const byUser = signDuis(ack(), { privateKey: user.privateKey, certificate: user.certificate });
    for (const body of [ack(), byUser, 'not xml at all']) expect((await post(body)).status).to.equal(200);
    const [unsigned, userSigned, garbage] = receiver.all();
    expect(unsigned).to.include({ signatureOk: false, kind: 'response' });
    expect(unsigned!.reasons.map((r) => r.code)).to.deep.equal(['unsigned']);
    expect(userSigned!.reasons.map((r) => r.code)).to.deep.equal(['not-dsp-signer']);
    expect(userSigned!.signer?.eui.equals(AURORA)).to.equal(true);
    expect(garbage).to.include({ signatureOk: false, kind: 'unreadable' });
    expect(garbage!.parseError).to.match(/XML refused/);
  });

  it('answers by its script: failNext with Retry-After, delayNext, and 405 / 404 off the endpoint', async () => {
    await fresh();
    receiver.failNext(1, 429, { retryAfter: '2' });
    const refused = await post(await signAsDsp(estate, ack()));
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('retry-after')).to.equal('2');
    receiver.delayNext(1, 60);
    const started = Date.now();
    expect((await post(await signAsDsp(estate, ack()))).status).to.equal(200);
    expect(Date.now() - started).to.be.at.least(55);
    expect(receiver.attempts().map((a) => a.status)).to.deep.equal([429, 200]);
    expect(receiver.all()).to.have.length(1);
    expect((await fetch(receiver.url)).status).to.equal(405);
    expect((await fetch(receiver.url.replace('/duis/responses', '/elsewhere'), { method: 'POST', body: 'x' })).status).to.equal(404);
  });

  it('waitFor resolves with a message that arrives later, and times out naming what did arrive', async () => {
    await fresh();
    const waiting = receiver.waitFor((m) => m.kind === 'deviceAlert', { timeoutMs: 2000 });
    await post(await signAsDsp(estate, ack()));
    await post(await signAsDsp(estate, alert()));
    expect((await waiting).seq).to.equal(2);
    const error = await receiver.waitFor((m) => m.kind === 'dccAlert', { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(String(error)).to.match(/no message matched within 30 ms; received 2: #1 response I99 .*:42; #2 deviceAlert I0/);
  });

  it('close rejects pending waits', async () => {
    await fresh();
    const waiting = receiver.waitFor(() => true, { timeoutMs: 2000 }).catch((e: unknown) => e);
    await receiver.close();
    expect(String(await waiting)).to.match(/the response receiver closed; none received/);
  });
});
