/**
 * `npm run bench:duis [-- --requests N --senders N --workers auto|N --client socket|node-http|fetch]`:
 * signed SRV 6.15.1 CV 4 requests over loopback to the harness's DSP (full path: HTTP, XML-DSig
 * verification, SRPD pipeline, GBCS pre-command, signed response); the load comes from a second
 * process, pre-signed, one request in flight per sender (16 by default). The DSP runs as `up` runs
 * it, with its admission workers (`--workers 0`: none). Prints a summary – requests/s, p50/p99
 * latency, CPU per request of the harness (its main thread apart) and of the load generator – and,
 * as its last line, JSON with the same and the raw ECDSA P-256 sign+verify rate of this machine
 * measured in the same run and the ratio, and – where Java is installed – the rate of DCC's own
 * XML-DSig tool validating the same messages.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultAdmissionWorkers } from '../simulators/dsp/admissionWorkers.ts';
import { Harness } from '../simulators/harness/index.ts';
import { dccToolRate } from './bench/dccToolRate.ts';
import type { LoadPlan, LoadResult } from './bench/duisLoadGenerator.ts';
import { rawEcdsaRate } from './bench/rawEcdsaRate.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    senders: { type: 'string', default: '16' },
    /** The DSP's admission worker threads: `auto` (as `up` runs it) or a number, 0 for none. */
    workers: { type: 'string', default: 'auto' },
    /** The load generator's HTTP client: `socket` (lightest), `node-http` or `fetch` (the first one). */
    client: { type: 'string', default: 'socket' },
  },
});
const client = values.client as LoadPlan['client'];
if (client !== 'socket' && client !== 'node-http' && client !== 'fetch') {
  console.error('bench:duis: --client must be socket, node-http or fetch');
  process.exit(2);
}
const requests = Number(values.requests);
const senderCount = Number(values.senders);
const workers = values.workers === 'auto' ? 'auto' : Number(values.workers);
if (!Number.isInteger(requests) || requests < senderCount || !Number.isInteger(senderCount) || senderCount < 1) {
  console.error('bench:duis: --requests and --senders must be whole numbers, requests ≥ senders');
  process.exit(2);
}
if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 0)) {
  console.error('bench:duis: --workers must be auto or a whole number');
  process.exit(2);
}

const harnessWorkers = workers === 'auto' ? defaultAdmissionWorkers() : workers;
/** USER_HZ: the unit of /proc's CPU times; 100 on every Linux the harness runs on. */
const CLOCK_TICKS_PER_SECOND = 100;
const raw = rawEcdsaRate(1000);
const harness = await Harness.start({ http: { port: 0 }, journal: { keepPayloads: false }, workers: workers === 0 ? false : workers });
const networkOperators = harness.users().filter((u) => u.roles.includes('ED'));
const plan: LoadPlan = {
  url: harness.url!,
  senders: networkOperators.slice(0, senderCount).map((u) => u.eui.toString()),
  target: '00-DB-40-00-00-01-00-01',
  owner: networkOperators[0]!.eui.toString(),
  perSender: Math.ceil(requests / Math.min(senderCount, networkOperators.length)),
  warmUpPerSender: 50,
  client,
};
let serverCpu = process.cpuUsage();
let mainThread = performance.eventLoopUtilization();
let mainThreadCpu = mainThreadCpuMs();
const { result, sampleRequest } = await new Promise<{ result: LoadResult; sampleRequest: string }>((resolve, reject) => {
  const file = fileURLToPath(new URL('./bench/duisLoadGenerator.ts', import.meta.url));
  const client = fork(file, [], { execArgv: ['--import', 'tsx'] });
  client.on('message', (message) => {
    if ((message as { timedRunStarts?: boolean }).timedRunStarts) {
      serverCpu = process.cpuUsage();
      mainThread = performance.eventLoopUtilization();
      mainThreadCpu = mainThreadCpuMs();
    } else {
      serverCpu = process.cpuUsage(serverCpu);
      mainThread = performance.eventLoopUtilization(mainThread);
      if (mainThreadCpu !== undefined) mainThreadCpu = mainThreadCpuMs()! - mainThreadCpu;
      resolve(message as { result: LoadResult; sampleRequest: string });
    }
  });
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
/** CPU per request, ms: the harness process (all its threads) and the load generator, over the timed run. */
const serverCpuMs = (serverCpu.user + serverCpu.system) / 1000 / result.sent;
const clientCpuMs = result.cpuMs / result.sent;
/** Time the harness's main thread (HTTP, the DSP's queue) was busy per request, ms: CPU time where Linux tells it, else event-loop time. */
const mainThreadMs = (mainThreadCpu ?? mainThread.active) / result.sent;
console.log(
  `bench:duis – ${result.sent} signed 6.15.1 CV 4 requests from ${plan.senders.length} Users over loopback (${client} client); DSP admission workers: ${harnessWorkers}`,
);
console.log(`  answers: ${JSON.stringify(result.codes)}${result.sample ? ` (e.g. ${result.sample})` : ''}`);
console.log(`  ${rate.toFixed(0)} requests/s (target ≥ 2000), p50 ${percentile(50).toFixed(2)} ms, p99 ${percentile(99).toFixed(2)} ms`);
console.log(
  `  CPU per request: harness ${serverCpuMs.toFixed(3)} ms (main thread ${mainThreadMs.toFixed(3)} ms, event loop busy ${(100 * mainThread.utilization).toFixed(0)}% of the run), load generator ${clientCpuMs.toFixed(3)} ms (${availableParallelism()} cores; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`,
);
console.log(`  raw ECDSA P-256 sign+verify on this machine: ${rawRate.toFixed(0)}/s; requests per raw sign+verify: ${(rate / rawRate).toFixed(3)}`);
console.log(`  DCC's XML-DSig tool: ${dccTool.note}`);
console.log(
  JSON.stringify({
    requests: result.sent,
    workers: harnessWorkers,
    client,
    ok: result.ok,
    requestsPerSecond: Math.round(rate),
    p50Ms: Number(percentile(50).toFixed(3)),
    p99Ms: Number(percentile(99).toFixed(3)),
    harnessCpuMsPerRequest: Number(serverCpuMs.toFixed(3)),
    harnessMainThreadMsPerRequest: Number(mainThreadMs.toFixed(3)),
    loadGeneratorCpuMsPerRequest: Number(clientCpuMs.toFixed(3)),
    rawEcdsaSignVerifyPerSecond: Math.round(rawRate),
    ratioToRawEcdsa: Number((rate / rawRate).toFixed(4)),
    dccToolValidationsPerSecond: dccTool.rate,
  }),
);

/** CPU time (user + system) of this process's main thread so far, from /proc (Linux); undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
