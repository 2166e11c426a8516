/**
 * `tsx scripts/bench-batch.ts [--preset seed-004] [--devices N] [--seed S] [--assignment random|exact]
 * [--signing in-process|xmldsig] [--shards K] [--estate-size E] [--out DIR]`: an overnight batch – suppliers install N
 * meters in simulated time, commission them (8.1.1) and send their post-commissioning Service
 * Requests through the DSP's request path (in-process signing by default, decision 0009), with the
 * preset's fault mix, on K threads in parallel (default: one per core), each working estates of at most E homes
 * (default 2,500) one after another – then the tracker judges the
 * journal under the current and proposed criteria. With `--out`, writes the report as JSON, CSV and
 * one HTML page. A progress bar on stderr; prints a summary and, as its last line, JSON: wallSeconds,
 * serviceRequestsPerSecond, peakRss (bytes), reportedFailureRate, realFailureRate (and the run's
 * serviceRequests, devices, shards, estates, signing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ProgressBar } from './cli/ProgressBar.ts';
import { BATCH_PRESET_NAMES, DEFAULT_ESTATE_SIZE, BATCH_PRESETS, type BatchPresetName, CSV_VIEWS, runBatch, toCsv, toHtml, toJson } from '../simulators/postcommissioning/index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'seed-004' },
    devices: { type: 'string' },
    seed: { type: 'string', default: '1' },
    assignment: { type: 'string' },
    out: { type: 'string' },
    signing: { type: 'string', default: 'in-process' },
    shards: { type: 'string' },
    'estate-size': { type: 'string' },
  },
});
if (!(BATCH_PRESET_NAMES as readonly string[]).includes(values.preset)) {
  console.error(`bench-batch: --preset must be one of ${BATCH_PRESET_NAMES.join(', ')}`);
  process.exit(2);
}
const preset = BATCH_PRESETS[values.preset as BatchPresetName];
/** The overnight batch: 100,000 meters unless told otherwise (the preset's own size is for the CLI's `batch`). */
const BENCH_DEVICES = 100_000;
const devices = values.devices === undefined ? BENCH_DEVICES : Number(values.devices);
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

const signing = values.signing;
if (signing !== 'xmldsig' && signing !== 'in-process') {
  console.error('bench-batch: --signing must be in-process (default, decision 0009) or xmldsig');
  process.exit(2);
}

const shards = values.shards === undefined ? availableParallelism() : Number(values.shards);
if (!Number.isInteger(shards) || shards < 1 || shards > 64) {
  console.error('bench-batch: --shards must be a whole number from 1 to 64 (default: the cores available)');
  process.exit(2);
}
const estateSize = values['estate-size'] === undefined ? undefined : Number(values['estate-size']);
if (estateSize !== undefined && (!Number.isInteger(estateSize) || estateSize < 1)) {
  console.error(`bench-batch: --estate-size must be a whole number of homes, 1 or more (default ${DEFAULT_ESTATE_SIZE})`);
  process.exit(2);
}
const progress = new ProgressBar({ total: devices, unit: 'meters commissioned and worked', write: (text) => process.stderr.write(text), tty: process.stderr.isTTY === true });

const started = process.hrtime.bigint();
const result = await runBatch({
  devices,
  mix: preset.mix,
  suppliers: preset.suppliers,
  seed,
  assignment,
  signing,
  shards,
  ...(estateSize !== undefined && { estateSize }),
  onProgress: (done) => progress.update(done),
});
progress.finish();
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const r = result.report;
const reported = r.totals.byCriteria[r.reported]!;
const real = r.totals.byCriteria[r.real]!;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(`bench-batch – preset ${values.preset} (${preset.description}), ${devices} devices, seed ${seed}, ${assignment} assignment, ${signing} signing, ${result.shards} thread(s) working ${result.estates} estate(s)`);
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
    serviceRequests: result.serviceRequests,
    devices,
    shards: result.shards,
    estates: result.estates,
    signing,
    reportedFailureRate: reported.failureRate,
    realFailureRate: real.failureRate,
  }),
);
