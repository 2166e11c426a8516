/**
 * CSV views of a post-commissioning report (RFC 4180, LF line ends, header first; a field starting
 * `= + - @` gets a leading `'` so spreadsheets do not run it):
 * - `devices`: one row per device – classification, and per criteria set its status and causes;
 * - `failures`: one row per failed obligation per criteria set (device, obligation, cause, detail);
 * - `suppliers`: one row per supplier – devices, failures and rates under each set, false positives;
 * - `falsePositives`: one row per device failing the reported criteria only, with its causes;
 * - `incidents`: one row per §5.13 CHF incident per criteria set.
 */
import { csvLine } from '../rdp/csv.ts';
import type { PostCommissioningReport } from './report.ts';

export type CsvView = 'devices' | 'failures' | 'suppliers' | 'falsePositives' | 'incidents';

export const CSV_VIEWS: readonly CsvView[] = ['devices', 'failures', 'suppliers', 'falsePositives', 'incidents'];

export function toCsv(report: PostCommissioningReport, view: CsvView = 'devices'): string {
  const names = report.criteria.map((c) => c.name);
  let rows: string[][];
  switch (view) {
    case 'devices':
      rows = [
        ['device_id', 'device_type', 'chf_id', 'supplier', 'supplier_name', 'small_supplier', 'commissioned_at', 'classification',
          ...names.flatMap((n) => [`${n}_status`, `${n}_causes`])],
        ...report.devices.map((d) => [
          d.deviceId, d.deviceType, d.chfId ?? '', d.supplier ?? '', d.supplierName ?? '', String(d.small), d.commissionedAt, d.classification,
          ...names.flatMap((n) => [d.verdicts[n]?.status ?? '', (d.verdicts[n]?.causes ?? []).join(' ')]),
        ]),
      ];
      break;
    case 'failures':
      rows = [
        ['device_id', 'device_type', 'supplier', 'criteria', 'obligation', 'cause', 'detail', 'request_id'],
        ...report.devices.flatMap((d) =>
          names.flatMap((n) =>
            (d.verdicts[n]?.failures ?? []).map((f) => [d.deviceId, d.deviceType, d.supplier ?? '', n, f.obligation, f.cause, f.detail, f.requestId ?? '']),
          ),
        ),
      ];
      break;
    case 'suppliers':
      rows = [
        ['supplier', 'supplier_name', 'small_supplier', 'devices', ...names.flatMap((n) => [`${n}_failed`, `${n}_failure_rate`]), 'false_positives', 'real_failures', 'missed_by_reported'],
        ...report.bySupplier.map((s) => [
          s.supplier, s.name ?? '', String(s.small), String(s.devices),
          ...names.flatMap((n) => [String(s.byCriteria[n]?.failed ?? 0), rate(s.byCriteria[n]?.failureRate ?? 0)]),
          String(s.classifications.falsePositive), String(s.classifications.realFailure), String(s.classifications.missedByReported),
        ]),
      ];
      break;
    case 'falsePositives':
      rows = [
        ['device_id', 'device_type', 'chf_id', 'supplier', 'supplier_name', 'causes', 'details'],
        ...report.falsePositives.map((d) => {
          const v = d.verdicts[report.reported];
          return [d.deviceId, d.deviceType, d.chfId ?? '', d.supplier ?? '', d.supplierName ?? '', (v?.causes ?? []).join(' '),
            (v?.failures ?? []).map((f) => `${f.obligation}: ${f.detail}`).join(' | ')];
        }),
      ];
      break;
    case 'incidents':
      rows = [
        ['criteria', 'chf_id', 'devices', 'device_ids', 'causes', 'suppliers'],
        ...names.flatMap((n) =>
          (report.chfIncidents[n] ?? []).map((i) => [
            n, i.chfId, String(i.devices.length), i.devices.map((d) => d.deviceId).join(' '),
            [...new Set(i.devices.flatMap((d) => d.causes))].join(' '), i.suppliers.join(' '),
          ]),
        ),
      ];
      break;
  }
  return rows.map((r) => `${csvLine(r.map(defuse))}\n`).join('');
}

function rate(x: number): string {
  return x.toFixed(4);
}

function defuse(field: string): string {
  return /^[=+\-@]/.test(field) ? `'${field}` : field;
}
