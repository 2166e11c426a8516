import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { WanRegion } from './regions.ts';

export type FrameKind = 'command' | 'response' | 'alert';

/**
 * The CSP's lane in the journal (`via: 'CSP'`): one entry per GBCS frame crossing the WAN – `command`,
 * `response` or `alert` when it arrives, `lost` when the WAN loses it – plus the CSP's own verdicts:
 * `unreachable`, `timeout`, `late-response`.
 */
export class CspJournal {
  constructor(readonly journal: Journal | undefined) {}

  /** A frame arrived at the other end. */
  carried(at: Date, kind: FrameKind, region: WanRegion, deviceId: Eui, bytes: Buffer, latencyMs: number, requestId?: RequestId): void {
    const [from, to] = kind === 'command' ? ['DSP', deviceId.toString()] : [deviceId.toString(), 'DSP'];
    this.#append(at, from, to, kind, `${kind} carried by CSP ${region} in ${latencyMs} ms`, deviceId, requestId, bytes);
  }

  /** A frame the WAN lost (random loss, or an outage). */
  lost(at: Date, kind: FrameKind, region: WanRegion, deviceId: Eui, bytes: Buffer, why: string, requestId?: RequestId): void {
    const [from, to] = kind === 'command' ? ['DSP', deviceId.toString()] : [deviceId.toString(), 'DSP'];
    this.#append(at, from, to, 'lost', `${kind} lost by CSP ${region}: ${why}`, deviceId, requestId, bytes);
  }

  /** The CSP's own verdict on a command (`unreachable`, `timeout`) or on a frame (`late-response`). */
  verdict(at: Date, kind: string, deviceId: Eui, summary: string, requestId?: RequestId, bytes?: Buffer): void {
    this.#append(at, 'CSP', 'DSP', kind, summary, deviceId, requestId, bytes);
  }

  #append(at: Date, from: string, to: string, kind: string, summary: string, deviceId: Eui, requestId?: RequestId, bytes?: Buffer): void {
    const journal = this.journal;
    if (journal === undefined) return;
    journal.append({
      at,
      via: 'CSP',
      from,
      to,
      kind,
      summary,
      deviceId: deviceId.toString(),
      ...(requestId && { requestId: requestId.toString() }),
      ...(bytes && journal.keepsPayload('CSP') && { payload: bytes.toString('hex') }),
    });
  }
}
