import { expect } from 'chai';
import { ResponseReceiver } from '../../simulators/client/index.ts';
import { Harness, homeDeviceId } from '../../simulators/harness/index.ts';
import {
  BATCH_PRESETS,
  type BatchPresetName,
  type BatchResult,
  CAUSE_TITLES,
  type CauseCode,
  type Classification,
  type DeviceVerdict,
  type DrivenDevice,
  DAY_MS,
  installScenarioHomes,
  OBLIGATION_TITLES,
  type ObligationId,
  postCommissioningReport,
  type PostCommissioningReport,
  runBatch,
  type ScenarioHome,
  type ScenarioName,
  SCENARIOS,
  SUPPLIER_CELLS,
  SupplierDriver,
  toHtml,
  trackHarness,
  type TrackingResult,
} from '../../simulators/postcommissioning/index.ts';

/** One failed obligation as a report prints it: the obligation's title and the cause's. */
export interface FailureRow {
  readonly obligation: string;
  readonly cause: string;
}

const stories = new WeakMap<object, PostCommissioningStory>();

/**
 * A post-commissioning scenario: one home on a real Harness (HTTP, DSP, CSP, devices on simulated
 * time), installed with `installScenarioHomes` so its cells and faults carry the scenario, its
 * supplier's Service Requests sent by `SupplierDriver` over DUIS, and the journal judged by
 * `trackHarness` under both criteria sets. Or an overnight batch (`runBatch`), which runs its own harness.
 * Kept per World (a WeakMap, so `world.ts` needs no field).
 */
export class PostCommissioningStory {
  #harness: Harness | undefined;
  #receiver: ResponseReceiver | undefined;
  #home: ScenarioHome | undefined;
  #devices: DrivenDevice[] = [];
  #batch: BatchResult | undefined;
  #batchPreset: { readonly name: BatchPresetName; readonly devices: number; readonly seed: number } | undefined;

  static of(world: object): PostCommissioningStory {
    let story = stories.get(world);
    if (story === undefined) stories.set(world, (story = new PostCommissioningStory()));
    return story;
  }

  static ifStarted(world: object): PostCommissioningStory | undefined {
    return stories.get(world);
  }

  get harness(): Harness {
    if (this.#harness === undefined) throw new Error('No estate: install a meter first');
    return this.#harness;
  }

  /** Installs home 1 (an ESME and its CHF), commissioned now, under `scenario`. */
  async install(supplier: string, scenario: ScenarioName, newSupplier?: string): Promise<void> {
    if (this.#harness === undefined) {
      this.#harness = await Harness.start({ http: { port: 0 }, population: 'none' });
      this.#receiver = await ResponseReceiver.start({ keyStore: this.#harness.estate.keyStore });
      for (const user of this.#harness.users()) this.#harness.setResponseUrl(user.eui, this.#receiver.url);
    }
    this.#home = { number: 1, supplier, scenario, ...(newSupplier !== undefined && { newSupplier }) };
    this.#devices = await installScenarioHomes(this.harness, [this.#home]);
  }

  /** The supplier's workflow: 6.15.1 (or 6.21), 6.17 DS, 6.15.2 DS, 6.17 KA, 6.15.2 KA – and the scenario's 6.23. */
  async sendServiceRequests(): Promise<void> {
    await new SupplierDriver({ harness: this.harness, receiver: this.#receiver! }).run(this.#devices);
  }

  async advanceDays(days: number): Promise<void> {
    await this.harness.advance(days * DAY_MS);
  }

  /** The meter's verdicts, judged now from the journal, the cells and Registration Data. */
  meter(): DeviceVerdict {
    const id = homeDeviceId(this.#home!.number, 'ESME').toString();
    const result = this.tracking();
    expect(result.warnings, 'tracker warnings').to.deep.equal([]);
    const d = result.devices.find((x) => x.device.deviceId === id);
    if (d === undefined) throw new Error(`the tracker does not follow the meter ${id}`);
    return d;
  }

  tracking(): TrackingResult {
    return trackHarness(this.harness);
  }

  failures(criteria: string): FailureRow[] {
    const verdict = this.meter().verdicts.find((v) => v.criteria === criteria);
    if (verdict === undefined) throw new Error(`no "${criteria}" criteria`);
    return verdict.obligations
      .filter((o) => o.status === 'failed')
      .map((o) => ({ obligation: OBLIGATION_TITLES[o.obligation], cause: CAUSE_TITLES[o.cause as CauseCode] ?? String(o.cause) }));
  }

  status(criteria: string): string {
    return this.meter().verdicts.find((v) => v.criteria === criteria)!.status;
  }

  classification(): Classification {
    return this.meter().classification;
  }

  /** Who sent each Service Request of `srv` to the meter, by party name, as the DSP journalled it. */
  sendersOf(srv: string): string[] {
    const id = homeDeviceId(this.#home!.number, 'ESME').toString();
    const parties = this.harness.estate.parties;
    return this.harness.journal
      .entries({ where: (e) => e.kind === 'request' && e.via === 'DUIS' && e.deviceId === id && e.srv === srv })
      .map((e) => parties.parties.find((p) => p.eui.toString() === e.from)?.name ?? e.from);
  }

  /** The owner of each supplier cell of the meter, by party name. */
  supplierCellOwners(): string[] {
    const device = this.harness.fleet.device(homeDeviceId(this.#home!.number, 'ESME'));
    const parties = this.harness.estate.parties;
    return SUPPLIER_CELLS.map((cell) => {
      const owner = device.cell(cell)?.entityId;
      return (owner && parties.byEui(owner)?.name) ?? `${cell}: ${owner?.toString() ?? 'empty'}`;
    });
  }

  report(): PostCommissioningReport {
    return this.#batch?.report ?? postCommissioningReport(this.tracking());
  }

  // --- overnight batches -------------------------------------------------------------------------

  chooseBatch(name: BatchPresetName, devices: number, seed: number): void {
    this.#batchPreset = { name, devices, seed };
  }

  async runBatch(): Promise<BatchResult> {
    const chosen = this.#batchPreset;
    if (chosen === undefined) throw new Error('No batch: choose a preset first');
    const preset = BATCH_PRESETS[chosen.name];
    this.#batch = await runBatch({ devices: chosen.devices, mix: preset.mix, suppliers: preset.suppliers, assignment: preset.assignment, seed: chosen.seed });
    return this.#batch;
  }

  get batch(): BatchResult {
    if (this.#batch === undefined) throw new Error('No batch has run');
    return this.#batch;
  }

  /** Devices the batch injected a cause of `kind` into. */
  injected(kind: 'falsePositive' | 'realFailure' | 'missedByCurrent'): number {
    return Object.entries(this.batch.injected)
      .filter(([name]) => SCENARIOS[name as ScenarioName].kind === kind)
      .reduce((n, [, count]) => n + (count ?? 0), 0);
  }

  html(): string {
    return toHtml(this.report());
  }

  async close(): Promise<void> {
    await this.#receiver?.close();
    await this.#harness?.close();
    this.#receiver = undefined;
    this.#harness = undefined;
  }
}

/** The obligation an obligation title names (the report's words), or an error listing them. */
export function obligationTitled(title: string): ObligationId {
  const found = (Object.entries(OBLIGATION_TITLES) as [ObligationId, string][]).find(([, t]) => t === title);
  if (found === undefined) throw new Error(`unknown obligation "${title}"; known: ${Object.values(OBLIGATION_TITLES).join(' | ')}`);
  return found[0];
}

/** The cause a cause title names, or an error listing them. */
export function causeTitled(title: string): CauseCode {
  const found = (Object.entries(CAUSE_TITLES) as [CauseCode, string][]).find(([, t]) => t === title);
  if (found === undefined) throw new Error(`unknown cause "${title}"; known: ${Object.values(CAUSE_TITLES).join(' | ')}`);
  return found[0];
}
