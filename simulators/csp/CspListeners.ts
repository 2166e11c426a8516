import type { Eui } from '../core/Eui.ts';
import type { CspJournal } from './CspJournal.ts';
import { alertOf } from './frames.ts';
import type { CspAlertHook, LateResponse, LateResponseHook } from './hooks.ts';
import type { PendingCommand } from './PendingCommands.ts';

/** Who hears about unsolicited alerts and late responses; a hook that throws is journalled, not fatal. */
export class CspListeners {
  readonly #alertHooks = new Set<CspAlertHook>();
  readonly #lateHooks = new Set<LateResponseHook>();

  constructor(readonly journal: CspJournal) {}

  onAlert(hook: CspAlertHook): () => void {
    this.#alertHooks.add(hook);
    return () => this.#alertHooks.delete(hook);
  }

  onLateResponse(hook: LateResponseHook): () => void {
    this.#lateHooks.add(hook);
    return () => this.#lateHooks.delete(hook);
  }

  /** An alert that is not part of a command's outcome (`about`: the timed-out command it came with). */
  alert(at: Date, deviceId: Eui, bytes: Buffer, about?: PendingCommand): void {
    const alert = alertOf(bytes);
    for (const hook of this.#alertHooks) {
      try {
        hook(deviceId, alert, about?.command.requestId);
      } catch (error) {
        this.journal.verdict(at, 'error', deviceId, `alert hook failed: ${String(error)}`);
      }
    }
  }

  /** A response with no open command: journalled as `late-response`, dropped, and told to the hooks. */
  late(arrivedAt: Date, deviceId: Eui, response: Buffer, p?: PendingCommand): void {
    const summary = p?.timedOutAt
      ? `late response (${arrivedAt.getTime() - p.timedOutAt.getTime()} ms after the time-out): dropped`
      : 'response to no command the CSP knows of: dropped';
    this.journal.verdict(arrivedAt, 'late-response', deviceId, summary, p?.command.requestId, response);
    const late: LateResponse = {
      deviceId,
      response,
      arrivedAt,
      ...(p && { requestId: p.command.requestId, sentAt: p.sentAt }),
      ...(p?.timedOutAt && { timedOutAt: p.timedOutAt }),
    };
    for (const hook of this.#lateHooks) {
      try {
        hook(late);
      } catch (error) {
        this.journal.verdict(arrivedAt, 'error', deviceId, `late-response hook failed: ${String(error)}`);
      }
    }
  }
}
