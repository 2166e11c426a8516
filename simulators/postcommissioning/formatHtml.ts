/**
 * One self-contained HTML page of a post-commissioning report for a Working Group: headline figures,
 * inline SVG charts (no scripts, no external assets), the false positives with their causes, the
 * §5.13 CHF incidents and the failing devices. Opens from a file in any browser.
 */
import { CAUSE_TITLES } from './causes.ts';
import { OBLIGATION_TITLES } from './obligations.ts';
import type { DeviceRow, PostCommissioningReport } from './report.ts';
import { barChart, esc, horizontalBars } from './svgCharts.ts';

const COLORS = { reported: '#c0504d', real: '#4f81bd' } as const;

export interface HtmlOptions {
  /** Failing devices listed in the page at most (the CSV and JSON have all). Default 500. */
  readonly maxDeviceRows?: number;
}

export function toHtml(report: PostCommissioningReport, options: HtmlOptions = {}): string {
  const { reported, real } = report;
  const title = (name: string) => report.criteria.find((c) => c.name === name)?.title ?? name;
  const t = report.totals;
  const rep = t.byCriteria[reported]!;
  const rl = t.byCriteria[real]!;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rates = barChart({
    title: 'Failure rate by criteria',
    categories: ['All suppliers', 'Large suppliers', 'Small suppliers'],
    series: [
      { name: title(reported), color: COLORS.reported, values: [t, report.bySize.large, report.bySize.small].map((g) => g.byCriteria[reported]?.failureRate ?? 0) },
      { name: title(real), color: COLORS.real, values: [t, report.bySize.large, report.bySize.small].map((g) => g.byCriteria[real]?.failureRate ?? 0) },
    ],
    format: pct,
  });
  const perSupplier = barChart({
    title: 'Failure rate per supplier',
    categories: report.bySupplier.map((s) => `${s.name ?? s.supplier}${s.small ? ' (small)' : ''}`),
    series: [
      { name: title(reported), color: COLORS.reported, values: report.bySupplier.map((s) => s.byCriteria[reported]?.failureRate ?? 0) },
      { name: title(real), color: COLORS.real, values: report.bySupplier.map((s) => s.byCriteria[real]?.failureRate ?? 0) },
    ],
    format: pct,
  });
  const fpCauses = horizontalBars({
    title: 'Causes of false positives (devices)',
    items: report.falsePositiveCauses.map((c) => ({ label: c.title, value: c.devices })),
    format: String,
  });
  const realCauses = horizontalBars({
    title: `Causes of failures under ${title(real)} (devices)`,
    items: (report.causes[real] ?? []).map((c) => ({ label: c.title, value: c.devices, color: COLORS.real })),
    format: String,
  });
  const incidents = barChart({
    title: 'CHF incidents raised (§5.13)',
    categories: report.criteria.map((c) => c.title),
    series: [{ name: 'Incidents', color: '#9bbb59', values: report.criteria.map((c) => report.chfIncidents[c.name]?.length ?? 0) }],
    format: (n) => String(Math.round(n)),
    height: 260,
  });
  const failing = report.devices.filter((d) => d.verdicts[reported]?.status === 'failed' || d.verdicts[real]?.status === 'failed');
  const max = options.maxDeviceRows ?? 500;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(report.title)}</title>
<style>
body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}.num{text-align:right}.cards{display:flex;gap:16px;flex-wrap:wrap}
.card{border:1px solid #ccc;border-radius:6px;padding:12px 16px;min-width:180px}.card b{display:block;font-size:24px}
.reported{color:${COLORS.reported}}.real{color:${COLORS.real}}.note{color:#555;font-size:13px}svg{display:block;margin:12px 0}
</style></head><body>
<h1>${esc(report.title)}</h1>
<p class="note">As of ${esc(report.asOf)}; generated ${esc(report.generatedAt)}. Simulated by smets-harness; every figure is counted from the harness journal and the devices' cells.</p>
<div class="cards">
<div class="card">Devices tracked<b>${t.devices}</b></div>
<div class="card reported">Reported failures (${esc(reported)})<b>${rep.failed} · ${pct(rep.failureRate)}</b></div>
<div class="card real">Real failures (${esc(real)})<b>${rl.failed} · ${pct(rl.failureRate)}</b></div>
<div class="card">False positives<b>${t.classifications.falsePositive}</b></div>
<div class="card">Missed by ${esc(reported)}<b>${t.classifications.missedByReported}</b></div>
<div class="card">Pending<b>${t.classifications.pending}</b></div>
</div>
${report.warnings.map((w) => `<p class="note">Warning: ${esc(w)}</p>`).join('\n')}
<h2>Failure rates</h2>
${rates}
${perSupplier}
<h2>Why devices fail</h2>
${fpCauses}
${realCauses}
<h2>Per supplier</h2>
${supplierTable(report)}
<h2>False positives (${report.falsePositives.length})</h2>
<p class="note">Devices that fail ${esc(title(reported))} but hold the right certificates.</p>
${deviceTable(report.falsePositives.slice(0, max), report, [reported])}
${more(report.falsePositives.length, max)}
<h2>CHF incidents the DCC would raise (§5.13)</h2>
${incidents}
${incidentTable(report)}
<h2>Failing devices (${failing.length})</h2>
${deviceTable(failing.slice(0, max), report, [reported, real])}
${more(failing.length, max)}
<h2>Criteria and settings</h2>
${report.criteria.map((c) => `<p><b>${esc(c.title)}</b> (<code>${esc(c.name)}</code>): ${esc(c.basis)}</p>`).join('\n')}
<table><tr><th>Obligation</th><th class="num">Deadline (days after commissioning) [assumed]</th></tr>
${Object.entries(report.deadlineDays).map(([o, d]) => `<tr><td>${esc(OBLIGATION_TITLES[o as keyof typeof OBLIGATION_TITLES] ?? o)}</td><td class="num">${d}</td></tr>`).join('\n')}
</table>
</body></html>
`;
}

function supplierTable(report: PostCommissioningReport): string {
  const { reported, real } = report;
  const rows = report.bySupplier.map((s) => {
    const a = s.byCriteria[reported]!;
    const b = s.byCriteria[real]!;
    return `<tr><td>${esc(s.name ?? s.supplier)}</td><td>${s.small ? 'small' : 'large'}</td><td class="num">${s.devices}</td>` +
      `<td class="num">${a.failed} (${(a.failureRate * 100).toFixed(1)}%)</td><td class="num">${b.failed} (${(b.failureRate * 100).toFixed(1)}%)</td>` +
      `<td class="num">${s.classifications.falsePositive}</td><td class="num">${s.classifications.missedByReported}</td></tr>`;
  });
  return `<table><tr><th>Supplier</th><th>Size</th><th class="num">Devices</th><th class="num">Failed (${esc(reported)})</th><th class="num">Failed (${esc(real)})</th><th class="num">False positives</th><th class="num">Missed by ${esc(reported)}</th></tr>\n${rows.join('\n')}</table>`;
}

function deviceTable(rows: readonly DeviceRow[], report: PostCommissioningReport, criteria: readonly string[]): string {
  if (rows.length === 0) return '<p class="note">None.</p>';
  const body = rows.map((d) => {
    const cells = criteria.map((n) => {
      const v = d.verdicts[n];
      if (v === undefined || v.failures.length === 0) return `<td>${esc(v?.status ?? '')}</td>`;
      return `<td>${v.failures.map((f) => `<b>${esc(OBLIGATION_TITLES[f.obligation])}</b>: ${esc(CAUSE_TITLES[f.cause])} – ${esc(f.detail)}`).join('<br>')}</td>`;
    });
    return `<tr><td><code>${esc(d.deviceId)}</code><br>${esc(d.deviceType)}</td><td>${esc(d.supplierName ?? d.supplier ?? '')}</td><td>${esc(d.classification)}</td>${cells.join('')}</tr>`;
  });
  const heads = criteria.map((n) => `<th>${esc(report.criteria.find((c) => c.name === n)?.title ?? n)}: which obligation, why</th>`).join('');
  return `<table><tr><th>Device</th><th>Supplier</th><th>Classification</th>${heads}</tr>\n${body.join('\n')}</table>`;
}

function incidentTable(report: PostCommissioningReport): string {
  const rows = report.criteria.flatMap((c) =>
    (report.chfIncidents[c.name] ?? []).map(
      (i) => `<tr><td>${esc(c.name)}</td><td><code>${esc(i.chfId)}</code></td><td>${i.devices.map((d) => `${esc(d.deviceId)} (${esc(d.causes.map((x) => CAUSE_TITLES[x]).join('; '))})`).join('<br>')}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '<p class="note">No incidents.</p>';
  return `<table><tr><th>Criteria</th><th>CHF</th><th>Failing devices on its HAN</th></tr>\n${rows.join('\n')}</table>`;
}

function more(total: number, max: number): string {
  return total > max ? `<p class="note">${total - max} more in the CSV and JSON outputs.</p>` : '';
}
