import type { Reason } from '../core/verdict.ts';
import {
  type Cs02bCommand,
  DlmsDateTime,
  encodeCs02bResponse,
  type GbcsPayload,
  type GroupingHeader,
  type GroupingHeaderFields,
} from '../gbcs/index.ts';
import type { ActiveDevice } from './ActiveDevice.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { type Authentication, authenticate } from './authenticate.ts';
import { setClockOnEsme, setClockOnGsme } from './clockUseCases.ts';
import {
  issueSecurityCredentials,
  provideCredentialDetails,
  provideDeviceCertificate,
  type UseCaseResult,
  updateDeviceCertificate,
} from './credentialUseCases.ts';
import { applyCs02b, planCs02b, scopeProblem } from './executeCs02b.ts';
import type { CommandOutcome, HandleResult } from './outcome.ts';
import type { TimerQueue } from './TimerQueue.ts';

type Accepted = Extract<Authentication, { ok: true }>;

/** How the response goes out [RTDS]: CS02a MAC-only; CS02b signed with the time; the rest signed. */
type Framing = 'macOnly' | 'signedWithTime' | 'signed';

interface Execution extends UseCaseResult {
  readonly framing: Framing;
  readonly outcome: Partial<CommandOutcome>;
}

/**
 * One command through one device: faults, authentication, the use case, the response frame and the
 * alerts. A refused or dropped command changes nothing (the alert counter aside).
 */
export function handleCommand(
  device: ActiveDevice,
  timers: TimerQueue,
  bytes: Buffer,
  now: Date,
): HandleResult {
  const fault = device.fault;
  if (fault?.kind === 'offline')
    return notAnswered('dropped', [{ code: 'offline', message: `${device.eui} is offline` }]);
  const auth = authenticate(device, bytes);
  if (!auth.ok) return notAnswered(auth.status, auth.reasons, auth.alertCode, device, now, auth.header);
  const { header, payload } = auth;
  if (payload.useCase === 'CS02b' && payload.direction === 'command') {
    const scope = scopeProblem(device, auth.requirement.mode!, payload.value);
    if (scope) return notAnswered('refused', [scope], ALERT_CODES.noAuthority, device, now, header);
    if (fault?.kind !== 'resourcesBusy') device.setCounter(auth.roleNumber, header.originatorCounter);
  } else device.setCounter(auth.roleNumber, header.originatorCounter);
  const execution = execute(device, timers, auth, now);
  const fields: GroupingHeaderFields = {
    craFlag: 'response',
    originatorCounter: header.originatorCounter,
    originator: device.eui,
    recipient: header.originator,
    ...(execution.framing === 'signedWithTime' && {
      dateTime: DlmsDateTime.fromDate(now),
    }),
    messageCode: header.messageCode,
    content: execution.content,
  };
  let response = execution.framing === 'macOnly' ? device.macOnly(fields) : device.signed(fields);
  const alerts = execution.alertCodes.map((code) => device.alert(generic(code, now), now));
  const outcome: CommandOutcome = {
    status: 'executed',
    ...identity(header),
    useCase: payload.useCase,
    ...(auth.requirement.mode && { mode: auth.requirement.mode }),
    reasons: [],
    alertCodes: execution.alertCodes,
    ...execution.outcome,
  };
  if (fault?.kind === 'noResponse') response = undefined;
  if (fault?.kind === 'delayedResponse' && response) {
    const due = new Date(now.getTime() + fault.ms);
    timers.add(due, device.index, { kind: 'delayedResponse', response });
    return { alerts, outcome: { ...outcome, responseDueAt: due } };
  }
  return { ...(response && { response }), alerts, outcome };
}

function execute(device: ActiveDevice, timers: TimerQueue, auth: Accepted, now: Date): Execution {
  const payload: GbcsPayload = auth.payload;
  if (payload.direction !== 'command') throw new Error('authenticate lets commands through only');
  switch (payload.useCase) {
    case 'CS02a':
      return {
        ...provideCredentialDetails(device, payload.value),
        framing: 'macOnly',
        outcome: {},
      };
    case 'CS02b':
      return updateSecurityCredentials(device, timers, auth, payload.value, now);
    case 'CS02c':
      return {
        ...issueSecurityCredentials(device, payload.value),
        framing: 'signed',
        outcome: {},
      };
    case 'CS02d':
      return {
        ...updateDeviceCertificate(device, payload.value, now),
        framing: 'signed',
        outcome: {},
      };
    case 'CS02e':
      return {
        ...provideDeviceCertificate(device, payload.value),
        framing: 'signed',
        outcome: {},
      };
    case 'ECS70':
      return {
        ...setClockOnEsme(payload.value, now),
        framing: 'signed',
        outcome: {},
      };
    case 'GCS28':
      return {
        ...setClockOnGsme(payload.value, now),
        framing: 'signed',
        outcome: {},
      };
  }
}

function updateSecurityCredentials(
  device: ActiveDevice,
  timers: TimerQueue,
  auth: Accepted,
  command: Cs02bCommand,
  now: Date,
): Execution {
  const mode = auth.requirement.mode!;
  const { header } = auth;
  const at = command.executionDateTime;
  if (at !== undefined && at.getTime() > now.getTime() && device.fault?.kind !== 'resourcesBusy') {
    timers.add(at, device.index, {
      kind: 'futureDatedCs02b',
      mode,
      command,
      originator: header.originator,
      originatorCounter: header.originatorCounter,
      executionDateTime: at,
    });
    return {
      content: encodeCs02bResponse({}),
      alertCodes: [],
      framing: 'signedWithTime',
      outcome: { status: 'futureDated', executionDateTime: at },
    };
  }
  const plan = planCs02b(device, mode, command, header.originatorCounter, now);
  if (device.fault?.kind !== 'resourcesBusy') applyCs02b(device, plan);
  const empty = device.fault?.kind === 'emptyExecutionOutcome';
  return {
    content: encodeCs02bResponse(empty ? {} : { executionOutcome: plan.outcome }),
    alertCodes: plan.changes.length > 0 ? [ALERT_CODES.updateSecurityCredentials] : [],
    framing: 'signedWithTime',
    outcome: {
      certificateOutcomes: plan.outcome.certificateOutcomes,
      reasons: plan.reasons,
    },
  };
}

function notAnswered(
  status: 'dropped' | 'refused',
  reasons: readonly Reason[],
  alertCode?: number,
  device?: ActiveDevice,
  now?: Date,
  header?: GroupingHeader,
): HandleResult {
  const alerts = alertCode !== undefined && device && now ? [device.alert(generic(alertCode, now), now)] : [];
  return {
    alerts,
    outcome: {
      status,
      ...(header && identity(header)),
      reasons,
      alertCodes: alerts.length > 0 ? [alertCode!] : [],
    },
  };
}

function identity(header: GroupingHeader): Pick<CommandOutcome, 'originator' | 'originatorCounter'> {
  return {
    originator: header.originator,
    originatorCounter: header.originatorCounter,
  };
}

export function generic(alertCode: number, now: Date) {
  return {
    kind: 'generic',
    alertCode,
    timestamp: DlmsDateTime.fromDate(now),
  } as const;
}
