import { InvalidInputError } from './errors.ts';

const EXAMPLE = 'an ISO 8601 date such as 2026-01-01 or 2026-01-01T02:00:00Z';

/**
 * An ISO 8601 date (midnight UTC) or date-time that names a real day – 2026-02-30 is refused, not
 * rolled over – or an InvalidInputError naming `field` and the expected form.
 */
export function parseIsoDate(text: string, field: string): Date {
  const t = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) throw new InvalidInputError(field, EXAMPLE, text);
  const day = new Date(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m[1]) throw new InvalidInputError(field, `a real date (${EXAMPLE})`, text);
  const date = new Date(m[2] ? t.replace(' ', 'T') : `${m[1]}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new InvalidInputError(field, `a real date and time (${EXAMPLE})`, text);
  return date;
}
