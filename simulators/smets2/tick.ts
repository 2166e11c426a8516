import { ActiveDevice, type FleetServices } from './ActiveDevice.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { allSucceeded, applyCs02b, planCs02b } from './executeCs02b.ts';
import { generic } from './handleCommand.ts';
import type { CommandOutcome, TickResult } from './outcome.ts';
import type { PendingCs02b, Timer, TimerQueue } from './TimerQueue.ts';

/** Per device index, what its due timers produced. */
export type TickResults = Map<number, TickResult>;

/**
 * Runs the timers due at `now` (one device's, or the whole fleet's): delayed responses are released
 * (dropped if the device has since gone offline); future-dated CS02b commands execute, judged at their
 * execution time, and raise the 0x00CB alert (0x8F66 all cells replaced / 0x8F67 otherwise) to the
 * command's originator, plus 0x8F70 when a cell changed.
 */
export function runDueTimers(
  services: FleetServices,
  timers: TimerQueue,
  now: Date,
  device?: number,
): TickResults {
  const results: TickResults = new Map();
  for (const timer of timers.takeDue(now, device)) {
    const active = new ActiveDevice(services, timer.device);
    const offline = active.fault?.kind === 'offline';
    const result = results.get(timer.device) ?? {
      responses: [],
      alerts: [],
      executed: [],
    };
    const responses = [...result.responses];
    const alerts = [...result.alerts];
    const executed = [...result.executed];
    if (timer.payload.kind === 'delayedResponse') {
      if (!offline) responses.push(timer.payload.response);
    } else {
      const run = runFutureDated(active, timer, timer.payload, now);
      executed.push(run.outcome);
      if (!offline) alerts.push(...run.alerts);
    }
    results.set(timer.device, { responses, alerts, executed });
  }
  return results;
}

function runFutureDated(
  device: ActiveDevice,
  timer: Timer,
  pending: PendingCs02b,
  now: Date,
): { outcome: CommandOutcome; alerts: Buffer[] } {
  const at = new Date(timer.due);
  const plan = planCs02b(device, pending.mode, pending.command, pending.originatorCounter, at);
  if (device.fault?.kind !== 'resourcesBusy') applyCs02b(device, plan);
  const alertCode = allSucceeded(plan.outcome)
    ? ALERT_CODES.futureDatedCommandSucceeded
    : ALERT_CODES.futureDatedCommandFailed;
  const alerts = [
    device.alert(
      {
        kind: 'futureDatedCs02b',
        alertCode,
        executionDateTime: pending.executionDateTime,
        executionOutcome: plan.outcome,
      },
      now,
      pending.originator,
    ),
  ];
  const alertCodes: number[] = [alertCode];
  if (plan.changes.length > 0 && device.fault?.kind !== 'resourcesBusy') {
    alerts.push(device.alert(generic(ALERT_CODES.updateSecurityCredentials, now), now));
    alertCodes.push(ALERT_CODES.updateSecurityCredentials);
  }
  return {
    alerts,
    outcome: {
      status: 'executed',
      useCase: 'CS02b',
      mode: pending.mode,
      originator: pending.originator,
      originatorCounter: pending.originatorCounter,
      reasons: plan.reasons,
      alertCodes,
      certificateOutcomes: plan.outcome.certificateOutcomes,
      executionDateTime: pending.executionDateTime,
    },
  };
}
