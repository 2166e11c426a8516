/**
 * A supplier's certification from a saved post-commissioning batch report: its devices judged
 * against the post-commissioning obligations (the report's `reported` criteria, SEC Appendix AC §5 as
 * the DCC reports) and the certificate rules (its `real` criteria – among them the NO-certificate
 * rule: the network operator cells hold the registered network operator's certificates), per device
 * pass/fail with reasons, and a summary for an auditor. Pure: data in, data out.
 */
import { Eui } from '../../simulators/core/Eui.ts';
import { CAUSE_TITLES, type CauseCode, type DeviceRow, OBLIGATION_TITLES, type ObligationId, type PostCommissioningReport } from '../../simulators/postcommissioning/index.ts';

export type CertResult = 'pass' | 'fail' | 'pending';

export interface CertReason {
  /** Which judgement: `obligations` (the report's reported criteria) or `certificates` (its real criteria). */
  readonly judgement: 'obligations' | 'certificates';
  readonly obligation: ObligationId;
  readonly obligationTitle: string;
  readonly cause: CauseCode;
  readonly causeTitle: string;
  readonly detail: string;
  readonly requestId?: string;
}

export interface CertDevice {
  readonly deviceId: string;
  readonly deviceType: string;
  readonly chfId?: string;
  readonly commissionedAt: string;
  readonly result: CertResult;
  readonly obligations: string;
  readonly certificates: string;
  /** The NO-certificate rule on its own: `n/a` for a device without NO cells (GSME). */
  readonly networkOperatorCertificates: 'correct' | 'wrong' | 'not judged yet' | 'n/a';
  readonly classification: string;
  readonly reasons: readonly CertReason[];
}

export interface Certification {
  readonly title: string;
  readonly supplier: { readonly eui?: string; readonly name?: string; readonly small: boolean };
  readonly source: { readonly file: string; readonly reportTitle: string; readonly asOf: string };
  readonly since?: string;
  readonly judgements: { readonly obligations: { name: string; title: string; basis: string }; readonly certificates: { name: string; title: string; basis: string } };
  readonly deadlineDays: Readonly<Record<string, number>>;
  /** `certified` when every device passes both; `not certified` when any fails; else `pending` / `no devices`. */
  readonly verdict: 'certified' | 'not certified' | 'pending' | 'no devices';
  readonly summary: {
    readonly devices: number;
    readonly pass: number;
    readonly fail: number;
    readonly pending: number;
    readonly failingObligationsOnly: number;
    readonly failingCertificates: number;
    readonly wrongNetworkOperatorCertificates: number;
    readonly reasons: readonly { judgement: string; cause: CauseCode; causeTitle: string; devices: number }[];
  };
  readonly devices: readonly CertDevice[];
  readonly limits: readonly string[];
}

export const CERTIFICATION_LIMITS: readonly string[] = [
  'Judges a saved batch report: the simulated estate and journal that batch ran, not a live estate or a supplier’s own systems.',
  'Cells and Registration Data are judged as they were at the report’s asOf; deadlines and obligations per device type are the batch’s [assumed] settings.',
  'Devices are attributed to the supplier registered at asOf (after a change of supplier, the new one).',
  '--since filters on the commissioning time the tracker recorded (SRV 8.1.1 moves it).',
];

/** The report's suppliers, as `EUI (name)` lines, for error messages. */
export function suppliersIn(report: PostCommissioningReport): string[] {
  return report.bySupplier.map((s) => `${s.supplier || '(none)'}${s.name ? ` (${s.name})` : ''}`);
}

/** Finds the supplier `user` names (an EUI, any separators, or a party name, any case); undefined if none. */
export function findSupplier(report: PostCommissioningReport, user: string): { eui?: string; name?: string; small: boolean } | undefined {
  let hex: string | undefined;
  try {
    hex = Eui.parse(user).hex;
  } catch {
    hex = undefined;
  }
  const wanted = user.trim().toLowerCase();
  const s = report.bySupplier.find((x) => {
    if (hex !== undefined && x.supplier !== '') {
      try {
        if (Eui.parse(x.supplier).hex === hex) return true;
      } catch {
        // not an EUI: compare by name only
      }
    }
    return x.name !== undefined && x.name.trim().toLowerCase() === wanted;
  });
  return s && { ...(s.supplier && { eui: s.supplier }), ...(s.name && { name: s.name }), small: s.small };
}

export function certify(report: PostCommissioningReport, o: { supplier: { eui?: string; name?: string; small: boolean }; since?: Date; file: string }): Certification {
  const obligations = report.criteria.find((c) => c.name === report.reported)!;
  const certificates = report.criteria.find((c) => c.name === report.real)!;
  const rows = report.devices.filter(
    (d) => (o.supplier.eui !== undefined ? d.supplier === o.supplier.eui : d.supplierName === o.supplier.name) && (o.since === undefined || Date.parse(d.commissionedAt) >= o.since.getTime()),
  );
  const devices = rows.map((d) => certDevice(d, report));
  const count = (f: (d: CertDevice) => boolean) => devices.filter(f).length;
  const reasons = new Map<string, { judgement: string; cause: CauseCode; causeTitle: string; devices: Set<string> }>();
  for (const d of devices) {
    for (const r of d.reasons) {
      const key = `${r.judgement}/${r.cause}`;
      const entry = reasons.get(key) ?? { judgement: r.judgement, cause: r.cause, causeTitle: r.causeTitle, devices: new Set<string>() };
      entry.devices.add(d.deviceId);
      reasons.set(key, entry);
    }
  }
  const fail = count((d) => d.result === 'fail');
  const pending = count((d) => d.result === 'pending');
  const who = o.supplier.name ?? o.supplier.eui ?? 'unknown supplier';
  return {
    title: `Post-commissioning certification: ${who}`,
    supplier: o.supplier,
    source: { file: o.file, reportTitle: report.title, asOf: report.asOf },
    ...(o.since && { since: o.since.toISOString() }),
    judgements: {
      obligations: { name: obligations.name, title: obligations.title, basis: obligations.basis },
      certificates: { name: certificates.name, title: certificates.title, basis: certificates.basis },
    },
    deadlineDays: report.deadlineDays,
    verdict: devices.length === 0 ? 'no devices' : fail > 0 ? 'not certified' : pending > 0 ? 'pending' : 'certified',
    summary: {
      devices: devices.length,
      pass: count((d) => d.result === 'pass'),
      fail,
      pending,
      failingObligationsOnly: count((d) => d.obligations === 'failed' && d.certificates !== 'failed'),
      failingCertificates: count((d) => d.certificates === 'failed'),
      wrongNetworkOperatorCertificates: count((d) => d.networkOperatorCertificates === 'wrong'),
      reasons: [...reasons.values()]
        .map((r) => ({ judgement: r.judgement, cause: r.cause, causeTitle: r.causeTitle, devices: r.devices.size }))
        .sort((a, b) => b.devices - a.devices || a.cause.localeCompare(b.cause)),
    },
    devices,
    limits: CERTIFICATION_LIMITS,
  };
}

function certDevice(d: DeviceRow, report: PostCommissioningReport): CertDevice {
  const ob = d.verdicts[report.reported]!;
  const ce = d.verdicts[report.real]!;
  const reasons: CertReason[] = [
    ...ob.failures.map((f) => reason('obligations', f)),
    ...ce.failures.map((f) => reason('certificates', f)),
  ];
  const result: CertResult = ob.status === 'failed' || ce.status === 'failed' ? 'fail' : ob.status === 'passed' && ce.status === 'passed' ? 'pass' : 'pending';
  const noFailure = ce.failures.some((f) => f.obligation === 'networkOperatorCredentials');
  return {
    deviceId: d.deviceId,
    deviceType: d.deviceType,
    ...(d.chfId && { chfId: d.chfId }),
    commissionedAt: d.commissionedAt,
    result,
    obligations: ob.status,
    certificates: ce.status,
    networkOperatorCertificates: d.deviceType === 'GSME' ? 'n/a' : noFailure ? 'wrong' : ce.status === 'pending' ? 'not judged yet' : 'correct',
    classification: d.classification,
    reasons,
  };
}

function reason(judgement: CertReason['judgement'], f: DeviceRow['verdicts'][string]['failures'][number]): CertReason {
  return {
    judgement,
    obligation: f.obligation,
    obligationTitle: OBLIGATION_TITLES[f.obligation] ?? f.obligation,
    cause: f.cause,
    causeTitle: CAUSE_TITLES[f.cause] ?? f.cause,
    detail: f.detail,
    ...(f.requestId && { requestId: f.requestId }),
  };
}

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
<tr><th>Source</th><td>${esc(c.source.reportTitle)} – <code>${esc(c.source.file)}</code>, as of ${esc(c.source.asOf)}</td></tr>
<tr><th>Devices commissioned</th><td>${c.since ? `since ${esc(c.since)}` : 'all in the report'}</td></tr>
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
