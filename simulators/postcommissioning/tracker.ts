/**
 * The post-commissioning tracker: a pure function of the journal, the devices' cells (a port) and
 * Registration Data. It follows every SMETS2+ device from commissioning through its obligations and
 * judges each under every criteria set (default: current and proposed).
 */
import type { JournalEntry } from '../core/Journal.ts';
import type { RegistrationData } from '../rdp/RegistrationData.ts';
import { type Criteria, CRITERIA } from './criteria.ts';
import { JournalFacts } from './JournalFacts.ts';
import { commissionedAt, type CriteriaVerdict, judgeDevice } from './judge.ts';
import type { CellsPort, TrackedDevice } from './ports.ts';
import { DEFAULT_SETTINGS, type PostCommissioningSettings } from './settings.ts';

export interface TrackerInputs {
  /** The journal's entries, or facts already read from them (an incremental reader). */
  readonly journal: Iterable<JournalEntry> | JournalFacts;
  readonly devices: readonly TrackedDevice[];
  readonly cells: CellsPort;
  readonly registrations: RegistrationData;
  /** The moment of judgement: obligations whose deadline is later and not yet met are `pending`. */
  readonly asOf: Date;
  readonly settings?: PostCommissioningSettings;
  /** Default: CURRENT and PROPOSED. */
  readonly criteria?: readonly Criteria[];
  /** The set the DCC reports by today (default `current`). */
  readonly reported?: string;
  /** The set that reflects the certificates on devices (default `proposed`). */
  readonly real?: string;
}

/**
 * - `falsePositive`: fails the reported criteria, passes the real ones (the over-reporting of seed 004);
 * - `realFailure`: fails both;
 * - `missedByReported`: passes the reported criteria although the certificates are wrong;
 * - `pending`: a deadline not reached yet under either set.
 */
export type Classification = 'passed' | 'falsePositive' | 'realFailure' | 'missedByReported' | 'pending';

export interface SupplierOfDevice {
  readonly eui: string;
  readonly name?: string;
  readonly small: boolean;
}

export interface DeviceVerdict {
  readonly device: TrackedDevice;
  readonly commissionedAt: Date;
  /** The supplier registered when the device was commissioned: whose obligations they were. */
  readonly supplier?: SupplierOfDevice;
  readonly verdicts: readonly CriteriaVerdict[];
  readonly classification: Classification;
}

export interface TrackingResult {
  readonly asOf: Date;
  readonly settings: PostCommissioningSettings;
  readonly criteria: readonly Criteria[];
  readonly reported: string;
  readonly real: string;
  readonly devices: readonly DeviceVerdict[];
  readonly warnings: readonly string[];
}

export function trackPostCommissioning(inputs: TrackerInputs): TrackingResult {
  const settings = inputs.settings ?? DEFAULT_SETTINGS;
  const criteria = inputs.criteria ?? CRITERIA;
  const reported = inputs.reported ?? 'current';
  const real = inputs.real ?? 'proposed';
  for (const name of [reported, real]) {
    if (!criteria.some((c) => c.name === name)) throw new RangeError(`trackPostCommissioning: no criteria set named ${name}`);
  }
  const facts = inputs.journal instanceof JournalFacts ? inputs.journal : JournalFacts.of(inputs.journal);
  const devices = inputs.devices
    .filter((d) => settings.obligationsByDeviceType[d.deviceType] !== undefined)
    .map((device): DeviceVerdict => {
      const history = facts.history(device.deviceId);
      const cells = inputs.cells.cellsOf(device.deviceId);
      const judge = { device, history, cells, registrations: inputs.registrations, settings, asOf: inputs.asOf };
      const verdicts = criteria.map((c) => judgeDevice(c, judge));
      const start = commissionedAt(device, history);
      const supplier = supplierAt(device, start, inputs.registrations);
      return { device, commissionedAt: start, ...(supplier && { supplier }), verdicts, classification: classify(verdicts, reported, real) };
    });
  return { asOf: inputs.asOf, settings, criteria, reported, real, devices, warnings: facts.warnings };
}

function classify(verdicts: readonly CriteriaVerdict[], reported: string, real: string): Classification {
  const r = verdicts.find((v) => v.criteria === reported)!.status;
  const p = verdicts.find((v) => v.criteria === real)!.status;
  if (r === 'pending' || p === 'pending') return 'pending';
  if (r === 'failed') return p === 'failed' ? 'realFailure' : 'falsePositive';
  return p === 'failed' ? 'missedByReported' : 'passed';
}

function supplierAt(device: TrackedDevice, at: Date, registrations: RegistrationData): SupplierOfDevice | undefined {
  for (const mpxn of device.mpxns) {
    const eui = registrations.supplierAt(mpxn, at);
    if (eui === undefined) continue;
    const party = registrations.parties.byEui(eui);
    return { eui: eui.toString(), ...(party && { name: party.name }), small: party?.small === true };
  }
  return undefined;
}
