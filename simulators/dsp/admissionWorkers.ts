import type { X509Certificate } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedServiceRequest } from '../duis/index.ts';
import type { KeyStore } from '../keystore/index.ts';
import type { RequestHeader } from './readHeader.ts';
import { fromWorkerValue } from './workerValues.ts';

/** What the DSP sends a worker. */
export type ToWorker =
  | { readonly op: 'read'; readonly job: number; readonly body: string }
  | {
      readonly op: 'certificate';
      readonly job: number;
      readonly issuerName: string;
      readonly serial: bigint;
      readonly id: number;
      readonly certificate: X509Certificate | undefined;
    }
  | { readonly op: 'forget'; readonly issuerName: string; readonly serial: bigint };

/** What a worker sends the DSP. */
export type FromWorker =
  | { readonly op: 'read'; readonly job: number; readonly fallback: true }
  | {
      readonly op: 'read';
      readonly job: number;
      readonly fallback: false;
      readonly header: unknown;
      readonly request: unknown;
      readonly issuerName: string;
      readonly serial: bigint;
      readonly certificateId: number;
    }
  | { readonly op: 'resolve'; readonly job: number; readonly issuerName: string; readonly serial: bigint };

/**
 * A request a worker read ahead of the DSP's queue: its header and DUIS content, and the
 * certificate that verified its signature (X509IssuerSerial, and the pool's id for the
 * certificate object). The DSP still looks the signer up itself, in turn (see admission.ts).
 */
export interface PreRead {
  readonly header: RequestHeader;
  readonly request: ParsedServiceRequest;
  readonly issuerName: string;
  readonly serial: bigint;
  readonly certificateId: number;
}

export interface AdmissionWorkersOptions {
  /** Where the workers' signer lookups are answered: the DSP's own key store. */
  readonly keyStore: KeyStore;
  /** How many worker threads; default: one fewer than the cores, at least one, at most four. */
  readonly size?: number;
}

/** The default pool size for this machine. */
export function defaultAdmissionWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Slot {
  readonly worker: Worker;
  outstanding: number;
  alive: boolean;
}

interface Job {
  readonly slot: Slot;
  readonly resolve: (read: PreRead | undefined) => void;
}

const BOOTSTRAP = new URL('./admissionWorker.mjs', import.meta.url);

/**
 * A small pool of worker threads that do the pure, CPU-heavy part of admitting a DUIS request –
 * strict XML parse, reading the header, verifying the XML signature, the full DUIS parse – while
 * the DSP's queue is still busy with earlier requests. Everything with state (counters, the
 * journal, the rules, the answer) stays in the DSP, in request order.
 *
 * `read` never rejects: it resolves `undefined` whenever the worker could not read the request
 * cleanly (unreadable, badly signed, not DUIS, a value that cannot cross threads) or the pool is
 * closed or broken, and the DSP then admits the request itself exactly as without a pool. The
 * workers hold no references to the process: they keep node alive only while a read is under way,
 * and `close` (Harness.close) ends them.
 */
export class AdmissionWorkers {
  readonly size: number;
  readonly #keyStore: KeyStore;
  readonly #slots: Slot[];
  readonly #jobs = new Map<number, Job>();
  /** Ids for the certificate objects the workers were given, so the DSP can tell it resolves the same one. */
  readonly #certificateIds = new WeakMap<X509Certificate, number>();
  #nextCertificateId = 1;
  #nextJob = 1;
  #closed = false;

  constructor(options: AdmissionWorkersOptions) {
    this.#keyStore = options.keyStore;
    this.size = options.size ?? defaultAdmissionWorkers();
    if (!Number.isInteger(this.size) || this.size < 1) throw new RangeError(`AdmissionWorkers: size must be a whole number ≥ 1, got ${this.size}`);
    this.#slots = Array.from({ length: this.size }, () => this.#start());
  }

  /** Reads `body` in a worker; undefined when the DSP should admit it itself. */
  read(body: string): Promise<PreRead | undefined> {
    const slot = this.#leastBusy();
    if (slot === undefined) return Promise.resolve(undefined);
    const job = this.#nextJob++;
    return new Promise((resolve) => {
      this.#jobs.set(job, { slot, resolve });
      if (slot.outstanding++ === 0) slot.worker.ref();
      slot.worker.postMessage({ op: 'read', job, body } satisfies ToWorker);
    });
  }

  /** The id under which `certificate` was given to the workers, if it was. */
  certificateId(certificate: X509Certificate): number | undefined {
    return this.#certificateIds.get(certificate);
  }

  /** Makes the workers look a signer up again next time (the DSP resolved a different certificate). */
  forget(issuerName: string, serial: bigint): void {
    for (const slot of this.#slots) {
      if (slot.alive) slot.worker.postMessage({ op: 'forget', issuerName, serial } satisfies ToWorker);
    }
  }

  /** Ends the workers; reads under way resolve undefined. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const slots = this.#slots.filter((slot) => slot.alive);
    for (const slot of slots) slot.alive = false;
    this.#settleAll(() => true);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #start(): Slot {
    const worker = new Worker(BOOTSTRAP);
    const slot: Slot = { worker, outstanding: 0, alive: true };
    worker.on('message', (message: FromWorker) => this.#onMessage(slot, message));
    const lost = () => {
      slot.alive = false;
      this.#settleAll((job) => job.slot === slot);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    // After the listeners (adding a 'message' listener refs the worker again): idle, it holds nothing open.
    worker.unref();
    return slot;
  }

  #leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.#slots) {
      if (slot.alive && (best === undefined || slot.outstanding < best.outstanding)) best = slot;
    }
    return best;
  }

  #onMessage(slot: Slot, message: FromWorker): void {
    if (message.op === 'resolve') {
      void this.#resolve(slot, message);
      return;
    }
    let read: PreRead | undefined;
    if (!message.fallback) {
      try {
        read = {
          header: fromWorkerValue(message.header) as RequestHeader,
          request: fromWorkerValue(message.request) as ParsedServiceRequest,
          issuerName: message.issuerName,
          serial: message.serial,
          certificateId: message.certificateId,
        };
      } catch {
        read = undefined;
      }
    }
    this.#settle(message.job, read);
  }

  /** A worker's signer lookup, answered from the key store as authenticate() would look it up. */
  async #resolve(slot: Slot, message: Extract<FromWorker, { op: 'resolve' }>): Promise<void> {
    let certificate: X509Certificate | undefined;
    try {
      certificate = (await this.#keyStore.findBySerial(message.issuerName, message.serial))?.certificate;
    } catch {
      certificate = undefined;
    }
    let id = 0;
    if (certificate !== undefined) {
      id = this.#certificateIds.get(certificate) ?? this.#nextCertificateId++;
      this.#certificateIds.set(certificate, id);
    }
    if (!slot.alive) return;
    slot.worker.postMessage({
      op: 'certificate',
      job: message.job,
      issuerName: message.issuerName,
      serial: message.serial,
      id,
      certificate,
    } satisfies ToWorker);
  }

  #settle(jobId: number, read: PreRead | undefined): void {
    const job = this.#jobs.get(jobId);
    if (job === undefined) return;
    this.#jobs.delete(jobId);
    if (--job.slot.outstanding === 0 && job.slot.alive) job.slot.worker.unref();
    job.resolve(read);
  }

  #settleAll(which: (job: Job) => boolean): void {
    for (const [id, job] of [...this.#jobs]) if (which(job)) this.#settle(id, undefined);
  }
}
