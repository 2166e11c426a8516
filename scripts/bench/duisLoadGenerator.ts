/**
 * The load generator of `npm run bench:duis`, in its own process so it does not share the DSP's
 * event loop (it receives its plan as an IPC message): signs every request first (not timed), then sends them over loopback, one in flight
 * per sender so each sender's RequestID counters arrive in order, all senders at once, each sender
 * on its own kept-alive HTTP/1.1 connection (see LoadPlan.client).
 */
import { Agent, request } from 'node:http';
import { Eui } from '../../simulators/core/Eui.ts';
import { RequestId } from '../../simulators/core/RequestId.ts';
import { updateSecurityCredentialsBody } from '../../simulators/client/requestBodies.ts';
import { buildDuisRequest } from '../../simulators/duis/index.ts';
import { loadDefaultEstate } from '../../simulators/estate/defaultEstate.ts';
import { signDuis } from '../../simulators/xmldsig/signDuis.ts';
import { SocketHttpClient } from './socketHttpClient.ts';

export interface LoadPlan {
  readonly url: string;
  readonly senders: readonly string[];
  readonly target: string;
  readonly owner: string;
  readonly perSender: number;
  readonly warmUpPerSender: number;
  /**
   * `socket`: SocketHttpClient, a minimal HTTP/1.1 client on one kept-alive socket per sender;
   * `node-http`: node:http with a keep-alive Agent; `fetch`: node's fetch (undici), the first
   * client. Measured here, per request: fetch about 0.5 ms of this process's CPU, node:http about
   * 0.13 ms, the socket client about 0.065 ms; on a 2-core machine that CPU is taken from the
   * harness being measured.
   */
  readonly client: 'socket' | 'node-http' | 'fetch';
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly codes: Record<string, number>;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly sample: string;
  /** CPU time this process (the load generator) spent during the timed run, user + system, ms. */
  readonly cpuMs: number;
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

interface Answer {
  readonly status: number;
  readonly reason: string | undefined;
  readonly text: string;
}

/** One POST with node:http over a kept-alive connection of `agent`. */
function post(path: string, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${plan.url}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/xml', 'content-length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const reason = res.headers['x-smets-harness-reason'];
          resolve({ status: res.statusCode ?? 0, reason: typeof reason === 'string' ? reason : undefined, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Each sender's way to POST one pre-signed request body: its own connection, one request in flight. */
type Sender = (body: Buffer) => Promise<Answer>;

const SERVICE_T = '/api/v1/serviceT';

function sender(): { send: Sender; close: () => void } {
  if (plan.client === 'node-http') return { send: (body) => post(SERVICE_T, body), close: () => undefined };
  if (plan.client === 'fetch') {
    return {
      send: async (body) => {
        const res = await fetch(`${plan.url}${SERVICE_T}`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: body.toString('utf8'),
        });
        return { status: res.status, reason: res.headers.get('x-smets-harness-reason') ?? undefined, text: await res.text() };
      },
      close: () => undefined,
    };
  }
  const client = new SocketHttpClient(plan.url);
  return {
    send: async (request) => {
      const res = await client.send(request);
      return { status: res.status, reason: res.headers.get('x-smets-harness-reason'), text: res.body.toString('utf8') };
    },
    close: () => client.close(),
  };
}

/** What a sender writes for one request body: the body itself, or for the socket client the whole HTTP request. */
function prepared(body: Buffer): Buffer {
  return plan.client === 'socket' ? SocketHttpClient.post(plan.url, SERVICE_T, 'application/xml', body) : body;
}

async function run(queues: Buffer[][], senders: readonly { send: Sender }[]): Promise<LoadResult> {
  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  let ok = 0;
  let sample = '';
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    queues.map(async (queue, i) => {
      for (const xml of queue) {
        const t = performance.now();
        const res = await senders[i]!.send(xml);
        latencies.push(performance.now() - t);
        const code = /<sr:ResponseCode>([^<]+)</.exec(res.text)?.[1] ?? `HTTP ${res.status}`;
        codes[code] = (codes[code] ?? 0) + 1;
        if (code === 'I0') ok++;
        else sample ||= `${code}: ${res.reason ?? res.text.slice(0, 200)}`;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { sent: latencies.length, ok, codes, seconds, latenciesMs: latencies, sample, cpuMs: (used.user + used.system) / 1000 };
}

const base = BigInt(Date.now());
const senders = plan.senders.map((s) => Eui.parse(s));
const warmUp = await Promise.all(senders.map((s) => signedRequests(s, plan.warmUpPerSender, base)));
const timed = await Promise.all(senders.map((s) => signedRequests(s, plan.perSender, base + BigInt(plan.warmUpPerSender))));
const asBytes = (queues: string[][]) => queues.map((queue) => queue.map((xml) => prepared(Buffer.from(xml, 'utf8'))));
/** node:http: one kept-alive connection per sender. */
const agent = new Agent({ keepAlive: true, maxSockets: senders.length });
const connections = senders.map(() => sender());
await run(asBytes(warmUp), connections);
const timedBytes = asBytes(timed);
process.send!({ timedRunStarts: true });
const result = await run(timedBytes, connections);
for (const c of connections) c.close();
process.send!({ result, sampleRequest: timed[0]![0] }, () => process.exit(0));
