import { InvalidInputError } from '../core/errors.ts';

/** How the receiver answers one POST. */
export interface PlannedAnswer {
  /** HTTP status; 2xx means the message is taken, anything else that it is not (the DSP retries 408, 429, 5xx). */
  readonly status: number;
  /** Real milliseconds to wait before answering (e.g. to make the DSP's attempt time out). */
  readonly delayMs?: number;
  /** A `Retry-After` value to send with the answer, e.g. `1` (seconds). */
  readonly retryAfter?: string;
}

export const TAKEN: PlannedAnswer = Object.freeze({ status: 200 });

/**
 * The receiver's script: answers planned for the next POSTs, in order, then the default (200
 * unless changed). Lets a test make the DSP's delivery client retry, give up or time out.
 */
export class AnswerScript {
  readonly #queue: PlannedAnswer[] = [];
  #default: PlannedAnswer = TAKEN;

  /** The next `n` POSTs are answered `status` (default 503) and not taken. */
  failNext(n: number, status = 503, options: { readonly retryAfter?: string } = {}): void {
    this.answerNext(n, { status, ...options });
  }

  /** The next `n` POSTs are taken, but answered only after `delayMs` real milliseconds. */
  delayNext(n: number, delayMs: number, status = 200): void {
    this.answerNext(n, { status, delayMs });
  }

  /** The next `n` POSTs get `answer`, after whatever is already planned. */
  answerNext(n: number, answer: PlannedAnswer): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new InvalidInputError('n', 'a whole number of POSTs', n);
    const checked = check(answer);
    for (let i = 0; i < n; i++) this.#queue.push(checked);
  }

  /** How every POST is answered once the planned answers are used up. */
  setDefault(answer: PlannedAnswer): void {
    this.#default = check(answer);
  }

  /** Forgets the planned answers and goes back to 200. */
  reset(): void {
    this.#queue.length = 0;
    this.#default = TAKEN;
  }

  /** Planned answers not yet used. */
  get planned(): number {
    return this.#queue.length;
  }

  /** The answer for the POST that just arrived. */
  take(): PlannedAnswer {
    return this.#queue.shift() ?? this.#default;
  }
}

function check(answer: PlannedAnswer): PlannedAnswer {
  if (!Number.isInteger(answer.status) || answer.status < 200 || answer.status > 599) {
    throw new InvalidInputError('status', 'an HTTP status from 200 to 599', answer.status);
  }
  if (answer.delayMs !== undefined && (!Number.isFinite(answer.delayMs) || answer.delayMs < 0)) {
    throw new InvalidInputError('delayMs', 'milliseconds ≥ 0', answer.delayMs);
  }
  return Object.freeze({ ...answer });
}

/** Whether an answer means the receiver took the message. */
export function isTaken(answer: PlannedAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}
