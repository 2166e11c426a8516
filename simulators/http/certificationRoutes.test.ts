/**
 * GET /certification on a running harness: suppliers' post-commissioning done through the DSP's
 * real request path (DuisClient via SupplierDriver), one 6.15.1 placing the wrong NO's certificates,
 * judged from the live journal – before the deadlines and after them – plus every bad input.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Certification } from '../certification/index.ts';
import { FIRST_HOMES, LATER_HOME, startSupplierEstate, type SupplierEstate } from '../certification/testSupport.ts';
import { homeDeviceId } from '../harness/index.ts';
import { DAY_MS } from '../postcommissioning/index.ts';

const AURORA = '90-B3-D5-1F-40-01-01-00';
const CIRRUS = '90-B3-D5-1F-40-01-03-00';
const device = (home: number, type: 'ESME' | 'GSME' | 'GPF' = 'ESME') => homeDeviceId(home, type).toString();

describe('GET /certification on the live estate', () => {
  let estate: SupplierEstate;
  let url: string;
  let beforeDeadlines: Certification;
  let later: Date;
  const get = (query: string, init?: RequestInit) => fetch(`${url}/certification${query}`, init);
  const certification = async (query: string) => {
    const res = await get(query);
    expect(res.status, await res.clone().text()).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/json');
    return (await res.json()) as Certification;
  };

  before(async () => {
    estate = await startSupplierEstate();
    url = estate.harness.url!;
    await estate.installAndDrive(FIRST_HOMES);
    beforeDeadlines = await certification('?user=Aurora%20Energy');
    await estate.harness.advance(DAY_MS);
    later = estate.harness.clock.now();
    await estate.installAndDrive([LATER_HOME]);
    await estate.harness.advance(31 * DAY_MS);
  });
  after(() => estate?.close());

  it('before the deadlines: the clean devices pass, the wrong NO is not judged yet (it may still be put right), so pending', () => {
    expect(beforeDeadlines.verdict).to.equal('pending');
    expect(beforeDeadlines.summary).to.deep.include({ devices: 4, pass: 3, fail: 0, pending: 1 });
    expect(beforeDeadlines.devices.map((d) => d.deviceId).sort()).to.deep.equal([device(1), device(1, 'GSME'), device(1, 'GPF'), device(2)].sort());
    const wrong = beforeDeadlines.devices.find((d) => d.deviceId === device(2))!;
    expect(wrong).to.deep.include({ result: 'pending', obligations: 'passed', certificates: 'pending', networkOperatorCertificates: 'not judged yet', reasons: [] });
  });

  it("after them: the wrong NO certificate placed by 6.15.1 fails the supplier's certification, the rest pass", async () => {
    const c = await certification('?user=Aurora%20Energy');
    expect(c.verdict).to.equal('not certified');
    expect(c.supplier).to.deep.equal({ eui: AURORA, name: 'Aurora Energy', small: false });
    expect(c.source).to.deep.include({ kind: 'live estate', location: url, asOf: estate.harness.clock.now().toISOString() });
    expect(c.summary).to.deep.include({ devices: 5, pass: 4, fail: 1, pending: 0, failingObligationsOnly: 0, failingCertificates: 1, wrongNetworkOperatorCertificates: 1 });
    const wrong = c.devices.find((d) => d.deviceId === device(2))!;
    expect(wrong).to.deep.include({ result: 'fail', obligations: 'passed', certificates: 'failed', networkOperatorCertificates: 'wrong' });
    expect(wrong.reasons.map((r) => [r.judgement, r.obligation, r.cause])).to.deep.equal([['certificates', 'networkOperatorCredentials', 'wrongNetworkOperator']]);
    for (const d of c.devices.filter((x) => x.deviceId !== device(2))) expect(d, d.deviceId).to.deep.include({ result: 'pass', reasons: [] });
    expect(c.devices.find((d) => d.deviceId === device(1, 'GSME'))!.networkOperatorCertificates).to.equal('n/a');
    expect(c.summary.reasons).to.deep.equal([{ judgement: 'certificates', cause: 'wrongNetworkOperator', causeTitle: wrong.reasons[0]!.causeTitle, devices: 1 }]);
  });

  it('finds a supplier by its EUI in any spelling: Cirrus Energy, small, certified', async () => {
    const c = await certification(`?user=${CIRRUS.replaceAll('-', '').toLowerCase()}`);
    expect(c.verdict).to.equal('certified');
    expect(c.supplier).to.deep.equal({ eui: CIRRUS, name: 'Cirrus Energy', small: true });
    expect(c.devices.map((d) => d.deviceId)).to.deep.equal([device(3)]);
  });

  it('since= keeps the devices commissioned at or after it', async () => {
    const c = await certification(`?user=${AURORA}&since=${encodeURIComponent(later.toISOString())}`);
    expect(c.since).to.equal(later.toISOString());
    expect(c.devices.map((d) => [d.deviceId, d.result])).to.deep.equal([[device(4), 'pass']]);
    expect(c.verdict).to.equal('certified');
    expect((await certification(`?user=${AURORA}&since=2099-01-01`)).verdict).to.equal('no devices');
  });

  it('serves the same judgement as one self-contained HTML page', async () => {
    const res = await fetch(`${url}/certification.html?user=Aurora%20Energy`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).to.match(/^<!doctype html>/).and.contain('Verdict: NOT CERTIFIED').and.contain(device(2)).and.contain(`The live estate at <code>${url}</code>`);
    expect(html).to.not.match(/<script|src=/);
  });

  it('reads the estate without changing it: the journal is the same after asking', async () => {
    const entries = estate.harness.journal.entries().length;
    await certification('?user=Aurora%20Energy');
    expect(estate.harness.journal.entries().length).to.equal(entries);
  });

  const bad: [string, number, RegExp][] = [
    ['', 400, /^user: expected a supplier's User EUI \(e\.g\. 90-B3-D5-1F-40-01-01-00\) or party name .*, got nothing$/],
    ['?user=', 400, /^user: expected a supplier's User EUI .*, got an empty string$/],
    ['?user=%20%20', 400, /^user: expected a supplier's User EUI .*, got " {2}"$/],
    ['?user=Aurora%20Energy&user=Cirrus%20Energy', 400, /^user: give it once, got 2 values$/],
    ['?usr=Aurora%20Energy', 400, /^usr: not a parameter of \/certification; it takes user .* and, optionally, since/],
    ['?user=Aurora%20Energy&since=last%20tuesday', 400, /^since: expected an ISO 8601 date such as 2026-01-01 or 2026-01-01T02:00:00Z, got "last tuesday"$/],
    ['?user=Aurora%20Energy&since=2026-02-30', 400, /^since: expected a real date .*, got "2026-02-30"$/],
    ['?user=Nobody%20Energy', 404, /^user: "Nobody Energy" is not a supplier of this estate; its suppliers are 90-B3-D5-1F-40-01-01-00 \(Aurora Energy\), .*\(Cirrus Energy\)/],
    ['?user=90-B3-D5-1F-40-02-12-00', 404, /^user: "90-B3-D5-1F-40-02-12-00" is not a supplier of this estate/],
  ];
  for (const [query, status, message] of bad) {
    it(`answers ${query || '(no query)'} with ${status} and a message`, async () => {
      const res = await get(query);
      expect(res.status).to.equal(status);
      expect(((await res.json()) as { error: string }).error).to.match(message);
    });
  }

  it('lists the estate’s suppliers with a 404, and answers the HTML path’s bad input the same way', async () => {
    const body = (await (await get('?user=Nobody')).json()) as { suppliers: { name: string }[] };
    expect(body.suppliers.map((s) => s.name)).to.include.members(['Aurora Energy', 'Borealis Power', 'Cirrus Energy', 'Dunlin Gas']);
    const html = await fetch(`${url}/certification.html?since=2026-01-01`);
    expect(html.status).to.equal(400);
    expect(((await html.json()) as { error: string }).error).to.match(/^user: expected/);
  });

  it('refuses other methods with 405, saying to use GET', async () => {
    const res = await get('?user=Aurora%20Energy', { method: 'POST', body: '' });
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.equal('GET');
    expect(((await res.json()) as { error: string }).error).to.equal('POST is not supported on /certification; use GET');
  });
});
