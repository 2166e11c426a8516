/** What only the WebSocket transport has: endpoints per region, hosts coming and going, real time. */
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { WebSocket } from 'ws';
import { SystemClock } from '../core/clock.ts';
import { CspNetwork } from './CspNetwork.ts';
import { FleetHost } from './FleetHost.ts';
import { SystemScheduler } from './Scheduler.ts';
import { cs02bCommand, regionOf, webSocketRig } from './testSupport.ts';
import { regionOfPath, WebSocketCspLink } from './WebSocketCspLink.ts';

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

function connectRaw(url: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('error', (error) => resolve(error.message));
  });
}

describe('CSP over WebSocket', () => {
  it('has an endpoint per region at /csp/{region}; other paths get 404, plain HTTP 426', async () => {
    expect(regionOfPath('/csp/North')).to.equal('North');
    expect(regionOfPath('/csp/south/')).to.equal('South');
    expect(regionOfPath('/csp/Midlands')).to.equal(undefined);
    const r = await webSocketRig();
    cleanup.push(() => r.close());
    const link = await WebSocketCspLink.listen({ network: r.network });
    cleanup.push(() => link.close());
    expect(link.url).to.match(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(await connectRaw(`${link.url}/csp/Midlands`)).to.match(/404/);
    expect(await connectRaw(`${link.url}/elsewhere`)).to.match(/404/);
    const plain = await fetch(link.url.replace('ws:', 'http:') + '/csp/North');
    expect(plain.status).to.equal(426);
  });

  it('a region with no device host connected is unreachable; a host that leaves takes its region with it', async () => {
    const r = await webSocketRig();
    cleanup.push(() => r.close());
    const scheduler = r.scheduler;
    const network = new CspNetwork({ scheduler, regionOf });
    const link = await WebSocketCspLink.listen({ network });
    cleanup.push(() => link.close());
    const none = await network.send(cs02bCommand(r.north));
    expect(none.kind === 'unreachable' && none.reason).to.match(/no device host is connected to CSP North/);
    const host = await FleetHost.connect(link.urlFor('North'), r.world.fleet);
    const outcome = network.send(cs02bCommand(r.north));
    await scheduler.drain();
    expect((await outcome).kind).to.equal('response');
    await host.close();
    await waitFor(() => link.connected === 0);
    const gone = await network.send(cs02bCommand(r.north));
    expect(gone.kind).to.equal('unreachable');
  });

  it('a new host for a region replaces the one before', async () => {
    const r = await webSocketRig();
    cleanup.push(() => r.close());
    const link = await WebSocketCspLink.listen({ network: r.network });
    cleanup.push(() => link.close());
    const first = await FleetHost.connect(link.urlFor('South'), r.world.fleet);
    const closed = new Promise((resolve) => first.socket.once('close', resolve));
    const second = await FleetHost.connect(link.urlFor('South'), r.world.fleet);
    cleanup.push(() => second.close());
    await closed;
    const outcome = r.network.send(cs02bCommand(r.south));
    await r.scheduler.drain();
    expect((await outcome).kind).to.equal('response');
  });

  it('runs standalone on the wall clock with real timers (SystemScheduler)', async () => {
    const r = await webSocketRig();
    cleanup.push(() => r.close());
    const scheduler = new SystemScheduler({ clock: new SystemClock() });
    const network = new CspNetwork({ scheduler, regionOf, settings: { North: { latency: 20 } } });
    const link = await WebSocketCspLink.listen({ network });
    const host = await FleetHost.connect(link.urlFor('North'), r.world.fleet);
    cleanup.push(async () => {
      await host.close();
      await link.close();
      scheduler.close();
    });
    const started = Date.now();
    const outcome = await network.send(cs02bCommand(r.north));
    expect(outcome.kind).to.equal('response');
    expect(Date.now() - started).to.be.at.least(38);
    expect(scheduler.pending).to.equal(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).to.equal(true);
}
