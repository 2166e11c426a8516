import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { DEFAULT_PARTIES } from '../estate/defaultParties.ts';
import { PartyDirectory } from '../estate/PartyDirectory.ts';
import { RegistrationStore } from '../rdp/RegistrationStore.ts';
import { type RunningServer, startHttpServer } from './httpServer.ts';
import { rdpRoutes } from './rdpRoutes.ts';

const parties = new PartyDirectory(DEFAULT_PARTIES);
const csv = readFileSync(join(import.meta.dirname, '../rdp/fixtures/registrations.csv'), 'utf8');
let store: RegistrationStore;
let running: RunningServer;

before(async () => {
  store = new RegistrationStore({ parties, clock: new SimulatedClock() });
  running = await startHttpServer([rdpRoutes(store, parties)], { port: 0 });
});
after(() => running.close());

const call = (method: string, path: string, body?: string, type = 'application/json') =>
  fetch(`${running.url}${path}`, { method, ...(body === undefined ? {} : { body, headers: { 'content-type': type } }) });

describe('the RDP HTTP API', () => {
  it('loads a CSV of registrations and lists them', async () => {
    const res = await call('POST', '/rdp/registrations', csv, 'text/csv');
    expect(res.status).to.equal(200);
    expect(((await res.json()) as { loaded: number }).loaded).to.equal(6);
    const records = (await (await call('GET', '/rdp/registrations?mpxn=7412345678')).json()) as unknown[];
    expect(records).to.have.length(2);
  });

  it('refuses a bad CSV naming the line, and changes nothing', async () => {
    const version = store.version;
    const bad = `${csv.trim()}\n1200000000011,electricity,supplier,Nobody Energy,2027-01-01,\n`;
    const res = await call('POST', '/rdp/registrations', bad, 'text/csv');
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { error: string }).error).to.match(/^request body at line 8, column party: .*got "Nobody Energy"$/);
    expect(store.version).to.equal(version);
  });

  it('refuses a body that is neither CSV nor JSON with 415', async () => {
    expect((await call('POST', '/rdp/registrations', '<x/>', 'application/xml')).status).to.equal(415);
  });

  it('records a change of supplier and answers the Eligible User check as of a date', async () => {
    const change = { mpxn: '1300000000007', supplier: 'Borealis Power', effectiveFrom: '2026-06-01' };
    expect((await call('POST', '/rdp/change-of-supplier', JSON.stringify(change))).status).to.equal(200);
    const before = await (await call('GET', '/rdp/eligibility?user=90-B3-D5-1F-40-01-03-00&role=IS&mpxn=1300000000007&at=2026-05-01')).json();
    const after = await (await call('GET', '/rdp/eligibility?user=90-B3-D5-1F-40-01-03-00&role=IS&mpxn=1300000000007&at=2026-07-01')).json();
    expect((before as { eligible: boolean }).eligible).to.equal(true);
    expect(after).to.include({ eligible: false, registered: '90-B3-D5-1F-40-01-02-00' });
  });

  it('names the field of a bad query and of a bad change', async () => {
    const res = await call('GET', '/rdp/eligibility?user=nope&role=IS&mpxn=1300000000007');
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { error: string }).error).to.match(/^user: expected an EUI-64/);
    const change = await call('POST', '/rdp/change-of-supplier', '{"mpxn":"1300000000007","supplier":"Borealis Power"}');
    expect(((await change.json()) as { error: string }).error).to.match(/^effectiveFrom: /);
  });
});
