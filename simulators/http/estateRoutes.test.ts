import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { loadDefaultEstate } from '../estate/defaultEstate.ts';
import type { Estate } from '../estate/Estate.ts';
import { estateRoutes } from './estateRoutes.ts';
import { type RunningServer, startHttpServer } from './httpServer.ts';

let estate: Estate;
let running: RunningServer;

before(async () => {
  estate = await loadDefaultEstate({ clock: new SimulatedClock() });
  running = await startHttpServer([estateRoutes(estate)], { port: 0, bodyLimit: 64 });
});
after(() => running.close());

const get = (path: string, init?: RequestInit) => fetch(`${running.url}${path}`, init);

describe('the estate routes', () => {
  it('answer /healthz with 200 once the estate is ready', async () => {
    const res = await get('/healthz');
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ready', parties: estate.parties.parties.length });
  });

  it('list the parties with their credential serials', async () => {
    const parties = (await (await get('/parties')).json()) as { name: string; credentials: { usage: string }[] }[];
    const aurora = parties.find((p) => p.name === 'Aurora Energy');
    expect(aurora?.credentials.map((c) => c.usage)).to.have.members(['DS', 'KA', 'KA', 'XML']);
  });

  it('serve a certificate by EUI and usage, and by serial', async () => {
    const credential = await estate.keyStore.lookup(estate.parties.byName('Cadent Gas').eui, 'KA');
    const byEui = await get(`/certificates?eui=${credential.eui}&usage=KA`);
    expect(byEui.headers.get('content-type')).to.equal('application/x-pem-file');
    expect(await byEui.text()).to.equal(credential.certificatePem);
    const bySerial = await get(`/certificates/${credential.serial.toString(16)}`);
    expect(await bySerial.text()).to.equal(credential.certificatePem);
  });

  const bad: [string, number, RegExp][] = [
    ['/certificates?eui=90-B3', 400, /eui: expected an EUI-64/],
    ['/certificates?eui=90-B3-D5-1F-40-01-01-00&usage=XX', 400, /usage: expected DS, KA or XML/],
    ['/certificates?eui=90-B3-D5-1F-99-99-99-99&usage=DS', 404, /no DS certificate for 90-B3-D5-1F-99-99-99-99/],
    ['/certificates/not-hex', 400, /serial: expected up to 40 hex digits/],
    ['/certificates/1234', 404, /no certificate with serial 1234/],
    ['/nowhere', 404, /no such endpoint: GET \/nowhere/],
  ];
  for (const [path, status, message] of bad) {
    it(`answer ${path} with ${status} and a message`, async () => {
      const res = await get(path);
      expect(res.status).to.equal(status);
      expect(((await res.json()) as { error: string }).error).to.match(message);
    });
  }

  it('refuse other methods with 405, an oversize body with 413, and keep serving', async () => {
    expect((await get('/parties', { method: 'POST', body: 'x' })).status).to.equal(405);
    const big = await get('/parties', { method: 'POST', body: 'x'.repeat(100) });
    expect(big.status).to.equal(413);
    expect((await get('/healthz')).status).to.equal(200);
  });
});
