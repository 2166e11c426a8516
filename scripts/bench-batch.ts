/**
 * `tsx scripts/bench-batch.ts [--preset seed-004] [--devices N] [--seed S] [--assignment random|exact]
 * [--out DIR]`: an overnight
 * batch – suppliers commission N meters in simulated time and send their post-commissioning Service
 * Requests through the DSP's real request path, with the preset's fault mix – then the tracker judges
 * the journal under the current and proposed criteria. With `--out`, writes the report as JSON, CSV
 * and one HTML page. Prints a summary and, as its last line, JSON: wallSeconds,
 * serviceRequestsPerSecond, peakRss (bytes), reportedFailureRate, realFailureRate.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BATCH_PRESET_NAMES, BATCH_PRESETS, type BatchPresetName, CSV_VIEWS, runBatch, toCsv, toHtml, toJson } from '../simulators/postcommissioning/index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'seed-004' },
    devices: { type: 'string' },
    seed: { type: 'string', default: '1' },
    assignment: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!(BATCH_PRESET_NAMES as readonly string[]).includes(values.preset)) {
  console.error(`bench-batch: --preset must be one of ${BATCH_PRESET_NAMES.join(', ')}`);
  process.exit(2);
}
const preset = BATCH_PRESETS[values.preset as BatchPresetName];
const devices = values.devices === undefined ? preset.devices : Number(values.devices);
const seed = Number(values.seed);
if (!Number.isInteger(devices) || devices < 1 || !Number.isInteger(seed)) {
  console.error('bench-batch: --devices and --seed must be whole numbers, devices ≥ 1');
  process.exit(2);
}
const assignment = values.assignment ?? preset.assignment;
if (assignment !== 'random' && assignment !== 'exact') {
  console.error('bench-batch: --assignment must be random or exact');
  process.exit(2);
}

const started = process.hrtime.bigint();
const result = await runBatch({
  devices,
  mix: preset.mix,
  suppliers: preset.suppliers,
  seed,
  assignment,
  onWave: (done, total) => console.error(`  ${done}/${total} devices commissioned and worked`),
});
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const r = result.report;
const reported = r.totals.byCriteria[r.reported]!;
const real = r.totals.byCriteria[r.real]!;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(`bench-batch – preset ${values.preset} (${preset.description}), ${devices} devices, seed ${seed}, ${assignment} assignment`);
console.log(`  simulated ${result.simulatedFrom.toISOString()} → ${result.simulatedTo.toISOString()}; ${result.serviceRequests} Service Requests, ${result.journalEntries} journal entries`);
console.log(`  injected: ${JSON.stringify(result.injected)}`);
console.log(`  reported (${r.reported}): ${reported.failed} failed, ${pct(reported.failureRate)}; real (${r.real}): ${real.failed} failed, ${pct(real.failureRate)}`);
console.log(`  false positives ${r.totals.classifications.falsePositive}, missed by ${r.reported} ${r.totals.classifications.missedByReported}; ` +
  `CHF incidents ${r.chfIncidents[r.reported]!.length} (${r.reported}) vs ${r.chfIncidents[r.real]!.length} (${r.real})`);
if (values.out !== undefined) {
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'post-commissioning.json'), toJson(r));
  for (const view of CSV_VIEWS) writeFileSync(join(values.out, `post-commissioning-${view}.csv`), toCsv(r, view));
  writeFileSync(join(values.out, 'post-commissioning.html'), toHtml(r));
  console.log(`  report written to ${values.out}/post-commissioning.{json,html} and post-commissioning-*.csv`);
}
console.log(
  JSON.stringify({
    wallSeconds: Number(wallSeconds.toFixed(2)),
    serviceRequestsPerSecond: Number((result.serviceRequests / wallSeconds).toFixed(1)),
    peakRss: process.resourceUsage().maxRSS * 1024,
    reportedFailureRate: reported.failureRate,
    realFailureRate: real.failureRate,
  }),
);
