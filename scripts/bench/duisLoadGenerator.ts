/**
 * The load generator of `npm run bench:duis`, in its own process so it does not share the DSP's
 * event loop (it receives its plan as an IPC message): signs every request first (not timed), then sends them over loopback, one in flight
 * per sender so each sender's RequestID counters arrive in order, all senders at once.
 */
import { Eui } from '../../simulators/core/Eui.ts';
import { RequestId } from '../../simulators/core/RequestId.ts';
import { updateSecurityCredentialsBody } from '../../simulators/client/requestBodies.ts';
import { buildDuisRequest } from '../../simulators/duis/index.ts';
import { loadDefaultEstate } from '../../simulators/estate/defaultEstate.ts';
import { signDuis } from '../../simulators/xmldsig/signDuis.ts';

export interface LoadPlan {
  readonly url: string;
  readonly senders: readonly string[];
  readonly target: string;
  readonly owner: string;
  readonly perSender: number;
  readonly warmUpPerSender: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly codes: Record<string, number>;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly sample: string;
}

const plan = await new Promise<LoadPlan>((resolve) => process.once('message', (m) => resolve(m as LoadPlan)));
const estate = await loadDefaultEstate();
const target = Eui.parse(plan.target);
const body = await updateSecurityCredentialsBody(estate.keyStore, estate.smki.organisationCa.der, 'NetworkOperator', Eui.parse(plan.owner));

async function signedRequests(sender: Eui, count: number, firstCounter: bigint): Promise<string[]> {
  const xml = await estate.keyStore.lookup(sender, 'XML');
  const signer = { privateKey: xml.privateKey, certificate: xml.certificate };
  return Array.from({ length: count }, (_, i) =>
    buildDuisRequest(
      { header: { requestId: RequestId.of(sender, target, firstCounter + BigInt(i)), commandVariant: 4, srv: '6.15.1' }, body },
      { sign: (unsigned) => signDuis(unsigned, signer) },
    ),
  );
}

async function run(queues: string[][]): Promise<LoadResult> {
  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  let ok = 0;
  let sample = '';
  const started = performance.now();
  await Promise.all(
    queues.map(async (queue) => {
      for (const xml of queue) {
        const t = performance.now();
        const res = await fetch(`${plan.url}/api/v1/serviceT`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
        const text = await res.text();
        latencies.push(performance.now() - t);
        const code = /<sr:ResponseCode>([^<]+)</.exec(text)?.[1] ?? `HTTP ${res.status}`;
        codes[code] = (codes[code] ?? 0) + 1;
        if (code === 'I0') ok++;
        else sample ||= `${code}: ${res.headers.get('x-smets-harness-reason') ?? text.slice(0, 200)}`;
      }
    }),
  );
  return { sent: latencies.length, ok, codes, seconds: (performance.now() - started) / 1000, latenciesMs: latencies, sample };
}

const base = BigInt(Date.now());
const senders = plan.senders.map((s) => Eui.parse(s));
const warmUp = await Promise.all(senders.map((s) => signedRequests(s, plan.warmUpPerSender, base)));
const timed = await Promise.all(senders.map((s) => signedRequests(s, plan.perSender, base + BigInt(plan.warmUpPerSender))));
await run(warmUp);
process.send!({ result: await run(timed), sampleRequest: timed[0]![0] }, () => process.exit(0));
