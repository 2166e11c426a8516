/** Evaluates one check of a criteria set for one device (pure: facts, cells and registrations in, verdict out). */
import type { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import type { RegistrationData } from '../rdp/RegistrationData.ts';
import { type DeviceHistory, finalOutcome, type OutcomeKind, type SrAttempt } from './attempts.ts';
import type { CauseCode } from './causes.ts';
import type { CellHolderRule, CellsCheck, Check, CommunicatedCheck, DeviceCredentialCheck, ServiceRequestCheck } from './criteria.ts';
import type { DeviceCells, TrackedDevice } from './ports.ts';

export type CheckStatus = 'met' | 'failed' | 'pending';

export interface CheckResult {
  readonly status: CheckStatus;
  readonly cause?: CauseCode;
  readonly detail: string;
  /** The RequestID that met it or whose failure is the cause. */
  readonly requestId?: string;
}

export interface CheckContext {
  readonly device: TrackedDevice;
  readonly history: DeviceHistory;
  readonly cells: DeviceCells | undefined;
  readonly registrations: RegistrationData;
  readonly commissionedAt: Date;
  readonly deadline: Date;
  readonly asOf: Date;
  /** The first interrupting Service Request (6.23 under the current criteria), if any. */
  readonly interruption?: SrAttempt;
}

export function evaluate(check: Check, ctx: CheckContext): CheckResult {
  switch (check.kind) {
    case 'serviceRequest':
      return serviceRequest(check, ctx);
    case 'cells':
      return cells(check, ctx);
    case 'deviceCredentialRenewed':
      return renewed(check, ctx);
    case 'communicated':
      return communicated(check, ctx);
  }
}

/** Credential SRVs whose success may stand in for another (6.21 for 6.15.1): the `otherServiceRequest` cause. */
const CREDENTIAL_SRVS = ['6.15.1', '6.15.2', '6.17', '6.21', '6.23'];

const CAUSE_OF: Readonly<Record<OutcomeKind, CauseCode>> = {
  success: 'late',
  pending: 'noOutcome',
  refused: 'refused',
  timeout: 'timeout',
  unreachable: 'unreachable',
  emptyExecutionOutcome: 'emptyExecutionOutcome',
  deviceFailure: 'deviceFailure',
  deviceRefused: 'deviceRefused',
  unreadable: 'unreadable',
};

/** An attempt after commissioning, for the key usage and target role the check is about (where both say). */
function fits(a: SrAttempt, check: ServiceRequestCheck, ctx: CheckContext): boolean {
  return (
    a.sentAt >= ctx.commissionedAt &&
    (check.keyUsage === undefined || a.keyUsage === undefined || a.keyUsage === check.keyUsage) &&
    (check.targetRole === undefined || a.targetRoles === undefined || a.targetRoles.includes(check.targetRole))
  );
}

function serviceRequest(check: ServiceRequestCheck, ctx: CheckContext): CheckResult {
  const matching = ctx.history.attempts.filter((a) => check.srvs.includes(a.srv) && fits(a, check, ctx));
  const success = matching.find((a) => finalOutcome(a).kind === 'success' && finalOutcome(a).at! <= ctx.deadline);
  const stop = ctx.interruption;
  if (stop !== undefined && (success === undefined || finalOutcome(success).at! > stop.sentAt)) {
    const detail = `SRV ${stop.srv} (change of supplier) at ${stop.sentAt.toISOString()} before this Service Request succeeded`;
    return { status: 'failed', cause: 'changeOfSupplier', detail, requestId: stop.requestId };
  }
  if (success !== undefined) return { status: 'met', detail: `SRV ${success.srv}: ${finalOutcome(success).detail}`, requestId: success.requestId };
  const last = matching.at(-1);
  if (ctx.asOf < ctx.deadline) return { status: 'pending', detail: last ? `SRV ${last.srv}: ${finalOutcome(last).detail}` : 'not sent yet' };
  if (last !== undefined) {
    const outcome = finalOutcome(last);
    return { status: 'failed', cause: CAUSE_OF[outcome.kind], detail: `SRV ${last.srv}: ${outcome.detail}`, requestId: last.requestId };
  }
  const other = ctx.history.attempts.find(
    (a) => CREDENTIAL_SRVS.includes(a.srv) && !check.srvs.includes(a.srv) && check.targetRole !== undefined && fits(a, check, ctx) &&
      a.targetRoles !== undefined && finalOutcome(a).kind === 'success',
  );
  if (other !== undefined) {
    const detail = `SRV ${other.srv} succeeded, but only SRV ${check.srvs.join(' / ')} counts`;
    return { status: 'failed', cause: 'otherServiceRequest', detail, requestId: other.requestId };
  }
  return { status: 'failed', cause: 'notSent', detail: `no SRV ${check.srvs.join(' / ')} sent` };
}

function cells(check: CellsCheck, ctx: CheckContext): CheckResult {
  const owners = ctx.cells?.owners;
  if (owners === undefined) return late(ctx, 'deviceUnknown', 'the device cells are unknown');
  const present = check.cells.filter((c) => Object.hasOwn(owners, c));
  if (present.length === 0) return { status: 'met', detail: `the device type has no ${check.cells.join(' / ')} cell` };
  const expected = expectedHolders(check.holder, ctx);
  for (const cell of present) {
    const owner = owners[cell] ?? null;
    if (owner === null) return late(ctx, check.holder === 'dccRecovery' || cell === 'recovery' ? 'recoveryMissing' : 'emptyCell', `${cell} is empty`);
    if (expected !== 'anyone' && !expected.includes(owner)) {
      const want = expected.length === 0 ? `nobody is registered as ${check.holder}` : `expected ${expected.join(' or ')}`;
      return late(ctx, wrongCause(check.holder), `${cell} holds ${owner}'s certificate; ${want}`);
    }
  }
  const holder = expected === 'anyone' ? 'populated' : `held by ${expected.join(' or ')}`;
  return { status: 'met', detail: `${present.join(', ')} ${holder}` };
}

function wrongCause(holder: CellHolderRule): CauseCode {
  if (holder === 'registeredNetworkOperator') return 'wrongNetworkOperator';
  if (holder === 'registeredSupplier') return 'wrongSupplier';
  return 'recoveryWrong';
}

/** The EUIs given, as text, once each. */
function found(euis: (Eui | undefined)[]): string[] {
  return [...new Set(euis.flatMap((e) => (e === undefined ? [] : [e.toString()])))];
}

/** Entity IDs (EUI text) that may own the cells now, from Registration Data at `asOf`. */
function expectedHolders(rule: CellHolderRule, ctx: CheckContext): string[] | 'anyone' {
  const r = ctx.registrations;
  const at = ctx.asOf;
  switch (rule) {
    case 'anyone':
      return 'anyone';
    case 'dccRecovery':
      return r.parties.ofKind('recovery').map((p) => p.eui.toString());
    case 'registeredSupplier':
      return found(ctx.device.mpxns.map((m) => r.supplierAt(m, at)));
    case 'registeredNetworkOperator':
      return found(ctx.device.mpxns.map((m) => (m instanceof Mpan ? r.networkOperatorAt(m, at) : r.gasTransporterAt(m, at))));
  }
}

function renewed(check: DeviceCredentialCheck, ctx: CheckContext): CheckResult {
  if (ctx.cells === undefined) return late(ctx, 'deviceUnknown', 'the device credentials are unknown');
  if (ctx.cells.renewed[check.usage]) return { status: 'met', detail: `device ${check.usage} certificate replaced` };
  return late(ctx, 'notRenewed', `device ${check.usage} certificate is still the one installed at manufacture`);
}

function communicated(check: CommunicatedCheck, ctx: CheckContext): CheckResult {
  const frame = ctx.history.frames.find((f) => check.evidence.includes(f.kind) && f.at >= ctx.commissionedAt && f.at <= ctx.deadline);
  if (frame !== undefined) return { status: 'met', detail: `${frame.kind} from the device at ${frame.at.toISOString()}` };
  return late(ctx, 'notCommunicating', `no ${check.evidence.join(' / ')} from the device since commissioning`);
}

/** Not met: pending until the deadline, failed after it. */
function late(ctx: CheckContext, cause: CauseCode, detail: string): CheckResult {
  return ctx.asOf < ctx.deadline ? { status: 'pending', detail } : { status: 'failed', cause, detail };
}
