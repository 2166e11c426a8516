/**
 * One admission worker (see AdmissionWorkers): reads a DUIS request the DSP has not yet reached in
 * its queue – strict parse, header, signature, full DUIS parse – and sends back what it read, or
 * `fallback` for anything but a request that reads and verifies cleanly, which the DSP then admits
 * itself (so every refusal is worded by the one code path that always words it). Loaded through
 * admissionWorker.mjs, which registers tsx first.
 */
import type { X509Certificate } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { parseDuisRequest } from '../duis/index.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { verifyDuisDocument } from '../xmldsig/verifyDuis.ts';
import type { FromWorker, ToWorker } from './admissionWorkers.ts';
import { readHeader } from './readHeader.ts';
import { toWorkerValue } from './workerValues.ts';

const port = parentPort!;

/** Certificates the DSP resolved, by `serial issuer` as X509IssuerSerial names them, with the DSP's id for each. */
const certificates = new Map<string, { readonly id: number; readonly certificate: X509Certificate }>();
/** Lookups waiting for the DSP, by job. */
const waiting = new Map<number, (answer: { id: number; certificate: X509Certificate } | undefined) => void>();

const keyOf = (issuerName: string, serial: bigint) => `${serial} ${issuerName}`;

port.on('message', (message: ToWorker) => {
  switch (message.op) {
    case 'read':
      void read(message.job, message.body).then(
        (reply) => port.postMessage(reply),
        () => port.postMessage({ op: 'read', job: message.job, fallback: true } satisfies FromWorker),
      );
      break;
    case 'certificate': {
      const answer = message.certificate === undefined ? undefined : { id: message.id, certificate: message.certificate };
      if (answer !== undefined) certificates.set(keyOf(message.issuerName, message.serial), answer);
      waiting.get(message.job)?.(answer);
      waiting.delete(message.job);
      break;
    }
    case 'forget':
      certificates.delete(keyOf(message.issuerName, message.serial));
      break;
  }
});

async function read(job: number, body: string): Promise<FromWorker> {
  const fallback: FromWorker = { op: 'read', job, fallback: true };
  let doc: Document;
  let header: ReturnType<typeof readHeader>;
  try {
    doc = parseXmlStrict(body);
    header = readHeader(doc);
  } catch {
    return fallback;
  }
  let used: { id: number; certificate: X509Certificate } | undefined;
  const verdict = await verifyDuisDocument(doc, async (issuerName, serial) => {
    used = certificates.get(keyOf(issuerName, serial));
    if (used === undefined) {
      used = await new Promise<{ id: number; certificate: X509Certificate } | undefined>((resolve) => {
        waiting.set(job, resolve);
        port.postMessage({ op: 'resolve', job, issuerName, serial } satisfies FromWorker);
      });
    }
    return used?.certificate;
  });
  if (!verdict.ok || used === undefined) return fallback;
  let request: unknown;
  try {
    request = toWorkerValue(parseDuisRequest(doc));
  } catch {
    return fallback;
  }
  return {
    op: 'read',
    job,
    fallback: false,
    header: toWorkerValue(header),
    request,
    issuerName: verdict.keyInfo.issuerName,
    serial: verdict.keyInfo.serial,
    certificateId: used.id,
  };
}
