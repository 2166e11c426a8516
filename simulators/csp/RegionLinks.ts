import { type Random, seededRandom } from './random.ts';
import {
  DEFAULT_REGION_SETTINGS,
  inOutage,
  parseRegionSettings,
  type RegionSettings,
  type RegionSettingsData,
  WAN_REGIONS,
  type WanRegion,
} from './regions.ts';

/** How a bundle of frames entering the WAN fares: lost to an outage, or arriving at `at`, each frame lost or not. */
export type Passage =
  | { readonly kind: 'outage'; readonly until: Date }
  | { readonly kind: 'carried'; readonly at: number; readonly latencyMs: number; readonly lost: readonly boolean[] };

/**
 * The three regions' WAN conditions, as data that can change while the harness runs. Draws from the
 * injected random only for what needs one (jitter > 0, loss > 0), so a perfect WAN consumes none and
 * a run is repeatable with a seeded random.
 */
export class RegionLinks {
  readonly #settings = new Map<WanRegion, RegionSettings>();
  readonly #random: Random;

  constructor(settings: Partial<Record<WanRegion, RegionSettingsData>> = {}, random: Random = seededRandom(1)) {
    for (const region of WAN_REGIONS) {
      const data = settings[region];
      this.#settings.set(region, data === undefined ? DEFAULT_REGION_SETTINGS : parseRegionSettings(data, DEFAULT_REGION_SETTINGS, `csp.${region}`));
    }
    this.#random = random;
  }

  settings(region: WanRegion): RegionSettings {
    return this.#settings.get(region)!;
  }

  /** Changes a region's settings: a RegionSettings or data (what is not given stays as it is). */
  configure(region: WanRegion, settings: RegionSettingsData): RegionSettings {
    const next = parseRegionSettings(settings, this.settings(region), `csp.${region}`);
    this.#settings.set(region, next);
    return next;
  }

  /** The outage covering `t`, if any. */
  outageAt(region: WanRegion, t: number): Date | undefined {
    const s = this.settings(region);
    if (!inOutage(s, t)) return undefined;
    return s.outages.find((o) => o.from.getTime() <= t && t < o.to.getTime())!.to;
  }

  /** `frames` frames entering the WAN together at `t` in one direction: one latency, a loss draw each. */
  pass(region: WanRegion, t: number, frames: number): Passage {
    const until = this.outageAt(region, t);
    if (until) return { kind: 'outage', until };
    const s = this.settings(region);
    const latencyMs = s.latency.fixedMs + (s.latency.jitterMs > 0 ? Math.floor(this.#random() * (s.latency.jitterMs + 1)) : 0);
    const lost = Array.from({ length: frames }, () => s.lossProbability > 0 && this.#random() < s.lossProbability);
    return { kind: 'carried', at: t + latencyMs, latencyMs, lost };
  }
}
