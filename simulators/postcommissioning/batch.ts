/**
 * Overnight batches: suppliers commission N electricity meters in waves over a simulated night,
 * then run their post-commissioning Service Requests through the DSP's real request path (HTTP,
 * XML-DSig, SRPD pipeline, CSP, devices), with causes drawn from a fault mix. After the deadlines
 * the tracker judges the genuine journal under both criteria.
 */
import { ResponseReceiver } from '../client/index.ts';
import { InvalidInputError } from '../core/errors.ts';
import { Harness } from '../harness/index.ts';
import { assignScenarios, assignScenariosExactly, countScenarios, type FaultMix, mulberry32 } from './faultMix.ts';
import { trackHarness } from './harnessPorts.ts';
import type { SupplierShare } from './presets.ts';
import { type PostCommissioningReport, postCommissioningReport } from './report.ts';
import { installScenarioHomes, type ScenarioHome } from './scenarioHomes.ts';
import type { ScenarioName } from './scenarios.ts';
import { DEFAULT_SETTINGS, type PostCommissioningSettings } from './settings.ts';
import { SupplierDriver } from './SupplierDriver.ts';
import type { TrackingResult } from './tracker.ts';

export interface BatchOptions {
  /** Electricity meters commissioned (one home each, with its CHF). */
  readonly devices: number;
  readonly mix: FaultMix;
  /** Default 1. */
  readonly seed?: number;
  /** `random` (default): each device draws its scenario; `exact`: exactly the mix's counts, at random places. */
  readonly assignment?: 'random' | 'exact';
  /** Who commissions them, by share (default: Aurora Energy alone). */
  readonly suppliers?: readonly SupplierShare[];
  /** Commissioning waves over the night (default 4) … */
  readonly waves?: number;
  /** … spread over this many hours (default 8). */
  readonly nightHours?: number;
  readonly settings?: PostCommissioningSettings;
  /** Requests in flight at once (default 8; one at a time per User). */
  readonly concurrency?: number;
  /** Called after each wave with the devices done so far. */
  readonly onWave?: (done: number, total: number) => void;
}

export interface BatchResult {
  readonly tracking: TrackingResult;
  readonly report: PostCommissioningReport;
  /** How many devices got each scenario (what was injected, not what was judged). */
  readonly injected: Partial<Record<ScenarioName, number>>;
  readonly serviceRequests: number;
  readonly journalEntries: number;
  readonly simulatedFrom: Date;
  readonly simulatedTo: Date;
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const n = options.devices;
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new InvalidInputError('devices', 'a whole number from 1 to 999999', n);
  const waves = Math.max(1, Math.min(options.waves ?? 4, n));
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const homes = plan(options);
  const h = await Harness.start({ http: { port: 0 }, population: 'none' });
  const receiver = await ResponseReceiver.start({ keyStore: h.estate.keyStore });
  try {
    for (const user of h.users()) h.setResponseUrl(user.eui, receiver.url);
    const driver = new SupplierDriver({ harness: h, receiver, ...(options.concurrency && { concurrency: options.concurrency }) });
    const from = h.clock.now();
    const waveMs = ((options.nightHours ?? 8) * 3_600_000) / waves;
    for (let w = 0; w < waves; w++) {
      const start = from.getTime() + w * waveMs;
      if (h.clock.now().getTime() < start) await h.advance(start - h.clock.now().getTime());
      const wave = homes.slice(Math.floor((w * n) / waves), Math.floor(((w + 1) * n) / waves));
      await driver.run(await installScenarioHomes(h, wave));
      options.onWave?.(Math.floor(((w + 1) * n) / waves), n);
    }
    const longest = Math.max(...Object.values(settings.deadlines));
    await h.advance(from.getTime() + (options.nightHours ?? 8) * 3_600_000 + longest + 86_400_000 - h.clock.now().getTime());
    const tracking = trackHarness(h, { settings });
    return {
      tracking,
      report: postCommissioningReport(tracking, { title: `Overnight batch: ${n} devices` }),
      injected: countScenarios(homes.map((x) => x.scenario)),
      serviceRequests: driver.stats.serviceRequests,
      journalEntries: h.journal.size,
      simulatedFrom: from,
      simulatedTo: h.clock.now(),
    };
  } finally {
    await receiver.close();
    await h.close();
  }
}

/** Home 1 … N: a scenario from the mix and a supplier by share, each drawn with the seed. */
function plan(options: BatchOptions): ScenarioHome[] {
  const seed = options.seed ?? 1;
  const assign = options.assignment === 'exact' ? assignScenariosExactly : assignScenarios;
  const scenarios = assign(options.devices, options.mix, seed);
  const suppliers = options.suppliers ?? [{ name: 'Aurora Energy', share: 1 }];
  const total = suppliers.reduce((s, x) => s + x.share, 0);
  if (suppliers.length === 0 || !(total > 0)) throw new InvalidInputError('suppliers', 'at least one supplier with a share above 0', suppliers);
  const random = mulberry32(seed ^ 0x5eed);
  return scenarios.map((scenario, i) => {
    let x = random() * total;
    const supplier = suppliers.find((s) => (x -= s.share) < 0) ?? suppliers.at(-1)!;
    return { number: i + 1, supplier: supplier.name, scenario };
  });
}
