import type { Certification, CertificationSource } from './Certification.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One self-contained page (no scripts, no external assets) an auditor can open from a file. */
export function certificationHtml(c: Certification): string {
  const s = c.summary;
  const rows = c.devices
    .map(
      (d) =>
        `<tr class="${d.result}"><td><code>${esc(d.deviceId)}</code></td><td>${esc(d.deviceType)}</td><td>${esc(d.commissionedAt)}</td>` +
        `<td>${d.result.toUpperCase()}</td><td>${esc(d.obligations)}</td><td>${esc(d.certificates)}</td><td>${esc(d.networkOperatorCertificates)}</td>` +
        `<td>${d.reasons.length === 0 ? '' : `<ul>${d.reasons.map((r) => `<li><b>${r.judgement}</b> – ${esc(r.obligationTitle)}: ${esc(r.causeTitle)}${r.detail ? ` (${esc(r.detail)})` : ''}${r.requestId ? ` <code>${esc(r.requestId)}</code>` : ''}</li>`).join('')}</ul>`}</td></tr>`,
    )
    .join('\n');
  const reasons = s.reasons.map((r) => `<tr><td>${esc(r.judgement)}</td><td>${esc(r.causeTitle)}</td><td>${r.devices}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(c.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
tr.fail td:nth-child(4){color:#b00;font-weight:bold}tr.pass td:nth-child(4){color:#070}.verdict{font-size:1.4em;font-weight:bold}ul{margin:0;padding-left:1.2em}</style></head>
<body><h1>${esc(c.title)}</h1>
<p class="verdict">Verdict: ${esc(c.verdict.toUpperCase())}</p>
<table><tr><th>Supplier</th><td>${esc(c.supplier.name ?? '')} <code>${esc(c.supplier.eui ?? '')}</code>${c.supplier.small ? ' (small supplier)' : ''}</td></tr>
<tr><th>Source</th><td>${sourceCell(c.source)}</td></tr>
<tr><th>Devices commissioned</th><td>${c.since ? `since ${esc(c.since)}` : c.source.kind === 'live estate' ? 'all in the estate' : 'all in the report'}</td></tr>
<tr><th>Obligations</th><td>${esc(c.judgements.obligations.title)}: ${esc(c.judgements.obligations.basis)}</td></tr>
<tr><th>Certificates (incl. NO-certificate rule)</th><td>${esc(c.judgements.certificates.title)}: ${esc(c.judgements.certificates.basis)}</td></tr></table>
<h2>Summary</h2>
<table><tr><th>Devices</th><th>Pass</th><th>Fail</th><th>Pending</th><th>Failing obligations only (certificates right)</th><th>Failing certificates</th><th>Wrong NO certificates</th></tr>
<tr><td>${s.devices}</td><td>${s.pass}</td><td>${s.fail}</td><td>${s.pending}</td><td>${s.failingObligationsOnly}</td><td>${s.failingCertificates}</td><td>${s.wrongNetworkOperatorCertificates}</td></tr></table>
${reasons ? `<h2>Reasons</h2><table><tr><th>Judgement</th><th>Cause</th><th>Devices</th></tr>\n${reasons}</table>` : ''}
<h2>Devices</h2>
<table><tr><th>Device</th><th>Type</th><th>Commissioned</th><th>Result</th><th>Obligations</th><th>Certificates</th><th>NO certificates</th><th>Reasons</th></tr>
${rows}</table>
<h2>Limits</h2><ul>${c.limits.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
<p>Deadlines (days after commissioning): ${Object.entries(c.deadlineDays).map(([k, v]) => `${esc(k)} ${v}`).join(', ')}.</p>
</body></html>
`;
}

function sourceCell(s: CertificationSource): string {
  return s.kind === 'live estate'
    ? `The live estate at <code>${esc(s.location)}</code>, judged at ${esc(s.asOf)}`
    : `Saved batch report: ${esc(s.reportTitle)} – <code>${esc(s.location)}</code>, as of ${esc(s.asOf)}`;
}
