/**
 * A supplier's certification from a post-commissioning report (saved by a batch, or made just now
 * from the live estate's journal): its devices judged against the obligations (the report's
 * `reported` criteria) and the certificate rules (its `real` criteria, the NO-certificate rule among
 * them), per device pass/fail with reasons, and a summary for an auditor. Pure: data in, data out.
 */
import { CAUSE_TITLES, type CauseCode, type DeviceRow, OBLIGATION_TITLES, type PostCommissioningReport } from '../postcommissioning/index.ts';
import type { CertDevice, Certification, CertificationSource, CertifiedSupplier, CertReason, CertResult } from './Certification.ts';
import { CERTIFICATION_LIMITS } from './certificationLimits.ts';

export interface CertifyOptions {
  readonly supplier: CertifiedSupplier;
  /** Only devices commissioned at or after this moment. */
  readonly since?: Date;
  /** Where the report came from: its kind and location (file or estate URL). */
  readonly source: Pick<CertificationSource, 'kind' | 'location'>;
}

export function certify(report: PostCommissioningReport, o: CertifyOptions): Certification {
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
    source: { kind: o.source.kind, location: o.source.location, reportTitle: report.title, asOf: report.asOf },
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
  const reasons: CertReason[] = [...ob.failures.map((f) => reason('obligations', f)), ...ce.failures.map((f) => reason('certificates', f))];
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
