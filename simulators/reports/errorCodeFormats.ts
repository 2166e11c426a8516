import { csvLine } from '../rdp/csv.ts';
import { compare, type ErrorCodeReport, type GroupCount } from './errorCodeReport.ts';
import { textTable } from './textTable.ts';

/**
 * CSV (RFC 4180, LF line ends, header first) of an error-code report.
 * - `summary` (default), long format for a pivot table: `dimension,key,name,code,count` – one row
 *   per code (dimension `code`), and per User, UTC day and SRV and code (`user`, `day`, `srv`);
 * - `events`: one row per error response sent.
 */
export function toCsv(report: ErrorCodeReport, view: 'summary' | 'events' = 'summary'): string {
  const rows: string[][] =
    view === 'events'
      ? [
          ['seq', 'at', 'day', 'user', 'user_name', 'srv', 'code', 'stage', 'request_id', 'device_id', 'summary'],
          ...report.events.map((e) => [
            String(e.seq), e.at, e.day, e.user, e.userName ?? '', e.srv ?? '', e.code, e.stage,
            e.requestId ?? '', e.deviceId ?? '', e.summary,
          ]),
        ]
      : [
          ['dimension', 'key', 'name', 'code', 'count'],
          ...report.byCode.map((c) => ['code', c.code, c.meaning ?? '', c.code, String(c.total)]),
          ...groupRows('user', report.byUser),
          ...groupRows('day', report.byDay),
          ...groupRows('srv', report.bySrv),
        ];
  return rows.map((r) => `${csvLine(r.map(defuse))}\n`).join('');
}

function groupRows(dimension: string, groups: readonly GroupCount[]): string[][] {
  return groups.flatMap((g) =>
    codesOf(g).map(([code, count]) => [dimension, g.key, g.name ?? '', code, String(count)]),
  );
}

/** A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading quote. */
function defuse(field: string): string {
  return /^[=+\-@]/.test(field) ? `'${field}` : field;
}

function codesOf(g: GroupCount): [string, number][] {
  return Object.entries(g.byCode).sort(([a, x], [b, y]) => y - x || compare(a, b));
}

/** `E9063×2, E4×1`. */
function codeList(g: GroupCount): string {
  return codesOf(g).map(([code, n]) => `${code}×${n}`).join(', ');
}

/** The report as plain-text tables for a terminal or a Working Group's notes. */
export function renderErrorCodeReport(report: ErrorCodeReport): string {
  const period = `${report.from ?? 'start of journal'} to ${report.to ?? 'now'}`;
  const refused = report.byCode.reduce((n, c) => n + c.refused, 0);
  const lines = [
    `Error codes sent to Users, ${period}`,
    `${report.requests} DUIS requests, ${report.errors} error responses ` +
      `(${refused} refused, ${report.errors - refused} after acceptance), ${report.httpRefusals} HTTP refusals`,
  ];
  if (report.errors === 0) return `${lines.join('\n')}\n\nNo error responses.\n`;
  const section = (title: string, table: string) => `\n${title}\n${table.trimEnd()}`;
  const named = (g: GroupCount) => (g.name === undefined ? g.key : `${g.key} (${g.name})`);
  lines.push(
    section(
      'By response code',
      textTable(
        ['Code', 'Total', 'Refused', 'After acceptance', 'Meaning'],
        report.byCode.map((c) => [c.code, c.total, c.refused, c.afterAcceptance, c.meaning ?? '']),
      ),
    ),
    section('By User', textTable(['User', 'Total', 'Codes'], report.byUser.map((g) => [named(g), g.total, codeList(g)]))),
    section('By day (UTC)', textTable(['Day', 'Total', 'Codes'], report.byDay.map((g) => [g.key, g.total, codeList(g)]))),
    section('By SRV', textTable(['SRV', 'Total', 'Codes'], report.bySrv.map((g) => [g.key || '-', g.total, codeList(g)]))),
  );
  return `${lines.join('\n')}\n`;
}
