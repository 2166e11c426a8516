/** The report and its three outputs (JSON, CSV, one self-contained HTML page), from hand-made entries. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import { toCsv } from './formatCsv.ts';
import { toHtml } from './formatHtml.ts';
import type { TrackedDevice } from './ports.ts';
import { postCommissioningReport, toJson } from './report.ts';
import { DAY_MS } from './settings.ts';
import { CIRRUS, cleanSequence, EntryLog, goodCells, NO_12, partialSequence, placeNetworkOperator, registrations, T0 } from './testSupport.ts';
import { trackPostCommissioning } from './tracker.ts';

const id = (home: number, type = 1) => `00-DB-40-00-00-0${home}-00-0${type}`;
const MPANS = [1, 2, 3, 4].map((n) => Mpan.withCheckDigit(`12000000010${n}`));

/** Four homes: clean and time-out (Aurora Energy), recovery missing and clean (Cirrus Energy, small). */
function report() {
  const log = new EntryLog();
  for (const home of [1, 3, 4]) cleanSequence(log, 1, NO_12, id(home));
  partialSequence(log, id(2)).request({ device: id(2), srv: '6.15.1', minute: 30, command: placeNetworkOperator(NO_12), answer: { failure: 'E21: no answer' } });
  const store = registrations();
  store.registerSupplier(MPANS[0]!, Eui.parse('90-B3-D5-1F-40-01-01-00'), T0);
  store.registerSupplier(MPANS[1]!, Eui.parse('90-B3-D5-1F-40-01-01-00'), T0);
  store.registerSupplier(MPANS[2]!, Eui.parse(CIRRUS), T0);
  store.registerSupplier(MPANS[3]!, Eui.parse(CIRRUS), T0);
  const devices: TrackedDevice[] = [1, 2, 3, 4].map((home) => ({
    deviceId: id(home), deviceType: 'ESME', chfId: id(home, 3), mpxns: [MPANS[home - 1]!], commissionedAt: T0,
  }));
  const cirrus = { supplierDS: CIRRUS, supplierKA: CIRRUS, supplierKAPrePayment: CIRRUS };
  const cells = new Map([
    [id(1), goodCells()], [id(2), goodCells()], [id(3), goodCells({ ...cirrus, recovery: null })], [id(4), goodCells(cirrus)],
  ]);
  const result = trackPostCommissioning({
    journal: log.entries, devices, cells: { cellsOf: (d) => cells.get(d) }, registrations: store, asOf: new Date(T0.getTime() + 31 * DAY_MS),
  });
  return postCommissioningReport(result, { title: 'Test <report>' });
}

describe('post-commissioning report', () => {
  const r = report();

  it('counts and rates under both criteria, overall and by supplier size', () => {
    expect(r.totals.byCriteria.current).to.deep.include({ devices: 4, failed: 2, passed: 2, pending: 0, failureRate: 0.5 });
    expect(r.totals.byCriteria.proposed).to.deep.include({ failed: 1, failureRate: 0.25 });
    expect(r.totals.classifications).to.deep.include({ passed: 2, falsePositive: 1, realFailure: 1, missedByReported: 0 });
    expect(r.bySize.large.byCriteria.current!.failureRate).to.equal(0.5);
    expect(r.bySize.large.byCriteria.proposed!.failureRate).to.equal(0);
    expect(r.bySize.small.byCriteria.proposed!.failureRate).to.equal(0.5);
    expect(r.bySupplier.map((s) => [s.name, s.small, s.devices])).to.deep.equal([['Aurora Energy', false, 2], ['Cirrus Energy', true, 2]]);
  });

  it('lists the false positives with their causes, and the CHF incidents under each criteria set', () => {
    expect(r.falsePositives.map((d) => [d.deviceId, d.verdicts.current!.causes])).to.deep.equal([[id(2), ['timeout']]]);
    expect(r.falsePositiveCauses).to.deep.equal([{ cause: 'timeout', title: 'Response timed out (E21)', devices: 1 }]);
    expect(r.chfIncidents.current!.map((i) => i.chfId)).to.deep.equal([id(2, 3), id(3, 3)]);
    expect(r.chfIncidents.proposed!.map((i) => i.chfId)).to.deep.equal([id(3, 3)]);
    expect(r.deadlineDays.networkOperatorCredentials).to.equal(30);
  });

  it('JSON round-trips', () => {
    expect(JSON.parse(toJson(r))).to.deep.equal(JSON.parse(JSON.stringify(r)));
  });

  it('CSV: devices, failures, suppliers, false positives, incidents', () => {
    const devices = toCsv(r, 'devices').trimEnd().split('\n');
    expect(devices[0]).to.equal('device_id,device_type,chf_id,supplier,supplier_name,small_supplier,commissioned_at,classification,current_status,current_causes,proposed_status,proposed_causes');
    expect(devices).to.have.length(5);
    expect(toCsv(r, 'failures')).to.contain(`${id(3)},ESME,${CIRRUS},proposed,recoveryAnchor,recoveryMissing,recovery is empty,`);
    expect(toCsv(r, 'suppliers').split('\n')[2]).to.equal(`${CIRRUS},Cirrus Energy,true,2,1,0.5000,1,0.5000,0,1,0`);
    expect(toCsv(r, 'falsePositives').split('\n')[1]).to.match(/^00-DB-40-00-00-02-00-01,ESME,.*,timeout,networkOperatorCredentials: SRV 6.15.1: E21: no answer$/);
    expect(toCsv(r, 'incidents').trimEnd().split('\n')).to.have.length(4);
  });

  it('HTML: one self-contained page with inline SVG charts, escaped text, no scripts or external assets', () => {
    const html = toHtml(r);
    expect(html).to.match(/^<!DOCTYPE html>/);
    expect(html).to.contain('<title>Test &lt;report&gt;</title>');
    expect((html.match(/<svg /g) ?? []).length).to.equal(5);
    expect(html).not.to.match(/<script|<link|<img|src=|@import|url\(/i);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.to.match(/https?:\/\//);
    expect(html).to.contain('Response timed out (E21)');
    expect(html).to.contain('50.0%');
  });
});
