import { InvalidInputError } from '../core/errors.ts';
import type { Journal, JournalEntry } from '../core/Journal.ts';
import { RESPONSE_CODE_MEANINGS } from './responseCodeMeanings.ts';

/**
 * The error-code report SECMP0063's Working Group asked for ("reporting for the types of error
 * codes and the number of times they were sent to suppliers"), read from the journal's DUIS
 * entries the DSP writes. Nothing else keeps a second history (core/Journal.ts).
 */

export interface ErrorCodeReportOptions {
  /** Period start, inclusive (a Date or an ISO 8601 date-time). Default: the journal's start. */
  readonly from?: Date | string;
  /** Period end, exclusive. Default: open. */
  readonly to?: Date | string;
  /** A User's name for its EUI (e.g. from the estate's parties), shown beside the EUI. */
  readonly userName?: (eui: string) => string | undefined;
  /** Meanings shown beside codes; added to (and overriding) RESPONSE_CODE_MEANINGS. */
  readonly meanings?: Readonly<Record<string, string>>;
}

/**
 * `refused`: the DSP refused the request (its validation pipeline or dispatch) and answered the
 * error at once – the journal's `refusal` entry. `afterAcceptance`: an error response POSTed
 * later for a request the DSP had accepted (E20, E21, an S1SP's code).
 */
export type ErrorStage = 'refused' | 'afterAcceptance';

/** One error response sent to a User. */
export interface ErrorEvent {
  readonly seq: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  /** The UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** The User's EUI (the RequestID's originator). */
  readonly user: string;
  readonly userName?: string;
  readonly srv?: string;
  readonly code: string;
  readonly stage: ErrorStage;
  readonly requestId?: string;
  readonly deviceId?: string;
  /** The journal's one line: for a refusal, the code, the rule and why. */
  readonly summary: string;
}

export interface CodeCount {
  readonly code: string;
  readonly meaning?: string;
  readonly total: number;
  readonly refused: number;
  readonly afterAcceptance: number;
}

/** Error responses for one User, day or SRV, in all and per code. */
export interface GroupCount {
  readonly key: string;
  readonly name?: string;
  readonly total: number;
  readonly byCode: Readonly<Record<string, number>>;
}

export interface ErrorCodeReport {
  readonly from?: string;
  readonly to?: string;
  /** DUIS requests the DSP read and authenticated in the period. */
  readonly requests: number;
  /** Requests refused with a plain HTTP error before any DUIS answer (no response code). */
  readonly httpRefusals: number;
  /** Error responses (E…) sent to Users. */
  readonly errors: number;
  /** Most frequent first. */
  readonly byCode: readonly CodeCount[];
  /** Most errors first. */
  readonly byUser: readonly GroupCount[];
  /** Oldest first. */
  readonly byDay: readonly GroupCount[];
  readonly bySrv: readonly GroupCount[];
  readonly events: readonly ErrorEvent[];
}

const isError = (code: string | undefined): code is string => code !== undefined && code.startsWith('E');

/**
 * Counts the error responses the DSP sent to Users between `from` and `to`: by response code, by
 * User (the RequestID's originator), by UTC day and by SRV, each event listed. A refused request
 * is journalled twice by the DSP (`refusal`, then its `response`): it is counted once.
 */
export function errorCodeReport(journal: Journal, options: ErrorCodeReportOptions = {}): ErrorCodeReport {
  const from = instant(options.from, 'from');
  const to = instant(options.to, 'to');
  const inPeriod = (e: JournalEntry) => (from === undefined || e.at >= from) && (to === undefined || e.at < to);
  const events: ErrorEvent[] = [];
  const answered = new Map<string, number>();
  let requests = 0;
  let httpRefusals = 0;
  for (const e of journal.entries({ where: (x) => x.via === 'DUIS' })) {
    if (e.to === 'DSP') {
      if (inPeriod(e) && e.kind === 'request') requests += 1;
      if (inPeriod(e) && e.kind === 'refusal') httpRefusals += 1;
      continue;
    }
    if (e.from !== 'DSP' || !isError(e.responseCode)) continue;
    const key = `${e.to}|${e.requestId ?? ''}|${e.responseCode}`;
    if (e.kind === 'refusal') {
      answered.set(key, (answered.get(key) ?? 0) + 1);
      if (inPeriod(e)) events.push(eventOf(e, e.responseCode, 'refused', options));
    } else if (e.kind === 'response') {
      const pending = answered.get(key) ?? 0;
      if (pending > 0) answered.set(key, pending - 1);
      else if (inPeriod(e)) events.push(eventOf(e, e.responseCode, 'afterAcceptance', options));
    }
  }
  const meanings = { ...RESPONSE_CODE_MEANINGS, ...options.meanings };
  return {
    ...(from && { from: from.toISOString() }),
    ...(to && { to: to.toISOString() }),
    requests,
    httpRefusals,
    errors: events.length,
    byCode: countCodes(events, meanings),
    byUser: group(events, (e) => e.user, (e) => e.userName).sort((a, b) => b.total - a.total || compare(a.key, b.key)),
    byDay: group(events, (e) => e.day).sort((a, b) => compare(a.key, b.key)),
    bySrv: group(events, (e) => e.srv ?? '').sort((a, b) => compare(a.key, b.key)),
    events,
  };
}

function eventOf(e: JournalEntry, code: string, stage: ErrorStage, options: ErrorCodeReportOptions): ErrorEvent {
  const userName = options.userName?.(e.to);
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    day: e.at.toISOString().slice(0, 10),
    user: e.to,
    ...(userName !== undefined && { userName }),
    ...(e.srv !== undefined && { srv: e.srv }),
    code,
    stage,
    ...(e.requestId !== undefined && { requestId: e.requestId }),
    ...(e.deviceId !== undefined && { deviceId: e.deviceId }),
    summary: e.summary,
  };
}

function countCodes(events: readonly ErrorEvent[], meanings: Readonly<Record<string, string>>): CodeCount[] {
  const counts = new Map<string, { refused: number; afterAcceptance: number }>();
  for (const e of events) {
    const c = counts.get(e.code) ?? { refused: 0, afterAcceptance: 0 };
    c[e.stage] += 1;
    counts.set(e.code, c);
  }
  return [...counts]
    .map(([code, c]) => ({
      code,
      ...(meanings[code] !== undefined && { meaning: meanings[code] }),
      total: c.refused + c.afterAcceptance,
      ...c,
    }))
    .sort((a, b) => b.total - a.total || compare(a.code, b.code));
}

function group(events: readonly ErrorEvent[], keyOf: (e: ErrorEvent) => string, nameOf?: (e: ErrorEvent) => string | undefined): GroupCount[] {
  const groups = new Map<string, { name?: string; total: number; byCode: Record<string, number> }>();
  for (const e of events) {
    const key = keyOf(e);
    const g = groups.get(key) ?? { total: 0, byCode: {} };
    const name = nameOf?.(e);
    if (name !== undefined) g.name = name;
    g.total += 1;
    g.byCode[e.code] = (g.byCode[e.code] ?? 0) + 1;
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => ({ key, ...g }));
}

/** Natural order, so E4 comes before E12 and 6.21 after 6.15.1. */
export function compare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function instant(value: Date | string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new InvalidInputError(field, 'an ISO 8601 date or date-time', value);
  }
  if (Number.isNaN(date.getTime())) throw new InvalidInputError(field, 'a valid date', String(value));
  return date;
}
