import { after, afterEach, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { responseUrlsFrom } from './responseUrls.ts';
import {
  harness, heldSleep, response, STRANGER, until, URL_A, URL_B, URL_C, URL_D, USER_A, USER_B, USER_C, USER_D, xml,
} from './testSupport.ts';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** POSTs being answered right now, over all endpoints, and the most at once. */
const wire = { now: 0, peak: 0 };

/** An endpoint whose status the test changes; records every body and which were accepted. */
function switchable(url: string, initial: number) {
  const state = { status: initial, seen: [] as string[], accepted: [] as string[] };
  server.use(
    http.post(url, async ({ request }) => {
      const body = await request.text();
      state.seen.push(body);
      wire.peak = Math.max(wire.peak, ++wire.now);
      await delay(5);
      wire.now--;
      if (state.status < 300) state.accepted.push(body);
      return new HttpResponse(null, { status: state.status });
    }),
  );
  return state;
}

describe('HttpDeliveryClient: queues, keeping and closing', () => {
  it('delivers one User its messages in the order produced, even when the first needs retries', async () => {
    const a = switchable(URL_A, 503);
    const held = heldSleep();
    const { client } = harness({ sleep: held.sleep });
    for (const n of [1, 2, 3]) client.deliver(USER_A, xml(n), response(n));
    await until(() => held.asked.length === 1);
    expect(client.pending(USER_A).map((m) => [m.id, m.state])).to.deep.equal([
      ['delivery-1', 'waiting-to-retry'],
      ['delivery-2', 'queued'],
      ['delivery-3', 'queued'],
    ]);
    a.status = 200;
    held.release();
    await client.idle();
    expect(a.seen).to.deep.equal([xml(1), xml(1), xml(2), xml(3)]);
    expect(a.accepted).to.deep.equal([xml(1), xml(2), xml(3)]);
  });

  it('does not hold up other Users while one waits to retry', async () => {
    switchable(URL_A, 503);
    const b = switchable(URL_B, 200);
    const held = heldSleep();
    const { client } = harness({ sleep: held.sleep });
    client.deliver(USER_A, xml(1), response(1));
    client.deliver(USER_B, xml(2), response(2));
    await until(() => b.accepted.length === 1 && held.asked.length === 1);
    expect(client.pending().map((m) => m.id)).to.deep.equal(['delivery-1']);
    await client.close();
  });

  it('limits POSTs on the wire across Users', async () => {
    const endpoints = [URL_A, URL_B, URL_C, URL_D].map((url) => switchable(url, 200));
    const users = [USER_A, USER_B, USER_C, USER_D, USER_A, USER_B];
    for (const maxConcurrentPosts of [2, 16]) {
      const { client } = harness({ maxConcurrentPosts });
      wire.peak = 0;
      for (const [n, user] of users.entries()) client.deliver(user, xml(n), response(n));
      await client.idle();
      expect(wire.peak).to.equal(Math.min(maxConcurrentPosts, 4));
    }
    expect(endpoints.map((e) => e.accepted.length)).to.deep.equal([4, 4, 2, 2]);
  });

  it('redelivers kept messages in order once the User has recovered; take() hands one over', async () => {
    const a = switchable(URL_A, 500);
    const { client, summaries } = harness({ retry: { maxAttempts: 2 } });
    for (const n of [1, 2, 3]) client.deliver(USER_A, xml(n), response(n));
    await client.idle();
    expect(client.undeliverable(USER_A).map((m) => [m.id, m.attempts])).to.deep.equal([
      ['delivery-1', 2],
      ['delivery-2', 2],
      ['delivery-3', 2],
    ]);
    const taken = client.take(USER_A, 'delivery-2');
    expect(taken).to.include({ id: 'delivery-2', xml: xml(2), cause: 'retries-exhausted' });
    expect(client.take(USER_A, 'delivery-2')).to.equal(undefined);
    expect(client.take(USER_B, 'delivery-1')).to.equal(undefined);
    a.status = 204;
    expect(client.redeliver(USER_A)).to.equal(2);
    await client.idle();
    expect(a.accepted).to.deep.equal([xml(1), xml(3)]);
    expect(client.undeliverable()).to.deep.equal([]);
    expect(summaries()).to.include('response delivery-1 redelivery 1 requested');
    expect(summaries().at(-1)).to.equal(`POST ${URL_A} → 204, delivered (attempt 1/2, response delivery-3)`);
  });

  it('keeps a message at once when its User has no usable response URL, and retries none', async () => {
    const urls = new Map([[USER_A.hex, 'ftp://user-a.example/']]);
    const { client, summaries } = harness({ responseUrl: (user) => urls.get(user.hex) });
    client.deliver(STRANGER, xml(1), { kind: 'dccAlert' });
    client.deliver(USER_A, xml(2), { kind: 'deviceAlert' });
    expect(client.pending()).to.deep.equal([]);
    expect(client.undeliverable().map((m) => [m.cause, m.reason, m.attempts])).to.deep.equal([
      ['no-response-url', 'no response URL registered for User 90-B3-D5-1F-30-01-00-FF', 0],
      ['no-response-url', 'response URL for User 90-B3-D5-1F-30-01-00-0A is not http(s): ftp://user-a.example/', 0],
    ]);
    expect(summaries()[0]).to.equal(
      'dccAlert delivery-1 kept as undeliverable (no-response-url): no response URL registered for User 90-B3-D5-1F-30-01-00-FF',
    );
    const a = switchable(URL_A, 200);
    urls.set(USER_A.hex, URL_A);
    client.redeliver(USER_A);
    await client.idle();
    expect(a.accepted).to.deep.equal([xml(2)]);
  });

  it('close() stops retries and keeps everything pending, in flight included', async () => {
    server.use(http.post(URL_A, async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 200 });
    }));
    switchable(URL_B, 503);
    const held = heldSleep();
    const { client } = harness({ sleep: held.sleep });
    client.deliver(USER_A, xml(1), response(1));
    client.deliver(USER_A, xml(2), response(2));
    client.deliver(USER_B, xml(3), response(3));
    await until(() => held.asked.length === 1 && client.pending(USER_A)[0]?.state === 'in-flight');
    await client.close();
    expect(client.pending()).to.deep.equal([]);
    expect(client.undeliverable().map((m) => [m.id, m.cause, m.attempts])).to.deep.equal([
      ['delivery-1', 'closed', 1],
      ['delivery-2', 'closed', 0],
      ['delivery-3', 'closed', 1],
    ]);
    expect(client.undeliverable(USER_A)[0]!.reason).to.match(/closed during attempt 1; the User may have received it/);
    client.deliver(USER_A, xml(4), response(4));
    expect(client.undeliverable(USER_A).map((m) => m.id)).to.deep.equal(['delivery-1', 'delivery-2', 'delivery-4']);
    expect(() => client.redeliver(USER_A)).to.throw(/closed/);
  });

  it('close({ abortInFlight: false }) lets a POST on the wire finish', async () => {
    const a = switchable(URL_A, 200);
    const { client } = harness({ responseUrl: responseUrlsFrom({ [USER_A.hex]: URL_A }) });
    client.deliver(USER_A, xml(1), response(1));
    client.deliver(USER_A, xml(2), response(2));
    await until(() => a.seen.length === 1);
    await client.close({ abortInFlight: false });
    expect(a.accepted).to.deep.equal([xml(1)]);
    expect(client.undeliverable().map((m) => [m.id, m.cause])).to.deep.equal([['delivery-2', 'closed']]);
  });
});
