import { setTimeout as sleep } from 'node:timers/promises';
import { type Clock, SystemClock } from '../core/clock.ts';
import { RequestId } from '../core/RequestId.ts';
import { type HttpAnswer, type HttpRequest, type Route, text } from '../http/HttpAnswer.ts';
import { type RunningServer, startHttpServer } from '../http/httpServer.ts';
import type { KeyStore } from '../keystore/index.ts';
import { AnswerScript, isTaken, type PlannedAnswer } from './AnswerScript.ts';
import type { InProcessInbox } from '../delivery/InProcessOutbox.ts';
import { type DuisText, textOf } from '../duis/LazyXml.ts';
import { checkDspMessage, type DspMessageCheck, type DspSignerCheck } from './checkDspMessage.ts';
import { checkInProcessMessage, type InProcessTrust } from './checkInProcessMessage.ts';
import { MessageLog, type WaitOptions } from './MessageLog.ts';

export const DEFAULT_RESPONSE_PATH = '/duis/responses';

export interface ResponseReceiverOptions {
  /** Holds the DSP's XML-signing certificate, to verify what arrives. */
  readonly keyStore: KeyStore;
  /** Where the DSP POSTs (default `/duis/responses`). */
  readonly path?: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Who may sign the DSP's messages (default: XML-signing credentials with role 137). */
  readonly isDspSigner?: DspSignerCheck;
  /** Timestamps of arrivals (default: the wall clock). */
  readonly clock?: Clock;
}

export type ReceivedKind = 'response' | 'deviceAlert' | 'dccAlert' | 'unreadable';

/** A message the receiver took (answered 2xx), verified and parsed as far as it goes. */
export interface ReceivedMessage extends DspMessageCheck {
  /** 1, 2, … in arrival order. */
  readonly seq: number;
  readonly receivedAt: Date;
  readonly xml: string;
  readonly contentType?: string;
  /** From the body: a response (ResponseMessage), a device or DCC alert, or `unreadable` when it does not parse. */
  readonly kind: ReceivedKind;
  /** The status the receiver answered (2xx). */
  readonly answeredStatus: number;
}

/** Every POST, taken or not: what a test of the DSP's retries looks at. */
export interface DeliveryAttempt {
  readonly seq: number;
  readonly at: Date;
  readonly status: number;
  readonly taken: boolean;
  readonly bytes: number;
  readonly contentType?: string;
}

/**
 * The User's response endpoint: a real HTTP server the DSP POSTs its asynchronous responses and
 * alerts to. Each message is verified (DSP XML-signing certificate from the key store) and parsed,
 * then kept in arrival order – one whose signature fails is kept too, flagged `signatureOk: false`
 * with the reasons, and still answered 200: a test harness shows what it got. How POSTs are
 * answered follows `script` (`failNext`, `delayNext`…), to exercise the DSP's delivery retries.
 */
export class ResponseReceiver {
  readonly path: string;
  readonly script = new AnswerScript();
  /** The receiver as a route, to mount on another server instead of `start`'s own. */
  readonly route: Route;
  readonly #o: ResponseReceiverOptions;
  readonly #clock: Clock;
  readonly #log = new MessageLog<ReceivedMessage>(describe);
  readonly #attempts: DeliveryAttempt[] = [];
  readonly #closing = new AbortController();
  /** Checks run one after another, so messages are kept in the order they arrived. */
  #queue: Promise<unknown> = Promise.resolve();
  #server: RunningServer | undefined;
  #closed: Promise<void> | undefined;
  #attemptSeq = 0;
  #messageSeq = 0;

  constructor(options: ResponseReceiverOptions) {
    this.#o = options;
    this.path = options.path ?? DEFAULT_RESPONSE_PATH;
    this.#clock = options.clock ?? new SystemClock();
    this.route = (request) => this.#handle(request);
  }

  /** A receiver listening on its own server (127.0.0.1, a free port unless told). */
  static async start(options: ResponseReceiverOptions): Promise<ResponseReceiver> {
    const receiver = new ResponseReceiver(options);
    receiver.#server = await startHttpServer([receiver.route], {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
    });
    return receiver;
  }

  /** The URL to register as the User's response URL. */
  get url(): string {
    if (this.#server === undefined) throw new Error('ResponseReceiver: not listening (use ResponseReceiver.start)');
    return `${this.#server.url}${this.path}`;
  }

  /** The next `n` POSTs are answered `status` (default 503) and not kept. */
  failNext(n: number, status = 503, options: { readonly retryAfter?: string } = {}): void {
    this.script.failNext(n, status, options);
  }

  /** The next `n` POSTs are kept but answered only after `delayMs` real milliseconds. */
  delayNext(n: number, delayMs: number): void {
    this.script.delayNext(n, delayMs);
  }

  /**
   * This receiver as a User's inbox in an estate with in-process signing (decision 0009): what the
   * outbox hands over is checked with the DSP's in-process signature (XML-DSig when it has none,
   * as the DSP's unsolicited alerts do), parsed and kept as a POST's would be.
   */
  inProcessInbox(trust: InProcessTrust): InProcessInbox {
    return async (xml, meta) => {
      const at = this.#clock.now();
      this.#attempts.push(inProcessAttempt(++this.#attemptSeq, at, xml));
      if (meta.inProcessSignature === undefined) {
        const kept = this.#queue.then(() => this.#keep(textOf(xml), at, { status: 200 }, { contentType: 'application/xml' }));
        this.#queue = kept.catch(() => undefined);
        await kept;
        return;
      }
      // Kept in arrival order at once; read (parsed) when first looked at – a batch looks at few.
      const signature = meta.inProcessSignature;
      const kept = this.#queue.then(() =>
        this.#log.add(lazyMessage({ seq: ++this.#messageSeq, receivedAt: at, xml, contentType: 'application/xml', answeredStatus: 200 }, () => checkInProcessMessage(xml, signature, trust))),
      );
      this.#queue = kept.catch(() => undefined);
      await kept;
    };
  }

  /** The first kept message matching `predicate`, already there or arriving within the time-out. */
  waitFor(predicate: (message: ReceivedMessage) => boolean, options: WaitOptions = {}): Promise<ReceivedMessage> {
    return this.#log.waitFor(predicate, options);
  }

  /** Every kept message whose RequestID is `requestId`: the response and any alerts tied to the request. */
  responsesFor(requestId: RequestId | string): ReceivedMessage[] {
    const wanted = typeof requestId === 'string' ? RequestId.parse(requestId) : requestId;
    return this.all().filter((m) => m.response?.header.requestId?.equals(wanted) ?? false);
  }

  /** Device and DCC alerts, in arrival order. */
  alerts(): ReceivedMessage[] {
    return this.all().filter((m) => m.kind === 'deviceAlert' || m.kind === 'dccAlert');
  }

  /** Every kept message, in arrival order. */
  all(): ReceivedMessage[] {
    return [...this.#log.all()];
  }

  /** Every POST, including those the script refused. */
  attempts(): DeliveryAttempt[] {
    return [...this.#attempts];
  }

  /** Forgets what arrived (the script is left as it is; `seq` numbers go on). */
  clear(): void {
    this.#log.clear();
    this.#attempts.length = 0;
  }

  /** Stops listening; pending `waitFor`s reject. Closing again does nothing more. */
  close(): Promise<void> {
    if (this.#closed === undefined) {
      this.#closing.abort();
      this.#log.abandon('the response receiver closed');
      this.#closed = this.#server?.close() ?? Promise.resolve();
    }
    return this.#closed;
  }

  async #handle(request: HttpRequest): Promise<HttpAnswer | undefined> {
    if (request.path !== this.path) return undefined;
    if (request.method !== 'POST') return text(405, `${request.method} is not supported on ${this.path}; POST DUIS messages`);
    const planned = this.script.take();
    const taken = isTaken(planned);
    const xml = request.body.toString('utf8');
    const header = request.headers['content-type'];
    const contentType = typeof header === 'string' ? { contentType: header } : {};
    const at = this.#clock.now();
    this.#attempts.push({ seq: ++this.#attemptSeq, at, status: planned.status, taken, bytes: request.body.length, ...contentType });
    if (taken) {
      const kept = this.#queue.then(() => this.#keep(xml, at, planned, contentType));
      this.#queue = kept.catch(() => undefined);
      await kept;
    }
    if (planned.delayMs) await sleep(planned.delayMs, undefined, { signal: this.#closing.signal }).catch(() => undefined);
    return {
      ...text(planned.status, taken ? 'received' : 'simulated failure of the User\'s response endpoint'),
      ...(planned.retryAfter !== undefined && { headers: { 'retry-after': planned.retryAfter } }),
    };
  }

  async #keep(xml: string, receivedAt: Date, planned: Pick<PlannedAnswer, 'status'>, contentType: { contentType?: string }, checked?: DspMessageCheck): Promise<void> {
    const check = checked ?? (await checkDspMessage(xml, this.#o.keyStore, this.#o.isDspSigner));
    this.#log.add({
      seq: ++this.#messageSeq,
      receivedAt,
      xml,
      ...contentType,
      kind: kindOf(check),
      answeredStatus: planned.status,
      ...check,
    });
  }
}

type ArrivalFields = Pick<ReceivedMessage, 'seq' | 'receivedAt' | 'contentType' | 'answeredStatus'> & { readonly xml: DuisText };

/** A POST in all but the wire: its size in bytes counted only if asked (the text may be still to write). */
function inProcessAttempt(seq: number, at: Date, xml: DuisText): DeliveryAttempt {
  return {
    seq,
    at,
    status: 200,
    taken: true,
    get bytes() {
      return Buffer.byteLength(textOf(xml));
    },
    contentType: 'application/xml',
  };
}

/**
 * A kept message whose check (signature and parse) runs when one of its results is first read, and
 * whose text is written when first read (in process, the DSP leaves it to be written).
 */
function lazyMessage(fields: ArrivalFields, check: () => DspMessageCheck): ReceivedMessage {
  let done: DspMessageCheck | undefined;
  const xml = fields.xml;
  return Object.freeze({
    seq: fields.seq,
    receivedAt: fields.receivedAt,
    ...(fields.contentType !== undefined && { contentType: fields.contentType }),
    answeredStatus: fields.answeredStatus,
    get xml() {
      return textOf(xml);
    },
    get signatureOk() {
      return (done ??= check()).signatureOk;
    },
    get reasons() {
      return (done ??= check()).reasons;
    },
    get signer() {
      return (done ??= check()).signer;
    },
    get response() {
      return (done ??= check()).response;
    },
    get parseError() {
      return (done ??= check()).parseError;
    },
    get kind() {
      return kindOf((done ??= check()));
    },
  });
}

function kindOf(check: DspMessageCheck): ReceivedKind {
  switch (check.response?.body.kind) {
    case 'ResponseMessage':
      return 'response';
    case 'DeviceAlertMessage':
      return 'deviceAlert';
    case 'DCCAlertMessage':
      return 'dccAlert';
    default:
      return 'unreadable';
  }
}

function describe(m: ReceivedMessage): string {
  const header = m.response?.header;
  const id = header?.requestId ?? header?.responseId;
  const what = [m.kind, header?.responseCode, id?.toString()].filter(Boolean).join(' ');
  return `#${m.seq} ${what}${m.signatureOk ? '' : ' (signature refused)'}`;
}
