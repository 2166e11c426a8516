import { InvalidInputError } from '../core/errors.ts';
import { DUIS_DEVICE_TYPES } from '../duis/enumerations.ts';
import { DEFAULT_OBLIGATIONS_BY_DEVICE_TYPE, isObligationId, OBLIGATION_IDS, type ObligationId } from './obligations.ts';

/**
 * The settings of post-commissioning tracking. The SEC text with the exact time limits is not public,
 * so every limit is a named default marked [assumed], and an estate changes it as data.
 */
export interface PostCommissioningSettings {
  /** How long after commissioning each obligation may take, in milliseconds. */
  readonly deadlines: Readonly<Record<ObligationId, number>>;
  /** Which obligations a device type carries; types not listed are not tracked. */
  readonly obligationsByDeviceType: Readonly<Record<string, readonly ObligationId[]>>;
}

export const DAY_MS = 86_400_000;

/** **[assumed]** 30 days from commissioning for every obligation: SEC Appendix AC's limits are not public. */
export const DEFAULT_DEADLINE_MS = 30 * DAY_MS;

export const DEFAULT_SETTINGS: PostCommissioningSettings = Object.freeze({
  deadlines: Object.freeze(Object.fromEntries(OBLIGATION_IDS.map((o) => [o, DEFAULT_DEADLINE_MS])) as Record<ObligationId, number>),
  obligationsByDeviceType: DEFAULT_OBLIGATIONS_BY_DEVICE_TYPE,
});

/**
 * Settings from data (an estate file's `postCommissioning:` section, JSON or YAML), over the defaults:
 *
 * ```yaml
 * deadlines: { default: 30d, networkOperatorCredentials: 14d, communicating: 36h }
 * obligationsByDeviceType: { GSME: [issueCredentialsDS, communicating] }
 * ```
 *
 * Durations are milliseconds or `<number><ms|s|m|h|d>`. Problems name their place (`field.deadlines.x`).
 */
export function parsePostCommissioningSettings(data: unknown, field = 'postCommissioning'): PostCommissioningSettings {
  if (data === undefined) return DEFAULT_SETTINGS;
  const d = record(data, field);
  for (const key of Object.keys(d)) {
    if (key !== 'deadlines' && key !== 'obligationsByDeviceType') throw new InvalidInputError(field, 'deadlines and obligationsByDeviceType only', key);
  }
  const deadlines: Record<ObligationId, number> = { ...DEFAULT_SETTINGS.deadlines };
  if (d.deadlines !== undefined) {
    const given = record(d.deadlines, `${field}.deadlines`);
    if (given.default !== undefined) {
      const all = durationMs(given.default, `${field}.deadlines.default`);
      for (const o of OBLIGATION_IDS) deadlines[o] = all;
    }
    for (const [key, value] of Object.entries(given)) {
      if (key === 'default') continue;
      if (!isObligationId(key)) throw new InvalidInputError(`${field}.deadlines`, `default or one of ${OBLIGATION_IDS.join(', ')}`, key);
      deadlines[key] = durationMs(value, `${field}.deadlines.${key}`);
    }
  }
  let obligationsByDeviceType = DEFAULT_SETTINGS.obligationsByDeviceType;
  if (d.obligationsByDeviceType !== undefined) {
    const given = record(d.obligationsByDeviceType, `${field}.obligationsByDeviceType`);
    const merged: Record<string, readonly ObligationId[]> = { ...obligationsByDeviceType };
    for (const [type, list] of Object.entries(given)) {
      if (!(DUIS_DEVICE_TYPES as readonly string[]).includes(type)) {
        throw new InvalidInputError(`${field}.obligationsByDeviceType`, `device types (${DUIS_DEVICE_TYPES.join(', ')})`, type);
      }
      merged[type] = obligationList(list, `${field}.obligationsByDeviceType.${type}`);
    }
    obligationsByDeviceType = merged;
  }
  return { deadlines, obligationsByDeviceType };
}

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** The longest deadline: 100 years, far beyond any obligation and within the simulated clock's range. */
export const MAX_DEADLINE_MS = 36_500 * DAY_MS;

/** `30d`, `36h`, `90m`, `45s`, `500ms` or a number of milliseconds; at most 100 years. */
export function durationMs(value: unknown, field: string): number {
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(value) : null;
  const ms = typeof value === 'number' ? value : m === null ? Number.NaN : Number(m[1]) * UNITS[m[2]!]!;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DEADLINE_MS) {
    throw new InvalidInputError(field, 'a duration up to 100 years: milliseconds, or a number with ms, s, m, h or d (e.g. 30d)', value);
  }
  return ms;
}

function obligationList(value: unknown, field: string): ObligationId[] {
  if (!Array.isArray(value)) throw new InvalidInputError(field, 'a list of obligations', value);
  return value.map((o, i) => {
    if (!isObligationId(o)) throw new InvalidInputError(`${field}[${i}]`, `one of ${OBLIGATION_IDS.join(', ')}`, o);
    return o;
  });
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidInputError(field, 'a mapping', value);
  return value as Record<string, unknown>;
}
