import type { InProcessSignature } from '../duis/InProcessSigning.ts';
import type { KeyObject } from 'node:crypto';
import { type Clock, SystemClock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import type { Srv } from '../core/Srv.ts';
import type { Reason } from '../core/verdict.ts';
import type { FetchLike } from '../delivery/index.ts';
import type { DspAnswer, DuisService } from '../dsp/DspAnswer.ts';
import type { ReceiveMeta } from '../dsp/Dsp.ts';
import { buildDuisRequest, type RequestBody, type ServiceRequestInput } from '../duis/index.ts';
import { signPreCommand } from '../gbcs/signature.ts';
import { REASON_HEADER } from '../http/duisRoutes.ts';
import type { KeyStore } from '../keystore/index.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { checkDspMessage, type DspMessageCheck, type DspSignerCheck, isDspXmlSigner } from './checkDspMessage.ts';
import { checkInProcessMessage, type InProcessTrust } from './checkInProcessMessage.ts';
import { RequestCounter } from './RequestCounter.ts';
import { type CriticalExchange, type DspExchange, DspResponseError, type SentRequest } from './SentRequest.ts';

/**
 * The DSP of the same process, for in-process signing (decision 0009): requests are handed to
 * `receive` with the User's in-process signature, answers checked with the DSP's.
 */
export interface InProcessDuisChannel extends InProcessTrust {
  receive(service: DuisService, body: string, meta: ReceiveMeta): Promise<DspAnswer>;
}

export interface DuisClientOptions {
  /**
   * The DSP's base URL, e.g. `http://127.0.0.1:8079` (requests go to `${baseUrl}/api/v1/service{S,D,T}`);
   * required unless `inProcess` is given.
   */
  readonly baseUrl?: string;
  /** Instead of HTTP and XML-DSig: the DSP in this process, with in-process signing (decision 0009). */
  readonly inProcess?: InProcessDuisChannel;
  /** The User this client is: the RequestID originator and the signer. */
  readonly user: Eui;
  /** Holds the User's XML and DS credentials and the DSP's XML-signing certificate. */
  readonly keyStore: KeyStore;
  readonly fetch?: FetchLike;
  /** Time for the RequestID counters (default: the wall clock). */
  readonly clock?: Clock;
  /** The first counter instead of the clock in ms. Ignored when `counter` is given. */
  readonly counterStart?: bigint | number;
  /** A counter shared with other clients of the same User. */
  readonly counter?: RequestCounter;
  /** The RequestID target of Non-Device requests (default: the EUI of the DSP's XML-signing credential). */
  readonly dcc?: Eui;
  /** Who may sign the DSP's answers (default: XML-signing credentials with role 137). */
  readonly isDspSigner?: DspSignerCheck;
  /** One exchange is abandoned after this long (default 30 s). */
  readonly timeoutMs?: number;
}

/** A request before the client numbers and signs it. */
export interface DraftRequest {
  /** The device; for Non-Device SRVs the DCC (see `DuisClientOptions.dcc`). */
  readonly target: Eui;
  readonly srv: Srv | string;
  readonly body: RequestBody;
  /** Default: `nextRequestId(target)`. Give one to resend or replay a request. */
  readonly requestId?: RequestId | string;
  readonly schemaVersion?: string;
  /** Default: the SRV's; another value builds a deliberately wrong request. */
  readonly serviceReference?: string;
}

export interface CriticalOptions {
  /** Sign the pre-command with this key instead of the User's DS key (e.g. to see a device refuse it). */
  readonly dsKey?: KeyObject;
}

/**
 * The harness's own DUIS User: what a supplier's or network operator's system does. Builds and
 * signs Service Requests, POSTs them to the DSP (`Content-Type: application/xml`), verifies and
 * parses the answers, and runs the critical flow. An answer with HTTP 200 whose signature does not
 * verify with the DSP's certificate, or that is not a DUIS response for the request, rejects with
 * a {@link DspResponseError}; other statuses are returned as they are.
 */
export class DuisClient {
  readonly user: Eui;
  readonly counter: RequestCounter;
  readonly #o: DuisClientOptions;
  readonly #baseUrl: string;
  readonly #fetch: FetchLike;

  constructor(options: DuisClientOptions) {
    if (options.baseUrl === undefined && options.inProcess === undefined) {
      throw new InvalidInputError('baseUrl', "the DSP's base URL (or an in-process channel)", undefined);
    }
    this.#o = options;
    this.user = options.user;
    this.#baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.counter =
      options.counter ??
      new RequestCounter(
        options.counterStart !== undefined ? { start: options.counterStart } : { clock: options.clock ?? new SystemClock() },
      );
  }

  /** A fresh RequestID from this User to `target`, its counter higher than any before. */
  nextRequestId(target: Eui): RequestId {
    return RequestId.of(this.user, target, this.counter.next());
  }

  /** Builds `input` as DUIS XML, signs it with the User's XML credential and POSTs it to service S, D or T. */
  async send(service: DuisService, input: ServiceRequestInput): Promise<SentRequest> {
    const requestId = toRequestId(input.header.requestId);
    if (requestId.originator.equals(this.user)) this.counter.observe(requestId.counter);
    // In process, the request reaches the DSP's queue before this call first waits: requests sent
    // one after another arrive in that order, so a User's counters need no queue of their own.
    if (this.#o.inProcess !== undefined) {
      const xml = buildDuisRequest(input);
      const exchange = await this.#inProcess(service, xml, 'application/xml', requestId, this.#o.inProcess.signing.sign(this.user, xml));
      return Object.assign(exchange, { requestId });
    }
    const credential = await this.#o.keyStore.lookup(this.user, 'XML');
    const signer = { privateKey: credential.privateKey, certificate: credential.certificate };
    const xml = buildDuisRequest(input, { sign: (unsigned) => signDuis(unsigned, signer) });
    const exchange = await this.#post(service, xml, { 'content-type': 'application/xml' }, requestId);
    return { ...exchange, requestId };
  }

  /**
   * POSTs `body` exactly as given, for bad-input tests (unsigned, tampered, wrong content type…).
   * Headers default to `Content-Type: application/xml`; names are case-insensitive.
   */
  async sendRaw(service: DuisService, body: string, headers: Readonly<Record<string, string>> = {}): Promise<DspExchange> {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return this.#post(service, body, { 'content-type': 'application/xml', ...lower });
  }

  /** A Non-Critical request: CV 1 on serviceS. */
  nonCritical(draft: DraftRequest): Promise<SentRequest> {
    return this.send('S', this.#input(draft, 1));
  }

  /** A Non-Device request: CV 8 on serviceD, to the DCC unless `target` says otherwise. */
  async nonDevice(draft: Omit<DraftRequest, 'target'> & { readonly target?: Eui }): Promise<SentRequest> {
    const target = draft.target ?? (await this.#dcc());
    return this.send('D', this.#input({ ...draft, target }, 8));
  }

  /**
   * A Critical request: CV 4 on serviceT; if the DSP answers I0 with a PreCommand, the User signs
   * the GBCS pre-command with its DS key and sends it as CV 5 SignedPreCommand on serviceS with
   * the same RequestID. The device's response arrives later at the User's response URL.
   */
  async critical(draft: DraftRequest, options: CriticalOptions = {}): Promise<CriticalExchange> {
    const input = this.#input(draft, 4);
    const cv4 = await this.send('T', input);
    const { requestId } = cv4;
    const content = cv4.response?.body.kind === 'ResponseMessage' ? cv4.response.body.content : undefined;
    if (cv4.responseCode !== 'I0' || content?.kind !== 'PreCommand') return { requestId, cv4 };
    const key = options.dsKey ?? (await this.#o.keyStore.lookup(this.user, 'DS')).privateKey;
    const signedPreCommand = signPreCommand(content.gbcsPayload, key, this.#o.inProcess?.signing.gbcs);
    const cv5 = await this.send('S', {
      ...(input.schemaVersion !== undefined && { schemaVersion: input.schemaVersion }),
      header: { ...input.header, requestId, commandVariant: 5 },
      body: { kind: 'SignedPreCommand', gbcsPayload: signedPreCommand },
    });
    return { requestId, cv4, preCommand: content.gbcsPayload, signedPreCommand, cv5 };
  }

  #input(draft: DraftRequest, commandVariant: number): ServiceRequestInput {
    return {
      ...(draft.schemaVersion !== undefined && { schemaVersion: draft.schemaVersion }),
      header: {
        requestId: draft.requestId ?? this.nextRequestId(draft.target),
        commandVariant,
        srv: draft.srv,
        ...(draft.serviceReference !== undefined && { serviceReference: draft.serviceReference }),
      },
      body: draft.body,
    };
  }

  async #dcc(): Promise<Eui> {
    if (this.#o.dcc) return this.#o.dcc;
    const isDsp = this.#o.isDspSigner ?? isDspXmlSigner;
    const dsp = (await this.#o.keyStore.list()).find(isDsp);
    if (dsp === undefined) {
      throw new InvalidInputError('dcc', "the DCC's EUI, or a DSP XML-signing credential in the key store", undefined);
    }
    return dsp.eui;
  }

  async #post(
    service: DuisService,
    body: string,
    headers: Record<string, string>,
    requestId?: RequestId,
  ): Promise<DspExchange> {
    if (this.#o.inProcess !== undefined) return this.#inProcess(service, body, headers['content-type'], requestId);
    const url = `${this.#baseUrl}/api/v1/service${service}`;
    const answer = await this.#fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.#o.timeoutMs ?? 30_000),
    });
    const responseXml = await answer.text();
    const reason = answer.headers.get(REASON_HEADER);
    const contentType = answer.headers.get('content-type');
    const exchange: DspExchange = {
      service,
      ...(requestId !== undefined && { requestId }),
      status: answer.status,
      ...(reason !== null && { reason }),
      xml: body,
      responseXml,
      ...(contentType !== null && { contentType }),
    };
    if (answer.status !== 200) return exchange;
    return this.#verified(exchange);
  }

  /** The in-process exchange; `signature` absent for `sendRaw`'s bodies, which the DSP then refuses. */
  async #inProcess(service: DuisService, xml: string, contentType: string | undefined, requestId?: RequestId, signature?: InProcessSignature): Promise<DspExchange> {
    const channel = this.#o.inProcess!;
    const answer = await channel.receive(service, xml, {
      ...(contentType !== undefined && { contentType }),
      ...(signature !== undefined && { inProcessSignature: signature }),
    });
    const exchange: DspExchange = {
      service,
      ...(requestId !== undefined && { requestId }),
      status: answer.status,
      ...(answer.reason !== undefined && { reason: answer.reason }),
      xml,
      // The DSP's answer is written when first read: in process it is taken as the value it was written from.
      get responseXml() {
        return answer.body;
      },
      contentType: answer.contentType,
    };
    if (answer.status !== 200) return exchange;
    return this.#verified(exchange, checkInProcessMessage(answer.document ?? answer.body, answer.inProcessSignature, channel));
  }

  async #verified(exchange: DspExchange, checked?: DspMessageCheck): Promise<DspExchange> {
    const check = checked ?? (await checkDspMessage(exchange.responseXml, this.#o.keyStore, this.#o.isDspSigner));
    const reasons: Reason[] = [...check.reasons];
    if (check.parseError !== undefined && reasons.every((r) => r.code !== 'not-well-formed')) {
      reasons.push({ code: 'not-a-duis-response', message: `not a DUIS response: ${check.parseError}` });
    }
    const answered = check.response?.header.requestId;
    const { requestId } = exchange;
    if (requestId !== undefined && answered !== undefined && !answered.equals(requestId)) {
      reasons.push({ code: 'request-id-mismatch', message: `the response answers ${answered}, not ${requestId}` });
    }
    if (reasons.length > 0 || check.response === undefined) throw new DspResponseError(exchange, reasons);
    // Added to the exchange, not copied with it: copying would write an in-process answer's text.
    return Object.assign(exchange, {
      ...(requestId === undefined && answered !== undefined && { requestId: answered }),
      responseCode: check.response.header.responseCode,
      response: check.response,
      ...(check.signer !== undefined && { signer: check.signer }),
    });
  }
}

function toRequestId(value: RequestId | string): RequestId {
  return value instanceof RequestId ? value : RequestId.parse(value, 'sr:Request/sr:Header/sr:RequestID');
}
