import { frameOf, type JournalEntry } from '../core/Journal.ts';
import type { AttemptOutcome, CommandDetail, DeviceFrame, DeviceHistory, FrameKind, SrAttempt } from './attempts.ts';
import { EMPTY_HISTORY } from './attempts.ts';
import { readCommand, readResponse } from './gbcsReading.ts';

interface MutableAttempt {
  readonly requestId: string;
  readonly srv: string;
  readonly deviceId: string;
  readonly user: string;
  readonly sentAt: Date;
  detail: CommandDetail;
  outcome: AttemptOutcome;
  readonly alerts: string[];
}

interface MutableHistory {
  readonly attempts: MutableAttempt[];
  /**
   * The device's frames as parallel lists – kinds and times in ms – not an object and a Date each:
   * a night of a million frames is held by few objects, and `history` makes DeviceFrames on demand.
   */
  readonly frameKinds: FrameKind[];
  readonly frameTimes: number[];
  commissionedAt?: Date;
}

const PENDING: AttemptOutcome = Object.freeze({ kind: 'pending', detail: 'accepted; no outcome journalled yet' });

/**
 * The journal read into facts per device, one entry at a time (an incremental reducer: `add` each
 * entry as it is appended, or `addAll` a journal afterwards). It reads the DSP's entries:
 *
 * | entry | fact |
 * |---|---|
 * | DUIS `request` to DSP with a device | an attempt (RequestID, SRV, originator, time) |
 * | DUIS `refusal` from DSP | the attempt was refused (E…) |
 * | GBCS `command` to the device | the key usage (CS02c/CS02d) or target cells and owners (CS02b), from the payload |
 * | GBCS `response` from the device | the outcome, judged on the payload (`readResponse`) |
 * | GBCS `failure` (E20/E21) | unreachable / time-out |
 * | GBCS `alert` from the device | an alert code of the attempt |
 * | GBCS or CSP `response`/`alert` from the device, CSP `late-response` | the device communicated |
 *
 * GBCS payloads are needed to judge execution outcomes: with a journal that keeps none, responses
 * are `unreadable` and `warnings` says so.
 */
export class JournalFacts {
  readonly #devices = new Map<string, MutableHistory>();
  readonly #attempts = new Map<string, MutableAttempt>();
  readonly #warnings = new Set<string>();
  #lastSeq = 0;

  static of(entries: Iterable<JournalEntry>): JournalFacts {
    return new JournalFacts().addAll(entries);
  }

  /** The last journal sequence number read (to continue with `journal.entries({ afterSeq })`). */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  get warnings(): readonly string[] {
    return [...this.#warnings];
  }

  addAll(entries: Iterable<JournalEntry>): this {
    for (const e of entries) this.add(e);
    return this;
  }

  add(e: JournalEntry): void {
    this.#lastSeq = Math.max(this.#lastSeq, e.seq);
    if (e.via === 'DUIS') this.#duis(e);
    else if (e.via === 'GBCS') this.#gbcs(e);
    else if (e.via === 'CSP') this.#csp(e);
  }

  /** Devices the journal mentions. */
  deviceIds(): string[] {
    return [...this.#devices.keys()];
  }

  history(deviceId: string): DeviceHistory {
    const h = this.#devices.get(deviceId);
    if (h === undefined) return EMPTY_HISTORY;
    const attempts: SrAttempt[] = h.attempts.map((a) => ({
      requestId: a.requestId,
      srv: a.srv,
      deviceId: a.deviceId,
      user: a.user,
      sentAt: a.sentAt,
      ...a.detail,
      outcome: a.outcome,
      alerts: [...a.alerts],
    }));
    const frames: DeviceFrame[] = h.frameKinds.map((kind, i) => ({ kind, at: new Date(h.frameTimes[i]!) }));
    return { attempts, frames, ...(h.commissionedAt && { commissionedAt: h.commissionedAt }) };
  }

  #duis(e: JournalEntry): void {
    if (e.requestId === undefined) return;
    if (e.to === 'DSP' && e.kind === 'request' && e.deviceId !== undefined && e.srv !== undefined) {
      if (this.#attempts.has(e.requestId)) return; // CV 5 after CV 4: the same Service Request
      const a: MutableAttempt = {
        requestId: e.requestId,
        srv: e.srv,
        deviceId: e.deviceId,
        user: e.from,
        sentAt: e.at,
        detail: {},
        outcome: PENDING,
        alerts: [],
      };
      this.#attempts.set(e.requestId, a);
      this.#device(e.deviceId).attempts.push(a);
      return;
    }
    const a = this.#attempts.get(e.requestId);
    if (a !== undefined && e.from === 'DSP' && e.kind === 'refusal') {
      a.outcome = { kind: 'refused', detail: e.summary, at: e.at };
    }
  }

  #gbcs(e: JournalEntry): void {
    if (e.deviceId !== undefined && e.from === e.deviceId && (e.kind === 'response' || e.kind === 'alert')) {
      this.#frame(e.deviceId, e.kind, e.at);
    }
    const a = e.requestId === undefined ? undefined : this.#attempts.get(e.requestId);
    if (a === undefined) return;
    if (e.from === 'DSP' && e.kind === 'command') {
      const frame = frameOf(e) ?? e.payload;
      if (frame === undefined) return this.#warn('GBCS commands without payload: key usages and target cells unknown (journal keepPayloads: false)');
      a.detail = readCommand(frame) ?? {};
      return;
    }
    if (e.from !== a.deviceId) return;
    if (e.kind === 'response') {
      const frame = frameOf(e) ?? e.payload;
      if (frame === undefined) {
        this.#warn('GBCS responses without payload: execution outcomes unknown (journal keepPayloads: false)');
        a.outcome = { kind: 'unreadable', detail: 'I0 device response, but the journal kept no payload to judge it', at: e.at };
      } else a.outcome = readResponse(frame, e.at);
      if (a.srv === '8.1.1' && a.outcome.kind === 'success') this.#device(a.deviceId).commissionedAt ??= e.at;
    } else if (e.kind === 'failure') {
      const code = /^(E\d+)/.exec(e.summary)?.[1];
      const kind = code === 'E21' ? 'timeout' : code === 'E20' ? 'unreachable' : 'refused';
      a.outcome = { kind, detail: e.summary, at: e.at };
    } else if (e.kind === 'alert') {
      const code = /alert ([0-9A-Fa-f]{4})/.exec(e.summary)?.[1];
      if (code !== undefined) a.alerts.push(code.toUpperCase());
    }
  }

  #csp(e: JournalEntry): void {
    if (e.deviceId === undefined) return;
    let kind: FrameKind | undefined;
    if (e.from === e.deviceId && (e.kind === 'response' || e.kind === 'alert')) kind = e.kind;
    else if (e.from === 'CSP' && e.kind === 'late-response') kind = 'lateResponse';
    if (kind !== undefined) this.#frame(e.deviceId, kind, e.at);
  }

  #device(deviceId: string): MutableHistory {
    let h = this.#devices.get(deviceId);
    if (h === undefined) {
      h = { attempts: [], frameKinds: [], frameTimes: [] };
      this.#devices.set(deviceId, h);
    }
    return h;
  }

  #frame(deviceId: string, kind: FrameKind, at: Date): void {
    const h = this.#device(deviceId);
    h.frameKinds.push(kind);
    h.frameTimes.push(at.getTime());
  }

  #warn(text: string): void {
    this.#warnings.add(text);
  }
}
