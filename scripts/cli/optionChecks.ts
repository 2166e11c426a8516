import { UsageError } from './Io.ts';

/** Refuses an option given more than once (yargs then hands over a list where a text is expected). */
export function givenOnce(args: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) if (Array.isArray(args[name])) throw new UsageError(`--${name}: give it once, got ${(args[name] as unknown[]).length} values`);
}

/** An ISO 8601 date or date-time that names a real day (2026-02-30 is refused), or a UsageError. */
export function isoDate(text: string, option: string): Date {
  const t = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) throw new UsageError(`${option}: expected an ISO 8601 date such as 2026-01-01 or 2026-01-01T02:00:00Z, got "${text}"`);
  const day = new Date(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m[1]) throw new UsageError(`${option}: "${text}" is not a real date`);
  const date = new Date(m[2] ? t.replace(' ', 'T') : `${m[1]}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${option}: "${text}" is not a real date and time`);
  return date;
}
