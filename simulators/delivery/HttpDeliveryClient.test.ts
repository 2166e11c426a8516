import { after, afterEach, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { harness, response, STRANGER, URL_A, USER_A, xml } from './testSupport.ts';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** Answers POSTs to URL_A with the given statuses in turn (the last one repeats); records bodies. */
function endpoint(...answers: (number | (() => Response | Promise<Response>))[]) {
  const received: { body: string; contentType: string | null }[] = [];
  server.use(
    http.post(URL_A, async ({ request }) => {
      received.push({ body: await request.text(), contentType: request.headers.get('content-type') });
      const answer = answers[Math.min(received.length, answers.length) - 1]!;
      return typeof answer === 'number' ? new HttpResponse(`status ${answer}`, { status: answer }) : answer();
    }),
  );
  return received;
}

describe('HttpDeliveryClient: one message', () => {
  it('POSTs the XML to the User once when it answers 2xx, and journals it', async () => {
    const received = endpoint(202);
    const { client, journal, sleeps } = harness();
    client.deliver(USER_A, xml(1), response(1));
    expect(client.pending(USER_A).map((m) => m.id)).to.deep.equal(['delivery-1']);
    await client.idle();
    expect(received).to.deep.equal([{ body: xml(1), contentType: 'application/xml' }]);
    expect(sleeps).to.deep.equal([]);
    expect(client.pending()).to.deep.equal([]);
    expect(client.undeliverable()).to.deep.equal([]);
    const [entry] = journal.entries();
    expect(entry).to.include({ via: 'DELIVERY', from: 'DSP', to: '90-B3-D5-1F-30-01-00-0A', kind: 'delivery' });
    expect(entry).to.include({ requestId: response(1).requestId });
    expect(entry).not.to.have.property('payload'); // the DSP's own DUIS entry carries the XML
    expect(entry!.summary).to.equal(`POST ${URL_A} → 202, delivered (attempt 1/6, response delivery-1)`);
  });

  it('retries 503 with exponential back-off until the User takes it', async () => {
    const received = endpoint(503, 503, 503, 200);
    const { client, sleeps, summaries } = harness();
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(received).to.have.length(4);
    expect(sleeps).to.deep.equal([200, 400, 800]);
    expect(summaries()).to.deep.equal([
      `POST ${URL_A} → 503, retry 1 in 200 ms (attempt 1/6, response delivery-1)`,
      `POST ${URL_A} → 503, retry 2 in 400 ms (attempt 2/6, response delivery-1)`,
      `POST ${URL_A} → 503, retry 3 in 800 ms (attempt 3/6, response delivery-1)`,
      `POST ${URL_A} → 200, delivered (attempt 4/6, response delivery-1)`,
    ]);
    expect(client.undeliverable()).to.deep.equal([]);
  });

  it('keeps a message that failed every attempt, with attempts, last status and timestamps', async () => {
    const received = endpoint(500);
    const { client, clock, sleeps, summaries } = harness({ retry: { maxAttempts: 4 } });
    const start = clock.now();
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(received).to.have.length(4);
    expect(sleeps).to.deep.equal([200, 400, 800]);
    const [kept] = client.undeliverable(USER_A);
    expect(kept).to.include({ id: 'delivery-1', xml: xml(1), attempts: 4, lastStatus: 500, cause: 'retries-exhausted' });
    expect(kept).to.include({ url: URL_A, bodyExcerpt: 'status 500' });
    expect(kept!.reason).to.equal('not delivered after 4 attempts; last: HTTP 500: "status 500"');
    expect(kept!.queuedAt).to.deep.equal(start);
    expect(kept!.firstAttemptAt).to.deep.equal(start);
    expect(kept!.lastAttemptAt!.getTime() - start.getTime()).to.equal(1400);
    expect(kept!.deadLetteredAt).to.deep.equal(kept!.lastAttemptAt);
    expect(summaries().slice(-2)).to.deep.equal([
      `POST ${URL_A} → 500, no attempts left (attempt 4/4, response delivery-1)`,
      `response delivery-1 kept as undeliverable (retries-exhausted): ${kept!.reason}`,
    ]);
    expect(client.pending()).to.deep.equal([]);
  });

  it('does not retry a 4xx refusal and keeps it with the status and the start of the body', async () => {
    const refusal = `<error>${'unknown RequestID '.repeat(20)}</error>`;
    const received = endpoint(() => new HttpResponse(refusal, { status: 400 }));
    const { client, sleeps } = harness();
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(received).to.have.length(1);
    expect(sleeps).to.deep.equal([]);
    const [kept] = client.undeliverable(USER_A);
    expect(kept).to.include({ cause: 'refused', attempts: 1, lastStatus: 400 });
    expect(kept!.bodyExcerpt).to.have.length(200).and.match(/^<error>unknown RequestID unknown/).and.match(/…$/);
    expect(kept!.reason).to.equal(`HTTP 400 refused by the User: "${kept!.bodyExcerpt}"`);
  });

  it('waits as long as a 429 Retry-After asks, within the cap', async () => {
    const tooMany = (seconds: string) => () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': seconds } });
    endpoint(tooMany('3'), tooMany('120'), 204);
    const { client, sleeps, summaries } = harness();
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(sleeps).to.deep.equal([3000, 30_000]);
    expect(summaries()[0]).to.equal(`POST ${URL_A} → 429, retry 1 in 3000 ms as Retry-After asked (attempt 1/6, response delivery-1)`);
    expect(client.undeliverable()).to.deep.equal([]);
  });

  it('abandons an attempt the User does not answer in time, retries, then keeps the message', async () => {
    const received = endpoint(async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 200 });
    });
    const { client, sleeps } = harness({ retry: { maxAttempts: 3, attemptTimeoutMs: 25 } });
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(received).to.have.length(3);
    expect(sleeps).to.deep.equal([200, 400]);
    const [kept] = client.undeliverable(USER_A);
    expect(kept).to.include({ cause: 'retries-exhausted', attempts: 3, lastStatus: undefined });
    expect(kept!.lastError).to.equal('timed out: no answer within 25 ms');
  });

  it('retries a network error', async () => {
    const received = endpoint(() => HttpResponse.error(), 200);
    const { client, sleeps, summaries } = harness();
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(received).to.have.length(2);
    expect(sleeps).to.deep.equal([200]);
    expect(summaries()[0]).to.match(/^POST https:\/\/user-a\.example\/duis\/responses → Failed to fetch, retry 1 in 200 ms/);
    expect(client.undeliverable()).to.deep.equal([]);
  });

  it('keeps a message whose every attempt met a network error, with the error', async () => {
    endpoint(() => HttpResponse.error());
    const { client } = harness({ retry: { maxAttempts: 2 } });
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    const [kept] = client.undeliverable(USER_A);
    expect(kept).to.include({ cause: 'retries-exhausted', attempts: 2, lastError: 'Failed to fetch' });
  });

  it('does not follow a redirect: the User must register the URL it wants', async () => {
    endpoint(() => new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }));
    const { client } = harness();
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(client.undeliverable(USER_A)[0]).to.include({
      cause: 'refused',
      reason: 'HTTP 302 redirect to https://elsewhere.example/ not followed',
    });
  });
});

describe('HttpDeliveryClient: what the DSP hands over', () => {
  it('takes the DSP\'s meta as is: journals its ids, and uses its response URL when the lookup has none', async () => {
    const received = endpoint(200);
    const { client, journal } = harness();
    const deviceId = Eui.parse('00-DB-12-34-56-78-90-A0');
    const requestId = RequestId.of(STRANGER, deviceId, 1001);
    const meta = { kind: 'deviceAlert', alertCode: '8F3D', responseCode: 'I0', srv: '6.15.1', deviceId, requestId, responseUrl: URL_A } as const;
    client.deliver(STRANGER, xml(1), meta);
    await client.idle();
    expect(received).to.have.length(1);
    expect(journal.entries()[0]).to.include({
      to: '90-B3-D5-1F-30-01-00-FF',
      requestId: requestId.toString(),
      deviceId: '00-DB-12-34-56-78-90-A0',
      srv: '6.15.1',
      responseCode: 'I0',
      summary: `POST ${URL_A} → 200, delivered (attempt 1/6, deviceAlert 8F3D delivery-1)`,
    });
  });
});

describe('HttpDeliveryClient: robustness', () => {
  it('a journal listener that throws neither loses a message nor undoes a delivery', async () => {
    const received = endpoint(500, 200);
    const { client, journal } = harness();
    journal.subscribe(() => {
      throw new Error('listener broke');
    });
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(received).to.have.length(2);
    expect(client.undeliverable()).to.deep.equal([]);
    expect(journal.size).to.equal(2);
  });

  it('keeps a message when something unexpected fails, instead of dropping it', async () => {
    endpoint(503);
    const { client } = harness({ sleep: () => Promise.reject(new Error('timer broke')) });
    client.deliver(USER_A, xml(1), response(1));
    await client.idle();
    expect(client.undeliverable(USER_A)[0]).to.include({
      cause: 'internal-error',
      reason: 'delivery failed unexpectedly: timer broke',
    });
  });
});
