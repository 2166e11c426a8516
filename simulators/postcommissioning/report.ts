/**
 * The post-commissioning report a Working Group reads, from a tracking result: per device (which
 * obligation, which criteria, why), per supplier and by supplier size, counts and rates under each
 * criteria set, the false positives with their causes, and the §5.13 CHF incidents. JSON-able
 * (dates as ISO 8601); `formatCsv.ts` and `formatHtml.ts` render it.
 */
import { CAUSE_TITLES, type CauseCode } from './causes.ts';
import { type ChfIncident, chfIncidents } from './chfIncidents.ts';
import type { DeviceStatus } from './judge.ts';
import { OBLIGATION_IDS, type ObligationId } from './obligations.ts';
import type { Classification, DeviceVerdict, TrackingResult } from './tracker.ts';

export interface Counts {
  readonly devices: number;
  readonly failed: number;
  readonly passed: number;
  readonly pending: number;
  /** failed / devices (0 when there are none). */
  readonly failureRate: number;
}

export interface GroupSummary {
  readonly devices: number;
  readonly byCriteria: Readonly<Record<string, Counts>>;
  readonly classifications: Readonly<Record<Classification, number>>;
}

export interface SupplierSummary extends GroupSummary {
  readonly supplier: string;
  readonly name?: string;
  readonly small: boolean;
}

export interface ObligationFailure {
  readonly obligation: ObligationId;
  readonly cause: CauseCode;
  readonly detail: string;
  readonly requestId?: string;
}

export interface DeviceRow {
  readonly deviceId: string;
  readonly deviceType: string;
  readonly chfId?: string;
  readonly supplier?: string;
  readonly supplierName?: string;
  readonly small: boolean;
  readonly commissionedAt: string;
  readonly classification: Classification;
  readonly verdicts: Readonly<Record<string, { readonly status: DeviceStatus; readonly causes: readonly CauseCode[]; readonly failures: readonly ObligationFailure[] }>>;
}

export interface CauseCount {
  readonly cause: CauseCode;
  readonly title: string;
  /** Devices with at least one obligation failed for this cause. */
  readonly devices: number;
}

export interface PostCommissioningReport {
  readonly title: string;
  readonly generatedAt: string;
  readonly asOf: string;
  readonly reported: string;
  readonly real: string;
  readonly criteria: readonly { readonly name: string; readonly title: string; readonly basis: string }[];
  /** Days after commissioning, per obligation. */
  readonly deadlineDays: Readonly<Record<ObligationId, number>>;
  readonly totals: GroupSummary;
  readonly bySupplier: readonly SupplierSummary[];
  readonly bySize: { readonly large: GroupSummary; readonly small: GroupSummary };
  readonly causes: Readonly<Record<string, readonly CauseCount[]>>;
  /** Causes of the reported failures of devices the real criteria pass. */
  readonly falsePositiveCauses: readonly CauseCount[];
  readonly falsePositives: readonly DeviceRow[];
  readonly devices: readonly DeviceRow[];
  readonly chfIncidents: Readonly<Record<string, readonly ChfIncident[]>>;
  readonly warnings: readonly string[];
}

export interface ReportOptions {
  readonly title?: string;
  /** Default: the tracking result's `asOf` (reports of simulated runs stay reproducible). */
  readonly generatedAt?: Date;
}

const CLASSIFICATIONS: readonly Classification[] = ['passed', 'falsePositive', 'realFailure', 'missedByReported', 'pending'];

export function postCommissioningReport(result: TrackingResult, options: ReportOptions = {}): PostCommissioningReport {
  const names = result.criteria.map((c) => c.name);
  const devices = result.devices.map(rowOf);
  const suppliers = new Map<string, DeviceVerdict[]>();
  for (const d of result.devices) {
    const key = d.supplier?.eui ?? '';
    const list = suppliers.get(key) ?? [];
    list.push(d);
    suppliers.set(key, list);
  }
  const bySupplier = [...suppliers].map(([supplier, list]): SupplierSummary => {
    const first = list[0]!.supplier;
    return { supplier, ...(first?.name && { name: first.name }), small: first?.small === true, ...summary(list, names) };
  });
  bySupplier.sort((a, b) => b.devices - a.devices || a.supplier.localeCompare(b.supplier));
  const falsePositives = devices.filter((d) => d.classification === 'falsePositive');
  return {
    title: options.title ?? 'Post-commissioning failures: current and proposed criteria',
    generatedAt: (options.generatedAt ?? result.asOf).toISOString(),
    asOf: result.asOf.toISOString(),
    reported: result.reported,
    real: result.real,
    criteria: result.criteria.map((c) => ({ name: c.name, title: c.title, basis: c.basis })),
    deadlineDays: Object.fromEntries(OBLIGATION_IDS.map((o) => [o, result.settings.deadlines[o] / 86_400_000])) as Record<ObligationId, number>,
    totals: summary(result.devices, names),
    bySupplier,
    bySize: {
      large: summary(result.devices.filter((d) => d.supplier?.small !== true), names),
      small: summary(result.devices.filter((d) => d.supplier?.small === true), names),
    },
    causes: Object.fromEntries(names.map((n) => [n, causeCounts(devices, n)])),
    falsePositiveCauses: causeCounts(falsePositives, result.reported),
    falsePositives,
    devices,
    chfIncidents: Object.fromEntries(names.map((n) => [n, chfIncidents(result, n)])),
    warnings: result.warnings,
  };
}

function summary(list: readonly DeviceVerdict[], names: readonly string[]): GroupSummary {
  const classifications = Object.fromEntries(CLASSIFICATIONS.map((c) => [c, 0])) as Record<Classification, number>;
  for (const d of list) classifications[d.classification] += 1;
  const byCriteria = Object.fromEntries(
    names.map((n) => {
      const statuses = list.map((d) => d.verdicts.find((v) => v.criteria === n)!.status);
      const count = (s: DeviceStatus) => statuses.filter((x) => x === s).length;
      const failed = count('failed');
      return [n, { devices: list.length, failed, passed: count('passed'), pending: count('pending'), failureRate: list.length === 0 ? 0 : failed / list.length }];
    }),
  );
  return { devices: list.length, byCriteria, classifications };
}

function rowOf(d: DeviceVerdict): DeviceRow {
  const verdicts = Object.fromEntries(
    d.verdicts.map((v) => [
      v.criteria,
      {
        status: v.status,
        causes: v.causes,
        failures: v.obligations.flatMap((o) =>
          o.status === 'failed' && o.cause !== undefined
            ? [{ obligation: o.obligation, cause: o.cause, detail: o.detail, ...(o.requestId && { requestId: o.requestId }) }]
            : [],
        ),
      },
    ]),
  );
  return {
    deviceId: d.device.deviceId,
    deviceType: d.device.deviceType,
    ...(d.device.chfId && { chfId: d.device.chfId }),
    ...(d.supplier && { supplier: d.supplier.eui }),
    ...(d.supplier?.name && { supplierName: d.supplier.name }),
    small: d.supplier?.small === true,
    commissionedAt: d.commissionedAt.toISOString(),
    classification: d.classification,
    verdicts,
  };
}

function causeCounts(rows: readonly DeviceRow[], criteria: string): CauseCount[] {
  const counts = new Map<CauseCode, number>();
  for (const r of rows) for (const c of r.verdicts[criteria]?.causes ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .map(([cause, devices]) => ({ cause, title: CAUSE_TITLES[cause], devices }))
    .sort((a, b) => b.devices - a.devices || a.cause.localeCompare(b.cause));
}

/** The report as JSON (two-space indented). */
export function toJson(report: PostCommissioningReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
