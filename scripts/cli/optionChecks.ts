import { InvalidInputError } from '../../simulators/core/errors.ts';
import { parseIsoDate } from '../../simulators/core/isoDate.ts';
import { UsageError } from './Io.ts';

/** Refuses an option given more than once (yargs then hands over a list where a text is expected). */
export function givenOnce(args: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) if (Array.isArray(args[name])) throw new UsageError(`--${name}: give it once, got ${(args[name] as unknown[]).length} values`);
}

/** An ISO 8601 date or date-time that names a real day (2026-02-30 is refused), or a UsageError. */
export function isoDate(text: string, option: string): Date {
  try {
    return parseIsoDate(text, option);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(error.message);
    throw error;
  }
}
