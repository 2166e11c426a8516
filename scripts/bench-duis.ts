/**
 * `npm run bench:duis [-- --requests N]`: signed SRV 6.15.1 CV 4 requests over loopback to the
 * harness's DSP (full path: HTTP, XML-DSig verification, SRPD pipeline, GBCS pre-command, signed
 * response); the load comes from a second process. Prints a summary and, as its last line, JSON: requests/s, p50/p99 latency, the raw
 * ECDSA P-256 sign+verify rate of this machine measured in the same run and the ratio, and – where
 * Java is installed – the rate of DCC's own XML-DSig tool validating the same messages.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Harness } from '../simulators/harness/index.ts';
import { dccToolRate } from './bench/dccToolRate.ts';
import type { LoadPlan, LoadResult } from './bench/duisLoadGenerator.ts';
import { rawEcdsaRate } from './bench/rawEcdsaRate.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '20000' }, senders: { type: 'string', default: '16' } } });
const requests = Number(values.requests);
const senderCount = Number(values.senders);
if (!Number.isInteger(requests) || requests < senderCount || !Number.isInteger(senderCount) || senderCount < 1) {
  console.error('bench:duis: --requests and --senders must be whole numbers, requests ≥ senders');
  process.exit(2);
}

const raw = rawEcdsaRate(1000);
const harness = await Harness.start({ http: { port: 0 }, journal: { keepPayloads: false } });
const networkOperators = harness.users().filter((u) => u.roles.includes('ED'));
const plan: LoadPlan = {
  url: harness.url!,
  senders: networkOperators.slice(0, senderCount).map((u) => u.eui.toString()),
  target: '00-DB-40-00-00-01-00-01',
  owner: networkOperators[0]!.eui.toString(),
  perSender: Math.ceil(requests / Math.min(senderCount, networkOperators.length)),
  warmUpPerSender: 50,
};
const { result, sampleRequest } = await new Promise<{ result: LoadResult; sampleRequest: string }>((resolve, reject) => {
  const file = fileURLToPath(new URL('./bench/duisLoadGenerator.ts', import.meta.url));
  const client = fork(file, [], { execArgv: ['--import', 'tsx'] });
  client.once('message', (message) => resolve(message as { result: LoadResult; sampleRequest: string }));
  client.once('error', reject);
  client.once('exit', (code) => code !== 0 && reject(new Error(`bench:duis load generator exited with ${code}`)));
  client.send(plan);
});
await harness.close();
const rawAfter = rawEcdsaRate(1000);
const dccTool = await dccToolRate(sampleRequest, 20);

const sorted = [...result.latenciesMs].sort((a, b) => a - b);
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const rate = result.sent / result.seconds;
const rawRate = (raw + rawAfter) / 2;
console.log(`bench:duis – ${result.sent} signed 6.15.1 CV 4 requests from ${plan.senders.length} Users over loopback`);
console.log(`  answers: ${JSON.stringify(result.codes)}${result.sample ? ` (e.g. ${result.sample})` : ''}`);
console.log(`  ${rate.toFixed(0)} requests/s (target ≥ 2000), p50 ${percentile(50).toFixed(2)} ms, p99 ${percentile(99).toFixed(2)} ms`);
console.log(`  raw ECDSA P-256 sign+verify on this machine: ${rawRate.toFixed(0)}/s; requests per raw sign+verify: ${(rate / rawRate).toFixed(3)}`);
console.log(`  DCC's XML-DSig tool: ${dccTool.note}`);
console.log(
  JSON.stringify({
    requests: result.sent,
    ok: result.ok,
    requestsPerSecond: Math.round(rate),
    p50Ms: Number(percentile(50).toFixed(3)),
    p99Ms: Number(percentile(99).toFixed(3)),
    rawEcdsaSignVerifyPerSecond: Math.round(rawRate),
    ratioToRawEcdsa: Number((rate / rawRate).toFixed(4)),
    dccToolValidationsPerSecond: dccTool.rate,
  }),
);
