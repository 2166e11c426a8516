/** One device under one criteria set: every obligation it carries, judged. */
import type { RegistrationData } from '../rdp/RegistrationData.ts';
import { type DeviceHistory, finalOutcome } from './attempts.ts';
import type { CauseCode } from './causes.ts';
import { type CheckStatus, evaluate } from './checks.ts';
import type { Criteria } from './criteria.ts';
import type { ObligationId } from './obligations.ts';
import type { DeviceCells, TrackedDevice } from './ports.ts';
import type { PostCommissioningSettings } from './settings.ts';

export interface ObligationVerdict {
  readonly obligation: ObligationId;
  /** The kind of check the criteria set used (`serviceRequest`, `cells` …). */
  readonly check: string;
  readonly status: CheckStatus;
  readonly cause?: CauseCode;
  readonly detail: string;
  readonly requestId?: string;
  readonly deadline: Date;
}

export type DeviceStatus = 'passed' | 'failed' | 'pending';

export interface CriteriaVerdict {
  readonly criteria: string;
  /** Failed if any obligation failed; pending if none failed and some are not met yet; else passed. */
  readonly status: DeviceStatus;
  readonly obligations: readonly ObligationVerdict[];
  /** The causes of the failed obligations, each once, in obligation order. */
  readonly causes: readonly CauseCode[];
}

export interface JudgeInputs {
  readonly device: TrackedDevice;
  readonly history: DeviceHistory;
  readonly cells: DeviceCells | undefined;
  readonly registrations: RegistrationData;
  readonly settings: PostCommissioningSettings;
  readonly asOf: Date;
}

/** When the obligations started: the later of the inventory's commissioning date and a journalled 8.1.1. */
export function commissionedAt(device: TrackedDevice, history: DeviceHistory): Date {
  const journalled = history.commissionedAt;
  return journalled !== undefined && journalled > device.commissionedAt ? journalled : device.commissionedAt;
}

export function judgeDevice(criteria: Criteria, inputs: JudgeInputs): CriteriaVerdict {
  const { device, history, settings } = inputs;
  const start = commissionedAt(device, history);
  const interruption = history.attempts.find(
    (a) => criteria.interruptedBy.includes(a.srv) && a.sentAt >= start && finalOutcome(a).kind !== 'refused',
  );
  const obligations: ObligationVerdict[] = [];
  for (const obligation of settings.obligationsByDeviceType[device.deviceType] ?? []) {
    const check = criteria.checks[obligation];
    if (check === undefined) continue;
    const deadline = new Date(start.getTime() + settings.deadlines[obligation]);
    const result = evaluate(check, {
      device,
      history,
      cells: inputs.cells,
      registrations: inputs.registrations,
      commissionedAt: start,
      deadline,
      asOf: inputs.asOf,
      ...(interruption && check.kind === 'serviceRequest' && { interruption }),
    });
    obligations.push({ obligation, check: check.kind, ...result, deadline });
  }
  const status: DeviceStatus = obligations.some((o) => o.status === 'failed')
    ? 'failed'
    : obligations.some((o) => o.status === 'pending')
      ? 'pending'
      : 'passed';
  const causes = [...new Set(obligations.flatMap((o) => (o.cause === undefined ? [] : [o.cause])))];
  return { criteria: criteria.name, status, obligations, causes };
}
