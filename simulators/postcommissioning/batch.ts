/**
 * Overnight batches: suppliers install N electricity meters in waves over a simulated night,
 * commission them (8.1.1) and run their post-commissioning Service Requests through the DSP's real
 * request path (XML-DSig over HTTP, or in-process signing for very large runs; SRPD pipeline, CSP,
 * devices), with causes drawn from a fault mix. After the deadlines the tracker judges the genuine
 * journal under both criteria. Large batches split into shards, one estate per thread (batchShard.ts).
 */
import { InvalidInputError } from '../core/errors.ts';
import { type ShardInput, verdictFromShard, type WaveHome } from './batchShard.ts';
import { runShards } from './batchWorkers.ts';
import { CRITERIA } from './criteria.ts';
import { assignScenarios, assignScenariosExactly, countScenarios, type FaultMix, mulberry32 } from './faultMix.ts';
import type { SupplierShare } from './presets.ts';
import { type PostCommissioningReport, postCommissioningReport } from './report.ts';
import type { ScenarioHome } from './scenarioHomes.ts';
import type { ScenarioName } from './scenarios.ts';
import { DEFAULT_SETTINGS, type PostCommissioningSettings } from './settings.ts';
import type { TrackingResult } from './tracker.ts';

/**
 * Homes per estate unless told: small enough that a thread's heap stays small – on 20,000 meters an
 * estate of 10,000 cost 8.0 ms of CPU a meter, one of 2,500 or 1,000 7.2 ms –, large enough that
 * setting up an estate (~50 ms) is noise.
 */
export const DEFAULT_ESTATE_SIZE = 2_500;

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
  /**
   * `xmldsig` (default): over HTTP with XML-DSig, as a supplier's system talks to the DSP.
   * `in-process`: the faster in-process signing path for very large runs (decision 0009): the same
   * DSP validation, devices and journal, without HTTP and XML-DSig's ECDSA.
   */
  readonly signing?: 'xmldsig' | 'in-process';
  /**
   * Threads working the homes in parallel, each through estates of its own (default 1: this
   * thread). The result is the same whatever the number, only faster on more cores.
   */
  readonly shards?: number;
  /**
   * The most homes one estate works (default 2,500): a thread works its share in successive
   * estates of at most this many, so memory and garbage collection stay those of a small estate
   * however large the night. Home i goes to estate i mod e; the result does not depend on it.
   */
  readonly estateSize?: number;
  /** Homes worked through the steps together (default 2,000). */
  readonly chunkSize?: number;
  /** Called as chunks of homes complete, with the homes done so far over all shards. */
  readonly onProgress?: (done: number, total: number) => void;
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
  /** Threads that worked it. */
  readonly shards: number;
  /** Estates that worked it (one after another on each thread). */
  readonly estates: number;
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const n = options.devices;
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new InvalidInputError('devices', 'a whole number from 1 to 999999', n);
  const shards = options.shards ?? 1;
  if (!Number.isInteger(shards) || shards < 1 || shards > 64) throw new InvalidInputError('shards', 'a whole number of shards from 1 to 64', shards);
  const estateSize = options.estateSize ?? DEFAULT_ESTATE_SIZE;
  if (!Number.isInteger(estateSize) || estateSize < 1) throw new InvalidInputError('estateSize', 'a whole number of homes per estate, 1 or more', estateSize);
  const threads = Math.min(shards, n);
  // As many estates as the size asks, rounded up to a multiple of the threads so that each thread gets as many.
  const estates = Math.min(n, threads * Math.ceil(Math.ceil(n / estateSize) / threads));
  const waves = Math.max(1, Math.min(options.waves ?? 4, n));
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const homes = plan(options).map((home, i): WaveHome => ({ ...home, wave: Math.floor((i * waves) / n) }));
  // Home i goes to estate i mod e: every estate gets every wave and, in proportion, every scenario.
  const byEstate: WaveHome[][] = Array.from({ length: estates }, () => []);
  homes.forEach((home, i) => byEstate[i % estates]!.push(home));
  const inputs: ShardInput[] = byEstate.map((estateHomes) => ({
    homes: estateHomes,
    waves,
    nightHours: options.nightHours ?? 8,
    settings,
    signing: options.signing ?? 'xmldsig',
    ...(options.concurrency && { concurrency: options.concurrency }),
    ...(options.chunkSize && { chunkSize: options.chunkSize }),
  }));
  const results = await runShards(inputs, threads, options.onProgress && ((done) => options.onProgress!(done, n)));
  const devices = results.flatMap((r) => r.devices.map(verdictFromShard)).sort((a, b) => a.device.deviceId.localeCompare(b.device.deviceId));
  const simulatedTo = new Date(Math.max(...results.map((r) => r.simulatedTo.getTime())));
  const tracking: TrackingResult = {
    asOf: simulatedTo,
    settings,
    criteria: CRITERIA,
    reported: 'current',
    real: 'proposed',
    devices,
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
  };
  return {
    tracking,
    report: postCommissioningReport(tracking, { title: `Overnight batch: ${n} devices` }),
    injected: countScenarios(homes.map((x) => x.scenario)),
    serviceRequests: results.reduce((sum, r) => sum + r.serviceRequests, 0),
    journalEntries: results.reduce((sum, r) => sum + r.journalEntries, 0),
    simulatedFrom: results[0]!.simulatedFrom,
    simulatedTo,
    shards: threads,
    estates: results.length,
  };
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
