/**
 * What suppliers' systems do after commissioning, through the DSP's real request path: signed DUIS
 * requests POSTed by DuisClient, answers POSTed back to a ResponseReceiver, devices behind the CSP
 * in simulated time. Devices move through the workflow together, one step at a time, so a batch of
 * thousands needs a handful of `drain`s; scenarios add faults, skips and changes of supplier.
 */
import { DuisClient, type ReceivedMessage, type ResponseReceiver } from '../client/index.ts';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import { decodeGbcsMessage } from '../gbcs/index.ts';
import type { Harness } from '../harness/index.ts';
import type { Mpxn } from '../rdp/mpxn.ts';
import { type BodyContext, certifyCsr, changeOfSupplierBody, handoverBody, issueCredentialsBody, networkOperatorBody, updateDeviceCredentialsBody } from './requestBodies.ts';
import { type FaultData, type Scenario, WORKFLOW_STEPS, type WorkflowStep } from './scenarios.ts';

export interface DrivenDevice {
  readonly deviceId: Eui;
  readonly deviceType: string;
  readonly mpxn: Mpxn;
  /** The supplier registered at commissioning. */
  readonly supplier: Eui;
  /** Whose certificates belong in the NO cells: the registered NO (ESME) or gas transporter (GPF). */
  readonly networkOperator?: Eui;
  readonly scenario: Scenario;
  /** Another network operator (`placeWrongNetworkOperator`). */
  readonly wrongNetworkOperator?: Eui;
  /** Who takes over (`changeOfSupplierBefore`). */
  readonly newSupplier?: Eui;
}

export interface DriverOptions {
  readonly harness: Harness;
  /** Every User's response URL points here (the CSRs of 6.17 come back through it); cleared after each step. */
  readonly receiver: ResponseReceiver;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  readonly steps?: readonly WorkflowStep[];
  /** Simulated time after each step's drain, so late responses arrive (default 3 minutes). */
  readonly settleMs?: number;
}

/** Counts since the driver was made (over every `run`). */
export interface DriverStats {
  /** Service Requests sent (a critical one counts once, CV 4 and CV 5 together; a 6.23 counts). */
  readonly serviceRequests: number;
  readonly byStep: Readonly<Record<string, number>>;
}

interface DeviceState {
  readonly d: DrivenDevice;
  supplier: Eui;
  readonly issued: Partial<Record<KeyUsage, string>>;
  readonly certificates: Partial<Record<KeyUsage, Buffer>>;
}

/** The clock tolerance of Commission Device, in seconds **[assumed]**: DUIS allows 0 to 86,400. */
const COMMISSIONING_TOLERANCE_S = 300;

const USAGE_OF: Partial<Record<WorkflowStep, KeyUsage>> = { issueDS: 'DS', updateDS: 'DS', issueKA: 'KA', updateKA: 'KA' };

export class SupplierDriver {
  readonly #o: DriverOptions;
  readonly #clients = new Map<string, DuisClient>();
  readonly #bodies: BodyContext;
  readonly #counts: Record<string, number> = {};
  /** Per User, the tail of its queue: a User's RequestID counters must reach the DSP in increasing order. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(options: DriverOptions) {
    if (options.harness.url === undefined && options.harness.inProcess === undefined) {
      throw new RangeError("SupplierDriver: the harness needs http (Harness.start({ http: { port: 0 } })) or in-process signing (signing: 'in-process')");
    }
    this.#o = options;
    this.#bodies = { keyStore: options.harness.estate.keyStore, organisationCa: options.harness.estate.smki.organisationCa.der };
  }

  get stats(): DriverStats {
    const byStep = { ...this.#counts };
    return { serviceRequests: Object.values(byStep).reduce((n, c) => n + c, 0), byStep };
  }

  async run(devices: readonly DrivenDevice[]): Promise<DriverStats> {
    const h = this.#o.harness;
    const states: DeviceState[] = devices.map((d) => ({ d, supplier: d.supplier, issued: {}, certificates: {} }));
    // A fault `always` holds from commissioning on: at once for meters commissioned at installation,
    // after their 8.1.1 for the others (a meter offline from the start could not be commissioned).
    const commissioning = new Set(states.filter((s) => this.#acts(s, 'commission')));
    for (const s of states) if (!commissioning.has(s)) this.#fault(s, s.d.scenario.faults?.always);
    for (const step of this.#o.steps ?? WORKFLOW_STEPS) {
      const moving = states.filter((s) => s.d.scenario.changeOfSupplierBefore === step && s.d.newSupplier !== undefined);
      if (moving.length > 0) {
        await this.#pool(moving, (s) => this.#changeOfSupplier(s));
        await this.#settle();
      }
      const acting = states.filter((s) => this.#acts(s, step));
      for (const s of acting) this.#fault(s, s.d.scenario.faults?.[step]);
      await this.#pool(acting, (s) => this.#send(s, step));
      await this.#settle();
      for (const s of acting) if (s.d.scenario.faults?.[step] !== undefined) this.#fault(s, s.d.scenario.faults.always ?? 'none');
      if (step === 'commission') for (const s of acting) this.#fault(s, s.d.scenario.faults?.always);
      if (step === 'issueDS' || step === 'issueKA') this.#certify(acting, USAGE_OF[step]!);
      this.#o.receiver.clear();
    }
    await h.drain();
    return this.stats;
  }

  #acts(s: DeviceState, step: WorkflowStep): boolean {
    if (s.d.scenario.skip?.some((x) => x === step)) return false;
    if (step === 'commission') return this.#o.harness.inventory.get(s.d.deviceId)?.status === 'InstalledNotCommissioned';
    if (step === 'networkOperator') return s.d.networkOperator !== undefined;
    if (step === 'updateDS' || step === 'updateKA') return s.certificates[USAGE_OF[step]!] !== undefined;
    return true;
  }

  #send(s: DeviceState, step: WorkflowStep): Promise<void> {
    return this.#serial(s.supplier, () => this.#sendNow(s, step));
  }

  async #sendNow(s: DeviceState, step: WorkflowStep): Promise<void> {
    const client = this.#client(s.supplier);
    const target = s.d.deviceId;
    this.#counts[step] = (this.#counts[step] ?? 0) + 1;
    if (step === 'commission') {
      const body = { kind: 'CommissionDeviceSynchroniseClock', currentDateTime: this.#o.harness.clock.now(), tolerancePeriod: COMMISSIONING_TOLERANCE_S } as const;
      await client.critical({ target, srv: '8.1.1', body });
      return;
    }
    if (step === 'networkOperator') {
      const owner = s.d.scenario.placeWrongNetworkOperator ? s.d.wrongNetworkOperator! : s.d.networkOperator!;
      if (s.d.scenario.networkOperatorCells === 'accessControlBroker') {
        await client.nonCritical({ target, srv: '6.21', body: await handoverBody(this.#bodies, owner) });
      } else {
        const body = await networkOperatorBody(this.#bodies, owner);
        const after = s.d.scenario.networkOperatorExecutesAfterMs;
        const executionDateTime = after === undefined ? undefined : new Date(this.#o.harness.clock.now().getTime() + after);
        await client.critical({ target, srv: '6.15.1', body: executionDateTime ? { ...body, executionDateTime } : body });
      }
      return;
    }
    const usage = USAGE_OF[step]!;
    if (step === 'issueDS' || step === 'issueKA') {
      const sent = await client.critical({ target, srv: '6.17', body: issueCredentialsBody(usage) });
      s.issued[usage] = sent.requestId.toString();
    } else await client.critical({ target, srv: '6.15.2', body: updateDeviceCredentialsBody(s.certificates[usage]!) });
  }

  #changeOfSupplier(s: DeviceState): Promise<void> {
    return this.#serial(s.d.newSupplier!, () => this.#changeOfSupplierNow(s));
  }

  async #changeOfSupplierNow(s: DeviceState): Promise<void> {
    const h = this.#o.harness;
    const to = s.d.newSupplier!;
    // A GSME and its GPF share the MPRN: the registration moves once.
    if (!h.registrations.supplierAt(s.d.mpxn, h.clock.now())?.equals(to)) h.registrations.changeOfSupplier(s.d.mpxn, to, h.clock.now());
    this.#counts.changeOfSupplier = (this.#counts.changeOfSupplier ?? 0) + 1;
    await this.#client(to).nonCritical({ target: s.d.deviceId, srv: '6.23', body: await changeOfSupplierBody(this.#bodies, to, s.d.mpxn.value) });
    s.supplier = to;
  }

  /** The SMKI's device certificate for each CSR that came back (a real supplier submits the CSR to the SMKI). */
  #certify(states: readonly DeviceState[], usage: KeyUsage): void {
    const byRequest = new Map<string, ReceivedMessage>();
    for (const m of this.#o.receiver.all()) {
      const id = m.response?.header.requestId?.toString();
      if (id !== undefined && m.response?.header.responseCode === 'I0' && m.kind === 'response') byRequest.set(id, m);
    }
    for (const s of states) {
      const body = byRequest.get(s.issued[usage] ?? '')?.response?.body;
      if (body?.kind !== 'ResponseMessage' || body.content?.kind !== 'GBCSPayload') continue;
      const payload = decodeGbcsMessage(body.content.gbcsPayload).payload;
      if (payload.useCase !== 'CS02c' || payload.direction !== 'response') continue;
      const certificate = certifyCsr(this.#o.harness.estate.smki, s.d.deviceId, payload.value.csr, this.#o.harness.inProcess?.channel.signing.gbcs);
      if (certificate !== undefined) s.certificates[usage] = certificate;
    }
  }

  #fault(s: DeviceState, fault: FaultData | undefined): void {
    if (fault === undefined) return;
    this.#o.harness.fleet.device(s.d.deviceId).setFault(fault);
  }

  async #settle(): Promise<void> {
    const h = this.#o.harness;
    await h.drain();
    await h.advance(this.#o.settleMs ?? 180_000);
    await h.drain();
  }

  #client(user: Eui): DuisClient {
    const key = user.toString();
    let c = this.#clients.get(key);
    if (c === undefined) {
      const h = this.#o.harness;
      const channel = h.inProcess?.channel;
      c = new DuisClient({ ...(channel ? { inProcess: channel } : { baseUrl: h.url! }), user, keyStore: h.estate.keyStore, clock: h.clock });
      this.#clients.set(key, c);
    }
    return c;
  }

  /**
   * One exchange at a time per User: the DSP refuses a RequestID counter not above the last it accepted
   * from that User (E12), and concurrent POSTs could arrive out of order. Users run in parallel.
   */
  #serial(user: Eui, work: () => Promise<void>): Promise<void> {
    // In process, requests reach the DSP's queue in the order they are sent (DuisClient.send).
    if (this.#o.harness.inProcess !== undefined) return work();
    const key = user.toString();
    const run = (this.#queues.get(key) ?? Promise.resolve()).then(work);
    this.#queues.set(key, run.catch(() => undefined));
    return run;
  }

  /** Runs `work` over `items` with at most `concurrency` at once. */
  async #pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await work(items[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.#o.concurrency ?? 8, items.length) }, worker));
  }
}
