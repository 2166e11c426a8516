/** Certification from a post-commissioning report made of hand-made journal entries: supplier look-up, verdicts, reasons, since, the page. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import { DAY_MS, postCommissioningReport, type TrackedDevice, trackPostCommissioning } from '../postcommissioning/index.ts';
import { AURORA, CIRRUS, cleanSequence, EntryLog, goodCells, NO_12, NO_23, registrations, T0 } from '../postcommissioning/testSupport.ts';
import { certificationHtml } from './certificationHtml.ts';
import { CERTIFICATION_LIMITS } from './certificationLimits.ts';
import { certify } from './certify.ts';
import { findSupplier, supplierLabel, suppliersIn } from './findSupplier.ts';

const id = (home: number, type = 1) => `00-DB-40-00-00-0${home}-00-0${type}`;
const MPANS = [1, 2, 3].map((n) => Mpan.withCheckDigit(`12000000010${n}`));

/** Aurora Energy: home 1 clean, home 2's 6.15.1 placed NO 23's certificates; Cirrus Energy (small): home 3 clean. */
function report() {
  const log = new EntryLog();
  cleanSequence(log, 1, NO_12, id(1));
  cleanSequence(log, 1, NO_23, id(2));
  cleanSequence(log, 1, NO_12, id(3));
  const store = registrations();
  [AURORA, AURORA, CIRRUS].forEach((s, i) => store.registerSupplier(MPANS[i]!, Eui.parse(s), T0));
  const devices: TrackedDevice[] = [1, 2, 3].map((home) => ({ deviceId: id(home), deviceType: 'ESME', chfId: id(home, 3), mpxns: [MPANS[home - 1]!], commissionedAt: T0 }));
  const cirrus = { supplierDS: CIRRUS, supplierKA: CIRRUS, supplierKAPrePayment: CIRRUS };
  const cells = new Map([
    [id(1), goodCells()],
    [id(2), goodCells({ networkOperatorDS: NO_23, networkOperatorKA: NO_23 })],
    [id(3), goodCells(cirrus)],
  ]);
  const result = trackPostCommissioning({ journal: log.entries, devices, cells: { cellsOf: (d) => cells.get(d) }, registrations: store, asOf: new Date(T0.getTime() + 31 * DAY_MS) });
  return postCommissioningReport(result, { title: 'Night <1>' });
}

describe('certification', () => {
  const r = report();
  const suppliers = suppliersIn(r);
  const source = { kind: 'saved batch report', location: 'reports/pc.json' } as const;

  it('finds the supplier by party name in any case or by EUI in any spelling, and nothing else', () => {
    expect(suppliers).to.deep.equal([
      { eui: AURORA, name: 'Aurora Energy', small: false },
      { eui: CIRRUS, name: 'Cirrus Energy', small: true },
    ]);
    expect(findSupplier(suppliers, '  aurora ENERGY ')?.eui).to.equal(AURORA);
    expect(findSupplier(suppliers, CIRRUS.replaceAll('-', '').toLowerCase())?.name).to.equal('Cirrus Energy');
    expect(findSupplier(suppliers, NO_12)).to.equal(undefined);
    expect(findSupplier(suppliers, 'Aurora')).to.equal(undefined);
    expect(suppliers.map(supplierLabel)).to.deep.equal([`${AURORA} (Aurora Energy)`, `${CIRRUS} (Cirrus Energy)`]);
  });

  it('fails a supplier whose 6.15.1 placed the wrong NO certificates: per device, with the reason', () => {
    const c = certify(r, { supplier: findSupplier(suppliers, 'Aurora Energy')!, source });
    expect(c.verdict).to.equal('not certified');
    expect(c.source).to.deep.equal({ ...source, reportTitle: 'Night <1>', asOf: r.asOf });
    expect(c.summary).to.deep.include({ devices: 2, pass: 1, fail: 1, pending: 0, failingObligationsOnly: 0, failingCertificates: 1, wrongNetworkOperatorCertificates: 1 });
    expect(c.devices.map((d) => [d.deviceId, d.result, d.networkOperatorCertificates])).to.deep.equal([
      [id(1), 'pass', 'correct'],
      [id(2), 'fail', 'wrong'],
    ]);
    expect(c.devices[1]!.reasons.map((x) => `${x.judgement}/${x.obligation}/${x.cause}`)).to.deep.equal(['certificates/networkOperatorCredentials/wrongNetworkOperator']);
    expect(c.limits).to.equal(CERTIFICATION_LIMITS);
  });

  it('certifies a supplier whose every device passes; since leaves out earlier devices', () => {
    const cirrus = findSupplier(suppliers, 'Cirrus Energy')!;
    expect(certify(r, { supplier: cirrus, source }).verdict).to.equal('certified');
    const later = certify(r, { supplier: cirrus, source, since: new Date(T0.getTime() + 1) });
    expect([later.verdict, later.since, later.devices.length]).to.deep.equal(['no devices', '2026-01-01T00:00:00.001Z', 0]);
  });

  it('renders one escaped page naming its source: the saved report, or the live estate', () => {
    const c = certify(r, { supplier: findSupplier(suppliers, 'Aurora Energy')!, source });
    const saved = certificationHtml(c);
    expect(saved).to.contain('Saved batch report: Night &#60;1&#62; – <code>reports/pc.json</code>').and.contain('all in the report').and.not.contain('<1>');
    const live = certificationHtml(certify(r, { supplier: c.supplier, source: { kind: 'live estate', location: 'http://127.0.0.1:8079' } }));
    expect(live).to.contain('The live estate at <code>http://127.0.0.1:8079</code>, judged at').and.contain('all in the estate');
  });
});
