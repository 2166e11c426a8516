import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { Journal } from '../core/Journal.ts';
import { DEFAULT_SCHEMA_VERSION, errorResponse } from '../duis/index.ts';
import type { InProcessSignature, InProcessSigning } from '../duis/InProcessSigning.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import type { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import type { KeyStore } from '../keystore/index.ts';
import type { DuisSigningCredential } from '../xmldsig/signDuis.ts';
import { type Admitted, type AdmissionOptions, admit, isAnswer } from './admission.ts';
import type { AdmissionWorkers, PreRead } from './admissionWorkers.ts';
import { DeviceExchange } from './DeviceExchange.ts';
import { type DeviceServiceOptions, dispatchDevice } from './deviceServices.ts';
import type { Dispatched } from './Dispatched.ts';
import { type DspAnswer, DUIS_SERVICES, type DuisService } from './DspAnswer.ts';
import { DspState, type PendingPreCommand } from './DspState.ts';
import { dispatchNonDevice } from './nonDeviceServices.ts';
import type {
  DeviceCredentials,
  DeviceGateway,
  RegistrationSource,
  S1spGateway,
  UserOutbox,
} from './ports.ts';
import { Responder, type ResponseNote } from './Responder.ts';
import { BASELINE, type RuleSet } from './RuleSet.ts';
import { type RuleContext, runPipeline } from './rules/index.ts';
import { PartyUserDirectory, type UserDirectory } from './UserDirectory.ts';

export interface DspOptions {
  readonly clock: Clock;
  /** Every party's credentials: XML-signing certificates to verify requests, the DCC's own keys. */
  readonly keyStore: KeyStore;
  readonly parties: PartyDirectory;
  /** Default: the estate's parties with User Roles, all active (PartyUserDirectory). */
  readonly users?: UserDirectory;
  /** The DSP takes a fresh snapshot for every request. */
  readonly registrations: RegistrationSource;
  readonly inventory: SmartMeteringInventory;
  readonly journal: Journal;
  /** Default: baseline. */
  readonly ruleSet?: RuleSet;
  readonly deviceGateway: DeviceGateway;
  readonly outbox: UserOutbox;
  /** Default: the XML credential of `parties.dspSigner()` from the key store. */
  readonly dspSigner?: DuisSigningCredential;
  /** Default: the devices' KA certificates from the key store. */
  readonly deviceCredentials?: DeviceCredentials;
  /** Without one, requests to SMETS1 devices are answered E20. */
  readonly s1spGateway?: S1spGateway;
  /** Default 1 MiB (413 above). */
  readonly maxBodyBytes?: number;
  /** The PreCommand's GBCSVersion, default `4.0` **[assumed]**. */
  readonly gbcsVersion?: string;
  /**
   * Worker threads that read and verify requests while earlier ones are still being handled
   * (admission itself stays in order, here). Default none: everything on this thread. The owner
   * closes them (Harness.close).
   */
  readonly admissionWorkers?: AdmissionWorkers;
  /**
   * In-process signing for very large batches (decision 0009): requests must carry their
   * originator's in-process signature (`receive`'s `inProcessSignature`), answers and deliveries
   * carry the DSP's, and no XML-DSig is made or checked. Every other check runs as it does.
   */
  readonly inProcessSigning?: InProcessSigning;
}

/** What comes with a request besides its body. */
export interface ReceiveMeta {
  readonly contentType?: string;
  /** With in-process signing only: the originator's signature over the body. */
  readonly inProcessSignature?: InProcessSignature;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The DCC Data Service Provider (decision 0003): receives DUIS Service Requests, authenticates them,
 * runs the SRPD validation pipeline of its rule set, and carries them out – answering itself
 * (Non-Device Services), returning Pre-Commands (CV 4), or sending commands to devices through its
 * gateways and POSTing what comes back through the outbox. A refused request changes nothing.
 */
export class Dsp {
  readonly users: UserDirectory;
  readonly #o: DspOptions;
  readonly #state = new DspState();
  readonly #responder: Responder;
  readonly #exchange: DeviceExchange;
  /** What requests are admitted with: the same for every request. */
  readonly #admission: AdmissionOptions;
  /** What device Service Requests are dispatched with: the same for every request. */
  readonly #deviceServices: DeviceServiceOptions;
  readonly #inflight = new Set<Promise<void>>();
  #ruleSet: RuleSet;
  /** Requests are handled one at a time, so two with the same counter cannot both pass. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: DspOptions) {
    this.#o = options;
    this.users = options.users ?? new PartyUserDirectory(options.parties);
    this.#ruleSet = options.ruleSet ?? BASELINE;
    this.#responder = new Responder({
      clock: options.clock,
      journal: options.journal,
      outbox: options.outbox,
      users: this.users,
      ...(options.inProcessSigning && { inProcess: { signing: options.inProcessSigning, dsp: options.parties.dspSigner().eui } }),
      signer: async () => {
        if (options.dspSigner) return options.dspSigner;
        const xml = await options.keyStore.lookup(options.parties.dspSigner().eui, 'XML');
        return { privateKey: xml.privateKey, certificate: xml.certificate };
      },
    });
    this.#admission = { ...options, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES };
    const responder = this.#responder;
    this.#deviceServices = {
      keyStore: options.keyStore,
      parties: options.parties,
      state: this.#state,
      inventory: options.inventory,
      gbcsVersion: options.gbcsVersion ?? '4.0',
      countersign: (request) => responder.countersign(request),
      ...(options.deviceCredentials && { deviceCredentials: options.deviceCredentials }),
      ...(options.s1spGateway && { s1spGateway: options.s1spGateway }),
      ...(options.inProcessSigning && { gbcsSigning: options.inProcessSigning.gbcs }),
    };
    this.#exchange = new DeviceExchange({
      journal: options.journal,
      responder: this.#responder,
      deviceGateway: options.deviceGateway,
      registrations: () => options.registrations.snapshot(),
      inventory: options.inventory,
    });
  }

  get ruleSet(): RuleSet {
    return this.#ruleSet;
  }

  /** Switches the policy for the requests that follow (pending Pre-Commands are kept). */
  useRuleSet(ruleSet: RuleSet): void {
    this.#ruleSet = ruleSet;
  }

  /** The last RequestID counter accepted from an originator. */
  lastCounter(originator: Eui): bigint | undefined {
    return this.#state.lastCounter(originator);
  }

  pendingPreCommands(): readonly PendingPreCommand[] {
    return this.#state.pendingPreCommands();
  }

  /** Resolves when every command sent so far has had its outcome reported to the User. */
  async idle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  /**
   * One DUIS request as POSTed to /api/v1/service{S,D,T}. Requests are handled one after another
   * (the device exchanges they start run on concurrently). Rejects only on a harness fault, e.g.
   * the DSP's own signing credential missing from the key store.
   */
  receive(service: DuisService, body: string, meta: ReceiveMeta = {}): Promise<DspAnswer> {
    const workers = this.#o.admissionWorkers;
    // Only what admission will go on to parse (a known service, a body of text not obviously too big).
    const early =
      workers !== undefined &&
      Object.hasOwn(DUIS_SERVICES, service) &&
      typeof body === 'string' &&
      body.length <= (this.#o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
        ? workers.read(body)
        : undefined;
    const run = this.#queue.then(() => this.#receive(service, body, meta, early));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #receive(
    service: DuisService,
    body: string,
    meta: ReceiveMeta,
    early: Promise<PreRead | undefined> | undefined,
  ): Promise<DspAnswer> {
    const o = this.#o;
    const admitted = await admit(service, body, meta.contentType, this.#admission, early, meta.inProcessSignature);
    if (isAnswer(admitted)) return admitted;
    const { header } = admitted;
    const now = o.clock.now();
    const ctx: RuleContext = {
      service,
      header,
      request: admitted.request,
      parseError: admitted.parseError,
      now,
      ruleSet: this.#ruleSet,
      users: this.users,
      inventory: o.inventory,
      registrations: o.registrations.snapshot(),
      state: this.#state,
    };
    const refused = runPipeline(this.#ruleSet, ctx);
    if (refused) return this.#refuse(admitted, refused.code, `${refused.rule}: ${refused.message}`);
    const out = await this.#dispatch(admitted, now);
    if (out.refused) return this.#refuse(admitted, out.code, out.message);
    out.commit?.();
    this.#state.recordCounter(header.requestId.originator, header.requestId.counter);
    const answer = await this.#responder.answer(header.requestId.originator, out.response, {
      ...this.#note(admitted),
      summary: out.summary,
    });
    if (out.exchange) this.#track(this.#exchange.run(out.exchange));
    return answer;
  }

  async #dispatch(a: Admitted, now: Date): Promise<Dispatched> {
    const o = this.#o;
    const user = this.users.get(a.header.requestId.originator);
    if (a.request === undefined) return { refused: true, code: 'E12', message: `request-format: ${a.parseError?.message}` };
    if (user === undefined) return { refused: true, code: 'E1', message: 'the originator is not a known DCC User' };
    const accepted = { header: a.header, request: a.request, user, now };
    if (a.header.srv.nonDevice) return dispatchNonDevice(accepted, o.inventory);
    return dispatchDevice(accepted, this.#deviceServices);
  }

  async #refuse(a: Admitted, code: DuisResponseCode, reason: string): Promise<DspAnswer> {
    const { requestId, srv } = a.header;
    const note = this.#note(a);
    this.#o.journal.append({
      at: this.#o.clock.now(),
      via: 'DUIS',
      from: 'DSP',
      to: requestId.originator.toString(),
      kind: 'refusal',
      summary: `${code} ${reason}`,
      responseCode: code,
      requestId: requestId.toString(),
      srv: srv.id,
      ...(note.deviceId && { deviceId: note.deviceId.toString() }),
    });
    const input = errorResponse({
      requestId,
      srv,
      responseCode: code,
      responseDateTime: this.#o.clock.now(),
      schemaVersion: a.request?.schemaVersion ?? DEFAULT_SCHEMA_VERSION,
    });
    return this.#responder.answer(requestId.originator, input, { ...note, summary: `${code}: ${reason}` }, reason);
  }

  #note(a: Admitted): Omit<ResponseNote, 'summary'> {
    const { requestId, srv } = a.header;
    return { requestId, srv: srv.id, ...(!srv.nonDevice && { deviceId: requestId.target }) };
  }

  #track(run: Promise<void>): void {
    this.#inflight.add(run);
    void run.finally(() => this.#inflight.delete(run));
  }
}
