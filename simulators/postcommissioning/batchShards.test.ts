/** Batch shards (decision 0009): what the report says does not depend on how many estates worked the homes. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { type BatchOptions, type BatchResult, runBatch } from './batch.ts';

const OPTIONS: BatchOptions = {
  devices: 40,
  mix: { responseTimeout: 0.1, handover: 0.1, neverCommunicating: 0.1, changeOfSupplier: 0.1, wrongNetworkOperatorInstalled: 0.1 },
  assignment: 'exact',
  seed: 7,
  waves: 2,
  suppliers: [{ name: 'Aurora Energy', share: 2 }, { name: 'Cirrus Energy', share: 1 }],
  signing: 'in-process',
};

/**
 * What each device's verdict says. RequestID counters are left out: a User numbers its requests in
 * each estate on its own, so they depend on which homes share a shard; originator and target stay.
 */
const perDevice = (r: BatchResult) =>
  r.tracking.devices.map((v) => ({
    device: v.device,
    classification: v.classification,
    supplier: v.supplier,
    commissionedAt: v.commissionedAt.toISOString(),
    verdicts: JSON.parse(JSON.stringify(v.verdicts, (key, value: unknown) => (key === 'requestId' && typeof value === 'string' ? value.replace(/:\d+$/, ':n') : value))) as unknown,
  }));

/**
 * What each device was judged, without times and request numbers: an estate's size changes how its
 * requests queue, so a change of supplier can land minutes apart in simulated time – not the outcome.
 */
const outcomes = (r: BatchResult) =>
  r.tracking.devices.map((v) => ({
    device: v.device.deviceId,
    classification: v.classification,
    supplier: v.supplier?.name,
    verdicts: v.verdicts.map((x) => ({ criteria: x.criteria, status: x.status, obligations: x.obligations.map((o) => [o.obligation, o.check, o.status, o.cause]) })),
  }));

describe('overnight batch shards', () => {
  it('gives the same totals and the same verdict per device with 1 shard and with 2', async () => {
    const progress: number[] = [];
    const one = await runBatch({ ...OPTIONS, shards: 1 });
    const two = await runBatch({ ...OPTIONS, shards: 2, onProgress: (done, total) => progress.push(done / total) });
    expect([one.shards, two.shards]).to.deep.equal([1, 2]);
    expect(one.report.totals.devices).to.equal(40);
    expect(one.injected).to.deep.equal(two.injected);
    expect(Object.keys(one.injected).length, 'several causes injected').to.be.greaterThan(3);
    expect(two.report.totals).to.deep.equal(one.report.totals);
    expect(two.report.bySupplier).to.deep.equal(one.report.bySupplier);
    expect(two.report.causes).to.deep.equal(one.report.causes);
    expect(perDevice(two)).to.deep.equal(perDevice(one));
    expect(new Set(perDevice(one).map((d) => d.classification)).size, 'more than one classification').to.be.greaterThan(1);
    expect(two.serviceRequests).to.equal(one.serviceRequests);
    expect(two.simulatedFrom.toISOString()).to.equal(one.simulatedFrom.toISOString());
    expect(two.simulatedTo.toISOString()).to.equal(one.simulatedTo.toISOString());
    expect([one.report.warnings, two.report.warnings]).to.deep.equal([[], []]);
    expect(progress.at(-1)).to.equal(1);
  });

  it('gives the same verdicts when each thread works its homes in several small estates', async () => {
    const whole = await runBatch({ ...OPTIONS, shards: 1 });
    const inSequence = await runBatch({ ...OPTIONS, shards: 1, estateSize: 9 });
    const progress: number[] = [];
    const onThreads = await runBatch({ ...OPTIONS, shards: 2, estateSize: 7, onProgress: (done) => progress.push(done) });
    expect([whole.estates, inSequence.estates, onThreads.estates]).to.deep.equal([1, 5, 6]);
    expect([inSequence.shards, onThreads.shards]).to.deep.equal([1, 2]);
    for (const split of [inSequence, onThreads]) {
      expect(split.report.totals).to.deep.equal(whole.report.totals);
      expect(outcomes(split)).to.deep.equal(outcomes(whole));
      expect(split.serviceRequests).to.equal(whole.serviceRequests);
    }
    expect(progress.at(-1)).to.equal(40);
    expect(progress, 'progress never goes back').to.deep.equal([...progress].sort((a, b) => a - b));
  });

  for (const estateSize of [0, 2.5]) {
    it(`refuses estateSize: ${estateSize}, naming it`, async () => {
      let error: unknown;
      await runBatch({ ...OPTIONS, estateSize }).catch((e: unknown) => (error = e));
      expect(String(error)).to.match(/estateSize: expected a whole number of homes per estate, 1 or more/);
    });
  }

  for (const shards of [0, -1, 1.5, 65]) {
    it(`refuses shards: ${shards}, naming shards`, async () => {
      let error: unknown;
      await runBatch({ ...OPTIONS, shards }).catch((e: unknown) => (error = e));
      expect(String(error)).to.match(/shards: expected a whole number of shards from 1 to 64/);
    });
  }
});
