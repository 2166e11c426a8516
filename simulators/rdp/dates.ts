import { InvalidInputError } from '../core/errors.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an effective date as registration files write it: `2026-01-01` (midnight UTC) or an
 * ISO 8601 date-time with a zone (`2026-01-01T06:30:00Z`, `…+01:00`). A date-time without a zone
 * is refused: it would mean different instants on different machines.
 */
export function parseEffectiveDate(text: unknown, field: string): Date {
  const t = typeof text === 'string' ? text.trim() : undefined;
  if (t !== undefined && (DATE_ONLY.test(t) || DATE_TIME.test(t))) {
    const date = new Date(DATE_ONLY.test(t) ? `${t}T00:00:00Z` : t);
    if (!Number.isNaN(date.getTime()) && isCalendarDay(t.slice(0, 10))) return date;
  }
  throw new InvalidInputError(
    field,
    'a date as YYYY-MM-DD (midnight UTC) or an ISO 8601 date-time with a zone (e.g. 2026-01-01T06:30:00Z)',
    text,
  );
}

/** Refuses anything that is not a valid Date (API callers pass Dates; an Invalid Date must not slip in). */
export function checkDate(value: unknown, field: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new InvalidInputError(field, 'a valid Date', value instanceof Date ? 'an invalid Date' : value);
}

/** `2026-01-01` for midnight UTC, otherwise the ISO date-time without zero milliseconds. */
export function formatDate(date: Date): string {
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.replace('.000Z', 'Z');
}

/** Date rolls 2026-02-30 over into March; a real calendar day survives the round trip. */
function isCalendarDay(ymd: string): boolean {
  return new Date(`${ymd}T00:00:00Z`).toISOString().startsWith(ymd);
}
