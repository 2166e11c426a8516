/** A small overnight batch end to end: what was injected is what the tracker finds in the journal. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { runBatch } from './batch.ts';

describe('overnight batch', () => {
  it('commissions N meters in waves, drives their Service Requests, and judges the journal after the deadlines', async () => {
    const result = await runBatch({
      devices: 24,
      mix: { responseTimeout: 0.15, handover: 0.1, neverCommunicating: 0.1 },
      seed: 3,
      waves: 2,
      suppliers: [{ name: 'Aurora Energy', share: 2 }, { name: 'Cirrus Energy', share: 1 }],
    });
    const { report, injected } = result;
    const falsePositives = (injected.responseTimeout ?? 0) + (injected.handover ?? 0);
    expect(falsePositives + (injected.neverCommunicating ?? 0), 'the seed injects some of each').to.be.greaterThan(3);
    expect(report.totals.devices).to.equal(24);
    expect(report.totals.classifications).to.deep.include({
      falsePositive: falsePositives,
      realFailure: injected.neverCommunicating ?? 0,
      passed: injected.clean ?? 0,
      pending: 0,
    });
    expect(report.totals.byCriteria.current!.failureRate).to.equal((falsePositives + (injected.neverCommunicating ?? 0)) / 24);
    expect(report.bySupplier.map((s) => s.name).sort()).to.deep.equal(['Aurora Energy', 'Cirrus Energy']);
    expect(result.simulatedTo.getTime() - result.simulatedFrom.getTime()).to.be.greaterThan(30 * 86_400_000);
    expect(result.serviceRequests).to.be.greaterThan(24 * 4);
    expect(report.warnings).to.deep.equal([]);
  });

  it('refuses a device count it cannot number', async () => {
    let error: unknown;
    await runBatch({ devices: 0, mix: {} }).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/devices: expected a whole number/);
  });
});
