import { InvalidInputError } from '../core/errors.ts';

/** The CSP's WAN regions. */
export const WAN_REGIONS = ['North', 'Central', 'South'] as const;
export type WanRegion = (typeof WAN_REGIONS)[number];

/** A span of simulated (or wall) time, `[from, to)`. */
export interface OutageWindow {
  readonly from: Date;
  readonly to: Date;
}

export interface LatencySettings {
  /** Added to every frame, ms. */
  readonly fixedMs: number;
  /** A further 0…jitterMs (whole ms, uniform from the injected random). */
  readonly jitterMs: number;
}

/**
 * One region's WAN as data. Latency applies to each direction separately; loss to every GBCS frame
 * (command, response, alert) on its own; an outage to everything entering the WAN inside the window.
 */
export interface RegionSettings {
  readonly latency: LatencySettings;
  /** 0…1: the chance that one frame is lost. */
  readonly lossProbability: number;
  readonly outages: readonly OutageWindow[];
  /** How long the CSP waits, from `send`, for a device's answer before reporting `timeout` (E21). */
  readonly responseTimeoutMs: number;
}

/** Settings as data: a RegionSettings, or any part of one (dates may be ISO strings, latency just ms). */
export type RegionSettingsData = Partial<RegionSettings> | Readonly<Record<string, unknown>>;

/** A perfect WAN: no latency, no loss, no outage, a 30 s response time-out. */
export const DEFAULT_REGION_SETTINGS: RegionSettings = Object.freeze({
  latency: Object.freeze({ fixedMs: 0, jitterMs: 0 }),
  lossProbability: 0,
  outages: Object.freeze([]),
  responseTimeoutMs: 30_000,
});

/**
 * The WAN region serving an inventory CSP region. `4G North` etc. are served by the same regional
 * WAN as `North` [assumed]; `SMETS1`, `Unknown` and anything else have none.
 */
export function wanRegionOf(cspRegion: string | undefined): WanRegion | undefined {
  if (cspRegion === undefined) return undefined;
  const name = cspRegion.replace(/^4G\s+/i, '').trim().toLowerCase();
  return WAN_REGIONS.find((r) => r.toLowerCase() === name);
}

export function parseWanRegion(text: unknown, field = 'region'): WanRegion {
  const region = typeof text === 'string' ? WAN_REGIONS.find((r) => r.toLowerCase() === text.trim().toLowerCase()) : undefined;
  if (region === undefined) throw new InvalidInputError(field, `one of ${WAN_REGIONS.join(', ')}`, text);
  return region;
}

/**
 * Region settings from data (an estate file, a Gherkin table), over `base` for what is not given:
 * `{ latency: { fixedMs, jitterMs } | ms, lossProbability, outages: [{ from, to }], responseTimeoutMs }`.
 */
export function parseRegionSettings(data: unknown, base: RegionSettings = DEFAULT_REGION_SETTINGS, field = 'csp'): RegionSettings {
  if (!isRecord(data)) throw new InvalidInputError(field, 'an object of region settings', data);
  const latency = data.latency === undefined ? base.latency : parseLatency(data.latency, `${field}.latency`);
  const lossProbability = data.lossProbability === undefined
    ? base.lossProbability
    : number(data.lossProbability, `${field}.lossProbability`, 'a probability from 0 to 1', (n) => n >= 0 && n <= 1);
  const outages = data.outages === undefined ? base.outages : parseOutages(data.outages, `${field}.outages`);
  const responseTimeoutMs = data.responseTimeoutMs === undefined
    ? base.responseTimeoutMs
    : number(data.responseTimeoutMs, `${field}.responseTimeoutMs`, 'a time-out in ms > 0', (n) => n > 0);
  return Object.freeze({ latency, lossProbability, outages, responseTimeoutMs });
}

/** Whether `t` (ms since the epoch) falls in one of the outage windows. */
export function inOutage(settings: RegionSettings, t: number): boolean {
  return settings.outages.some((o) => o.from.getTime() <= t && t < o.to.getTime());
}

function parseLatency(data: unknown, field: string): LatencySettings {
  if (typeof data === 'number') return Object.freeze({ fixedMs: ms(data, field), jitterMs: 0 });
  if (!isRecord(data)) throw new InvalidInputError(field, 'ms, or { fixedMs, jitterMs }', data);
  return Object.freeze({
    fixedMs: data.fixedMs === undefined ? 0 : ms(data.fixedMs, `${field}.fixedMs`),
    jitterMs: data.jitterMs === undefined ? 0 : ms(data.jitterMs, `${field}.jitterMs`),
  });
}

function parseOutages(data: unknown, field: string): readonly OutageWindow[] {
  if (!Array.isArray(data)) throw new InvalidInputError(field, 'a list of { from, to }', data);
  return Object.freeze(
    data.map((w: unknown, i) => {
      const f = `${field}[${i}]`;
      if (!isRecord(w)) throw new InvalidInputError(f, '{ from, to }', w);
      const from = date(w.from, `${f}.from`);
      const to = date(w.to, `${f}.to`);
      if (to.getTime() <= from.getTime()) throw new InvalidInputError(`${f}.to`, `a time after ${from.toISOString()}`, w.to);
      return Object.freeze({ from, to });
    }),
  );
}

function ms(value: unknown, field: string): number {
  return number(value, field, 'whole ms ≥ 0', (n) => Number.isInteger(n) && n >= 0);
}

function number(value: unknown, field: string, expected: string, ok: (n: number) => boolean): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || !ok(n)) throw new InvalidInputError(field, expected, value);
  return n;
}

function date(value: unknown, field: string): Date {
  const d = value instanceof Date ? new Date(value.getTime()) : typeof value === 'string' ? new Date(value) : undefined;
  if (d === undefined || Number.isNaN(d.getTime())) throw new InvalidInputError(field, 'a date-time (ISO 8601)', value);
  return d;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
