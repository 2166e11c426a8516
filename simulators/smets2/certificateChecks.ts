import { hash, X509Certificate } from 'node:crypto';
import type { Reason } from '../core/verdict.ts';
import type { CertificateUpdateStatus } from '../gbcs/index.ts';
import { checkOrganisationCertificate } from '../smki/index.ts';
import type { CertificateEntry } from './CertificateTable.ts';
import type { CellDefinition } from './cells.ts';

export interface CertificateJudgement {
  readonly status: CertificateUpdateStatus;
  readonly reasons: readonly Reason[];
}

const TIME_REASONS = new Set(['expired', 'not-yet-valid']);

/**
 * How a device judges a certificate offered for one of its cells (CS02b):
 *
 * - the issuing CA must be among the command's certificationPathCertificates and must chain to the
 *   certificate in the device's root cell (signed by it, or be it) – otherwise **noTrustAnchor**
 *   (the RTDS error vector: a KA certificate from another "Z1" answered noTrustAnchor);
 * - the certificate must then pass the SMKI organisation profile against that CA with the cell's role
 *   and key usage (checkOrganisationCertificate) – otherwise **badCertificate** (wrong role, wrong key
 *   usage, not an organisation certificate, expired …);
 * - validity is judged at `now` unless the command disapplies time-based checks
 *   (applyTimeBasedCpvChecks = 1, "disapply" in DCC's gbcs-parser);
 * - a new root certificate must be a self-signed CA certificate.
 */
export function judgeReplacement(
  der: Buffer,
  cell: CellDefinition,
  pathCertificates: readonly Buffer[],
  root: CertificateEntry | undefined,
  now: Date,
  applyTimeChecks: boolean,
): CertificateJudgement {
  const q: Replacement = { der, cell, pathCertificates, root, now, applyTimeChecks };
  if (cell.role === 'root') return judgeFresh(q).judgement;
  const key = judgementKey(q);
  const t = now.getTime();
  const held = JUDGEMENTS.get(key);
  if (held !== undefined && t >= held.validFrom && t <= held.validTo) return held.judgement;
  const fresh = judgeFresh(q);
  const timeFree = fresh.judgement.reasons.every((r) => !TIME_REASONS.has(r.code));
  if (fresh.validity !== undefined && timeFree) {
    JUDGEMENTS.set(key, { judgement: fresh.judgement, ...fresh.validity });
    if (JUDGEMENTS.size > JUDGEMENT_CACHE_SIZE) JUDGEMENTS.delete(JUDGEMENTS.keys().next().value!);
  }
  return fresh.judgement;
}

/** What a device is asked to judge: a certificate for a cell, with the command's path and its own root. */
interface Replacement {
  readonly der: Buffer;
  readonly cell: CellDefinition;
  readonly pathCertificates: readonly Buffer[];
  readonly root: CertificateEntry | undefined;
  readonly now: Date;
  readonly applyTimeChecks: boolean;
}

/**
 * Judgements of the same certificate for the same cell, path and root: the same NO certificate is
 * offered to device after device. Only what does not depend on the time is kept, and reused while
 * `now` is inside the certificate's validity – where the time checks pass – so a kept judgement is
 * the one a fresh check would give.
 */
const JUDGEMENTS = new Map<string, { readonly judgement: CertificateJudgement; readonly validFrom: number; readonly validTo: number }>();
const JUDGEMENT_CACHE_SIZE = 1024;

function judgementKey(q: Replacement): string {
  const chunks: Buffer[] = [Buffer.from(`${q.cell.role}/${q.cell.keyUsage}/${q.applyTimeChecks}/${q.pathCertificates.length}/`)];
  for (const part of [q.der, q.root?.der ?? Buffer.alloc(0), ...q.pathCertificates]) chunks.push(Buffer.from(`${part.length}:`), part);
  return hash('sha256', Buffer.concat(chunks), 'base64');
}

function judgeFresh(q: Replacement): { judgement: CertificateJudgement; validity?: { validFrom: number; validTo: number } } {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(q.der);
  } catch (error) {
    return { judgement: bad('badCertificate', 'malformed-certificate', `not an X.509 certificate: ${String(error)}`) };
  }
  const validity = { validFrom: Date.parse(certificate.validFrom), validTo: Date.parse(certificate.validTo) };
  return { judgement: judgeParsed(certificate, q), validity };
}

function judgeParsed(certificate: X509Certificate, q: Replacement): CertificateJudgement {
  const { der, cell, pathCertificates, root, now, applyTimeChecks } = q;
  if (cell.role === 'root') return judgeRoot(certificate, now, applyTimeChecks);
  const issuer = pathCertificates
    .map(parseQuietly)
    .find((ca) => ca !== undefined && certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (issuer === undefined)
    return bad('noTrustAnchor', 'issuer-not-in-path', 'no certification path certificate issued it');
  if (root === undefined) return bad('noTrustAnchor', 'empty-root-cell', 'the root cell is empty');
  const anchored =
    Buffer.from(issuer.raw).equals(root.der) ||
    (issuer.checkIssued(root.x509) && issuer.verify(root.publicKey));
  if (!anchored)
    return bad('noTrustAnchor', 'path-not-anchored', `${issuer.subject} does not chain to the root cell`);
  const verdict = checkOrganisationCertificate(der, {
    clock: { now: () => now },
    issuer: Buffer.from(issuer.raw),
    expectedRole: cell.role,
    expectedUsage: cell.keyUsage,
  });
  const reasons = verdict.reasons.filter((r) => applyTimeChecks || !TIME_REASONS.has(r.code));
  return reasons.length === 0 ? { status: 'success', reasons: [] } : { status: 'badCertificate', reasons };
}

function judgeRoot(certificate: X509Certificate, now: Date, applyTimeChecks: boolean): CertificateJudgement {
  if (!certificate.ca || !certificate.checkIssued(certificate) || !certificate.verify(certificate.publicKey))
    return bad('badCertificate', 'not-a-root', 'a root cell takes a self-signed CA certificate');
  const t = now.getTime();
  if (applyTimeChecks && (t < Date.parse(certificate.validFrom) || t > Date.parse(certificate.validTo)))
    return bad('badCertificate', 'expired', `valid ${certificate.validFrom} to ${certificate.validTo}`);
  return { status: 'success', reasons: [] };
}

function parseQuietly(der: Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

function bad(status: CertificateUpdateStatus, code: string, message: string): CertificateJudgement {
  return { status, reasons: [{ code, message }] };
}
