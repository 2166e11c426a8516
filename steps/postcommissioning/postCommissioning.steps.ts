import { After, type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Srv } from '../../simulators/core/Srv.ts';
import type { BatchPresetName, Classification, ScenarioName } from '../../simulators/postcommissioning/index.ts';
import { causeTitled, type FailureRow, obligationTitled, PostCommissioningStory } from './PostCommissioningStory.ts';
import type { HarnessWorld } from '../world.ts';

/** Seed 004: post-commissioning obligations judged under the current and the proposed criteria. */

const pc = (world: HarnessWorld) => PostCommissioningStory.of(world);

/** A table of `| obligation | cause |` titles, checked against the report's words. */
function failureRows(table: DataTable): FailureRow[] {
  return table.hashes().map((row) => {
    obligationTitled(row.obligation!);
    causeTitled(row.cause!);
    return { obligation: row.obligation!, cause: row.cause! };
  });
}
const sorted = (rows: readonly FailureRow[]) => [...rows].sort((a, b) => `${a.obligation}${a.cause}`.localeCompare(`${b.obligation}${b.cause}`));

Given(
  'a SMETS2 electricity meter newly commissioned by {string}, where {postCommissioningSituation}',
  async function (this: HarnessWorld, supplier: string, situation: ScenarioName) {
    await pc(this).install(supplier, situation);
  },
);

Given(
  'a SMETS2 electricity meter newly commissioned by {string}, whose meter point changes supplier to {string} before its post-commissioning Service Requests are complete',
  async function (this: HarnessWorld, supplier: string, newSupplier: string) {
    await pc(this).install(supplier, 'changeOfSupplier', newSupplier);
  },
);

When('the supplier sends its post-commissioning Service Requests', async function (this: HarnessWorld) {
  await pc(this).sendServiceRequests();
});

When('{int} days pass', async function (this: HarnessWorld, days: number) {
  await pc(this).advanceDays(days);
});

Then('under the {criteria} criteria the meter fails post-commissioning:', function (this: HarnessWorld, criteria: string, table: DataTable) {
  expect(sorted(pc(this).failures(criteria))).to.deep.equal(sorted(failureRows(table)));
  expect(pc(this).status(criteria)).to.equal('failed');
});

Then('under the {criteria} criteria the meter passes post-commissioning', function (this: HarnessWorld, criteria: string) {
  expect(pc(this).failures(criteria)).to.deep.equal([]);
  expect(pc(this).status(criteria)).to.equal('passed');
});

Then('the meter is {classification}', function (this: HarnessWorld, classification: Classification) {
  expect(pc(this).classification()).to.equal(classification);
});

Then('{string} has sent SRV {srv} to the meter', function (this: HarnessWorld, party: string, srv: Srv) {
  expect(pc(this).sendersOf(srv.id)).to.include(party);
});

Then("the meter's supplier cells all hold the certificates of {string}", function (this: HarnessWorld, party: string) {
  expect(pc(this).supplierCellOwners()).to.deep.equal(pc(this).supplierCellOwners().map(() => party));
});

Then('the report counts the meter against {string}, the supplier that commissioned it', function (this: HarnessWorld, party: string) {
  expect(pc(this).meter().supplier?.name).to.equal(party);
  const supplier = pc(this).report().bySupplier.find((s) => s.name === party);
  expect(supplier?.devices, `${party} in the report`).to.equal(1);
});

// --- overnight batches ---------------------------------------------------------------------------

Given('the {batchPreset} batch preset on {int} meters with seed {int}', function (this: HarnessWorld, preset: BatchPresetName, devices: number, seed: number) {
  pc(this).chooseBatch(preset, devices, seed);
});

/** A batch of hundreds of meters takes tens of seconds of real time (≈90 Service Requests a second). */
When('the suppliers commission them overnight and send their post-commissioning Service Requests', { timeout: 90_000 }, async function (this: HarnessWorld) {
  await pc(this).runBatch();
  await this.attach(pc(this).html(), { mediaType: 'text/html', fileName: 'post-commissioning-report.html' });
});

Then('every meter is judged after its deadlines, with no warnings', function (this: HarnessWorld) {
  const { report, simulatedFrom, simulatedTo } = pc(this).batch;
  expect(report.totals.classifications.pending).to.equal(0);
  expect(report.warnings).to.deep.equal([]);
  expect(simulatedTo.getTime() - simulatedFrom.getTime()).to.be.greaterThan(30 * 86_400_000);
});

Then(
  'the report shows a reported failure rate of {percent} under the current criteria and a real failure rate of {percent} under the proposed criteria',
  function (this: HarnessWorld, reported: number, real: number) {
    const totals = pc(this).batch.report.totals.byCriteria;
    expect({ reported: totals.current!.failureRate, real: totals.proposed!.failureRate }).to.deep.equal({ reported, real });
  },
);

Then('those are the rates of the causes the preset injected: false positives and real failures reported, real failures only real', function (this: HarnessWorld) {
  const story = pc(this);
  const n = story.batch.report.totals.devices;
  const totals = story.batch.report.totals;
  expect(totals.classifications).to.deep.include({ falsePositive: story.injected('falsePositive'), realFailure: story.injected('realFailure'), missedByReported: 0 });
  expect(totals.byCriteria.current!.failureRate).to.equal((story.injected('falsePositive') + story.injected('realFailure')) / n);
  expect(totals.byCriteria.proposed!.failureRate).to.equal(story.injected('realFailure') / n);
});

Then("the report's false positives are caused by:", function (this: HarnessWorld, table: DataTable) {
  const report = pc(this).batch.report;
  const expected = table.hashes().map((row) => ({ cause: causeTitled(row.cause!), devices: Number(row.devices) }));
  expect(report.falsePositiveCauses.map((c) => ({ cause: c.cause, devices: c.devices }))).to.have.deep.members(expected);
  const listed = report.falsePositives.flatMap((d) => d.verdicts.current!.causes);
  expect([...new Set(listed)].sort()).to.deep.equal(expected.map((c) => c.cause).sort());
  expect(report.falsePositives).to.have.length(expected.reduce((n, c) => n + c.devices, 0));
});

Then('the DCC raises {int} CHF incidents under the current criteria, against {int} under the proposed criteria', function (this: HarnessWorld, current: number, proposed: number) {
  const incidents = pc(this).batch.report.chfIncidents;
  expect({ current: incidents.current!.length, proposed: incidents.proposed!.length }).to.deep.equal({ current, proposed });
});

After(async function (this: HarnessWorld) {
  await PostCommissioningStory.ifStarted(this)?.close();
});
