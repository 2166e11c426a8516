import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { Journal } from '../core/Journal.ts';
import { SECMP0063 } from '../dsp/RuleSet.ts';
import { handoverBody, retrieveKrpBody } from '../dsp/testBodies.ts';
import { AURORA, BOREALIS, ESME, type Harness, harness, NO_12, NO_13, UNKNOWN_DEVICE } from '../dsp/testSupport.ts';
import { parseCsv } from '../rdp/csv.ts';
import { renderErrorCodeReport, toCsv } from './errorCodeFormats.ts';
import { errorCodeReport } from './errorCodeReport.ts';

const A = AURORA.toString();
const B = BOREALIS.toString();

/**
 * Two days of real DSP traffic under SECMP0063. Day 1: a wrong 6.21 (E9063), a right one (I99,
 * device I0), a 6.24.1 from a supplier not registered for the MPAN (E4), a request with the wrong
 * content type (HTTP 415). Day 2: the wrong 6.21 again (E9063), one to an unknown device (E19),
 * and a right one whose device never answers (I99, then E21 POSTed later).
 */
async function twoDays(): Promise<Harness> {
  const h = await harness({ ruleSet: SECMP0063 });
  const wrong = await handoverBody(h.estate, 'NetworkOperator', NO_13);
  const right = await handoverBody(h.estate, 'NetworkOperator', NO_12);
  const send = async (from: Eui, counter: number, srv: string, body = wrong, target = ESME) =>
    (await h.send('S', { from, target, counter, cv: 1, srv, body })).responseCode;

  h.clock.set('2026-01-01T09:00:00Z');
  expect(await send(AURORA, 1, '6.21')).to.equal('E9063');
  expect(await send(AURORA, 2, '6.21', right)).to.equal('I99');
  expect(await send(BOREALIS, 1, '6.24.1', retrieveKrpBody())).to.equal('E4');
  const xml = await h.signed({ from: AURORA, target: ESME, counter: 9, cv: 1, srv: '6.21', body: right });
  expect((await h.dsp.receive('S', xml, { contentType: 'text/plain' })).status).to.equal(415);
  await h.dsp.idle();

  h.clock.set('2026-01-02T23:59:00Z');
  expect(await send(AURORA, 3, '6.21')).to.equal('E9063');
  expect(await send(AURORA, 4, '6.21', right, UNKNOWN_DEVICE)).to.equal('E19');
  h.gateway.next = { kind: 'timeout', reason: 'no answer within 30 s' };
  expect(await send(AURORA, 5, '6.21', right)).to.equal('I99');
  await h.dsp.idle();
  return h;
}

describe('errorCodeReport: error codes sent to Users, from the DSP\'s journal', () => {
  it('counts by code, User, UTC day and SRV; each refusal once; later errors apart', async () => {
    const h = await twoDays();
    const names = (eui: string) => h.estate.parties.byEui(Eui.parse(eui))?.name;
    const report = errorCodeReport(h.journal, { userName: names });

    expect(report).to.include({ requests: 6, httpRefusals: 1, errors: 5 });
    expect(report.byCode).to.deep.equal([
      {
        code: 'E9063',
        meaning: 'SECMP0063 [harness-defined]: Network Operator certificate not owned by the registered NO or GT',
        total: 2,
        refused: 2,
        afterAcceptance: 0,
      },
      { code: 'E4', meaning: 'User Role not authorised for this device at this time', total: 1, refused: 1, afterAcceptance: 0 },
      { code: 'E19', meaning: 'device unknown', total: 1, refused: 1, afterAcceptance: 0 },
      { code: 'E21', meaning: 'no response from the device', total: 1, refused: 0, afterAcceptance: 1 },
    ]);
    expect(report.byUser).to.deep.equal([
      { key: A, name: 'Aurora Energy', total: 4, byCode: { E9063: 2, E19: 1, E21: 1 } },
      { key: B, name: 'Borealis Power', total: 1, byCode: { E4: 1 } },
    ]);
    expect(report.byDay).to.deep.equal([
      { key: '2026-01-01', total: 2, byCode: { E9063: 1, E4: 1 } },
      { key: '2026-01-02', total: 3, byCode: { E9063: 1, E19: 1, E21: 1 } },
    ]);
    expect(report.bySrv.map((g) => [g.key, g.total])).to.deep.equal([['6.21', 4], ['6.24.1', 1]]);
    const first = report.events[0]!;
    expect(first).to.include({ user: A, userName: 'Aurora Energy', srv: '6.21', code: 'E9063', stage: 'refused', day: '2026-01-01' });
    expect(first.summary).to.match(/^E9063 network-operator-certificate: SRV 6\.21 would place the certificate of 90-B3-D5-1F-40-02-13-00/);
    expect(JSON.parse(JSON.stringify(report))).to.deep.equal(report);
  });

  it('keeps to the period: from inclusive, to exclusive, UTC', async () => {
    const h = await twoDays();
    const day2 = errorCodeReport(h.journal, { from: '2026-01-02', to: new Date('2026-01-03T00:00:00Z') });
    expect(day2).to.include({ from: '2026-01-02T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z', requests: 3, httpRefusals: 0, errors: 3 });
    expect(day2.byDay.map((d) => d.key)).to.deep.equal(['2026-01-02']);
    expect(errorCodeReport(h.journal, { to: '2026-01-01T09:00:00Z' }).errors).to.equal(0);
    expect(() => errorCodeReport(h.journal, { from: 'yesterday' })).to.throw(/from: expected an ISO 8601 date/);
    expect(errorCodeReport(new Journal())).to.include({ requests: 0, errors: 0 });
  });

  it('writes CSV (summary and events) that reads back, and plain-text tables', async () => {
    const h = await twoDays();
    const report = errorCodeReport(h.journal);
    const summary = parseCsv(toCsv(report)).map((r) => r.fields);
    expect(summary[0]).to.deep.equal(['dimension', 'key', 'name', 'code', 'count']);
    expect(summary).to.deep.include(['code', 'E9063', report.byCode[0]!.meaning, 'E9063', '2']);
    expect(summary).to.deep.include(['user', A, '', 'E9063', '2']);
    expect(summary).to.deep.include(['day', '2026-01-02', '', 'E21', '1']);
    expect(summary).to.deep.include(['srv', '6.24.1', '', 'E4', '1']);

    const events = parseCsv(toCsv(report, 'events')).map((r) => r.fields);
    expect(events).to.have.length(1 + 5);
    expect(events[0]).to.include.members(['seq', 'at', 'user', 'code', 'stage', 'summary']);
    expect(events[1]!.slice(2, 8)).to.deep.equal(['2026-01-01', A, '', '6.21', 'E9063', 'refused']);

    const text = renderErrorCodeReport(report);
    expect(text).to.include('6 DUIS requests, 5 error responses (4 refused, 1 after acceptance), 1 HTTP refusals');
    expect(text).to.match(/^E9063 +2 +2 +0 +SECMP0063 \[harness-defined\]/m);
    expect(text).to.match(/^E21 +1 +0 +1 +no response from the device$/m);
    expect(text).to.include(`${A}      4  E9063×2, E19×1, E21×1`);
    expect(text).to.match(/^2026-01-02 +3 +E19×1, E21×1, E9063×1$/m);
    expect(text.split('\n').every((l) => l === l.trimEnd())).to.equal(true);
    expect(renderErrorCodeReport(errorCodeReport(new Journal()))).to.include('No error responses.');
  });
});
