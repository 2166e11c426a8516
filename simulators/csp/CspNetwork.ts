import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import type { DeviceCommand, DeviceOutcome } from '../dsp/ports.ts';
import { CspJournal } from './CspJournal.ts';
import { CspListeners } from './CspListeners.ts';
import type { DeviceEmission, DeviceReply, DeviceSide } from './DeviceSide.ts';
import { alertOf } from './frames.ts';
import type { CspAlertHook, LateResponseHook } from './hooks.ts';
import { type PendingCommand, PendingCommands } from './PendingCommands.ts';
import type { Random } from './random.ts';
import { RegionLinks } from './RegionLinks.ts';
import type { RegionSettings, RegionSettingsData, WanRegion } from './regions.ts';
import { wanRegionOf } from './regions.ts';
import type { Scheduler } from './Scheduler.ts';

export interface CspNetworkOptions {
  /** Time: a SimulatedScheduler in tests and scenarios, a SystemScheduler for standalone servers. */
  readonly scheduler: Scheduler;
  /** A device's CSP region as the inventory has it (e.g. `inventory.cspRegionOf`); a throw means none. */
  readonly regionOf: (deviceId: Eui) => string | undefined;
  readonly journal?: Journal;
  /** Per region; a region not given is a perfect WAN (DEFAULT_REGION_SETTINGS). */
  readonly settings?: Partial<Record<WanRegion, RegionSettingsData>>;
  /** For jitter and loss; default a fixed-seed generator, so runs repeat. */
  readonly random?: Random;
}

interface Frame {
  readonly kind: 'response' | 'alert';
  readonly bytes: Buffer;
}

/** The immediate answer to a command, travelling back with the frames it came with. */
interface Answer {
  readonly pending: PendingCommand;
  readonly reply: DeviceReply;
}

/**
 * The CSP: the WAN between the DSP and SMETS2 devices, per region. A command enters the WAN when
 * sent and reaches the device side one latency later; what the device sends back enters the WAN
 * when the device sends it and arrives one more latency later. Each GBCS frame may be lost; nothing
 * enters a region during an outage. The outcome of each command is reported once: its response
 * (with the alerts that came before it), its alerts alone (`refused`), `unreachable` (no route,
 * outage, device offline) or `timeout` (nothing within the region's response time-out).
 * All time is the scheduler's.
 */
export class CspNetwork {
  readonly scheduler: Scheduler;
  readonly links: RegionLinks;
  readonly #regionOf: (deviceId: Eui) => string | undefined;
  readonly #journal: CspJournal;
  readonly #sides = new Map<WanRegion, DeviceSide>();
  readonly #pending = new PendingCommands();
  readonly #wakes = new Map<DeviceSide, Set<number>>();
  readonly #listeners: CspListeners;
  #closed = false;

  constructor(options: CspNetworkOptions) {
    this.scheduler = options.scheduler;
    this.links = new RegionLinks(options.settings, options.random);
    this.#regionOf = options.regionOf;
    this.#journal = new CspJournal(options.journal);
    this.#listeners = new CspListeners(this.#journal);
  }

  /** Connects a region's WAN to a device side (several regions may share one); replaces any before. */
  attach(region: WanRegion, side: DeviceSide): void {
    this.#sides.set(region, side);
  }

  /** Disconnects a region (only if `side` is the one attached, when given). */
  detach(region: WanRegion, side?: DeviceSide): void {
    if (side === undefined || this.#sides.get(region) === side) this.#sides.delete(region);
  }

  settings(region: WanRegion): RegionSettings {
    return this.links.settings(region);
  }

  /** Changes a region's latency, loss, outages or time-out while running (what is not given stays). */
  configure(region: WanRegion, settings: RegionSettingsData): RegionSettings {
    return this.links.configure(region, settings);
  }

  /** Unsolicited device alerts (see CspAlertHook); returns the unsubscribe function. */
  onAlert(hook: CspAlertHook): () => void {
    return this.#listeners.onAlert(hook);
  }

  /** Responses that came after their command's time-out; returns the unsubscribe function. */
  onLateResponse(hook: LateResponseHook): () => void {
    return this.#listeners.onLateResponse(hook);
  }

  /** The WAN region serving a device, if any. */
  regionOf(deviceId: Eui): WanRegion | undefined {
    try {
      return wanRegionOf(this.#regionOf(deviceId));
    } catch {
      return undefined;
    }
  }

  /** Commands whose outcome is still to come. */
  get openCommands(): number {
    return this.#pending.size;
  }

  /** Carries a command to its device; resolves once with the outcome (never rejects). */
  send(command: DeviceCommand): Promise<DeviceOutcome> {
    const now = this.#now();
    const id = command.deviceId;
    const region = this.regionOf(id);
    if (this.#closed) return this.#refuse(command, 'the CSP is closed');
    if (region === undefined) return this.#refuse(command, `device ${id} has no SMETS2 CSP region`);
    if (!this.#sides.has(region)) return this.#refuse(command, `no device host is connected to CSP ${region}`);
    const passage = this.links.pass(region, now, 1);
    if (passage.kind === 'outage')
      return this.#refuse(command, `CSP ${region} is in an outage until ${passage.until.toISOString()}`, command.bytes);
    const p = this.#pending.add(command, region, new Date(now));
    const timeoutMs = this.links.settings(region).responseTimeoutMs;
    p.cancelTimeout = this.scheduler.schedule(now + timeoutMs, () => this.#timeOut(p, timeoutMs));
    if (passage.lost[0]) this.#journal.lost(new Date(now), 'command', region, id, command.bytes, 'lost in transit', command.requestId);
    else this.scheduler.schedule(passage.at, () => this.#reach(p, passage.latencyMs));
    return p.outcome;
  }

  /** Runs every device side's due timers now (after the clock was moved outside the scheduler). */
  tickDevices(): Promise<void> {
    const sides = new Set(this.#sides.values());
    return this.scheduler.hold(Promise.all([...sides].map((s) => this.#tick(s))).then(() => undefined));
  }

  /** Reports every open command `unreachable` and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const p of this.#pending.all()) this.#unreachable(p, 'the CSP closed');
  }

  async #reach(p: PendingCommand, latencyMs: number): Promise<void> {
    const { deviceId, bytes, requestId } = p.command;
    const side = this.#sides.get(p.region);
    if (side === undefined) return this.#unreachable(p, `no device host is connected to CSP ${p.region}`);
    this.#journal.carried(new Date(this.#now()), 'command', p.region, deviceId, bytes, latencyMs, requestId);
    let reply: DeviceReply;
    try {
      reply = await side.command(deviceId, bytes, new Date(this.#now()));
    } catch (error) {
      return this.#unreachable(p, `the device host failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (reply.wakeAt) this.#wake(side, reply.wakeAt.getTime());
    this.#uplink(p.region, deviceId, reply.response ? [reply.response] : [], reply.alerts, { pending: p, reply });
  }

  /** Frames a device sent at once enter the WAN towards the DSP. */
  #uplink(region: WanRegion, deviceId: Eui, responses: readonly Buffer[], alerts: readonly Buffer[], answer?: Answer): void {
    const now = this.#now();
    const frames: Frame[] = [...alerts.map((bytes) => ({ kind: 'alert' as const, bytes })), ...responses.map((bytes) => ({ kind: 'response' as const, bytes }))];
    const passage = this.links.pass(region, now, frames.length);
    const about = answer?.pending.command.requestId;
    if (passage.kind === 'outage') {
      const why = `outage until ${passage.until.toISOString()}`;
      for (const f of frames) this.#journal.lost(new Date(now), f.kind, region, deviceId, f.bytes, why, about);
      const stranded = answer ? [answer.pending] : responses.map((r) => this.#pending.match(deviceId.hex, r));
      for (const p of stranded) if (p?.open) this.#unreachable(p, `the answer was lost: CSP ${region} in an ${why}`);
      return;
    }
    frames.forEach((f, i) => {
      if (passage.lost[i]) this.#journal.lost(new Date(now), f.kind, region, deviceId, f.bytes, 'lost in transit', about);
    });
    const carried = frames.filter((_, i) => !passage.lost[i]);
    this.scheduler.schedule(passage.at, () => this.#arrive(region, deviceId, carried, passage.latencyMs, answer));
  }

  #arrive(region: WanRegion, deviceId: Eui, frames: readonly Frame[], latencyMs: number, answer?: Answer): void {
    const now = new Date(this.#now());
    for (const f of frames) {
      const p = answer?.pending ?? (f.kind === 'response' ? this.#pending.match(deviceId.hex, f.bytes) : undefined);
      this.#journal.carried(now, f.kind, region, deviceId, f.bytes, latencyMs, p?.command.requestId);
      if (f.kind === 'alert') {
        if (p?.open) p.alerts.push(alertOf(f.bytes));
        else this.#listeners.alert(now, deviceId, f.bytes, p);
      } else if (p?.open) {
        this.#settle(p, { kind: 'response', response: f.bytes, ...(p.alerts.length > 0 && { alerts: [...p.alerts] }) });
      } else this.#listeners.late(now, deviceId, f.bytes, p);
    }
    const p = answer?.pending;
    if (!p?.open) return;
    if (answer!.reply.disposition === 'unreachable') this.#unreachable(p, answer!.reply.reason ?? `device ${deviceId} unreachable`);
    else if (answer!.reply.disposition === 'refused' && p.alerts.length > 0) this.#settle(p, { kind: 'alerts', alerts: [...p.alerts] });
  }

  #timeOut(p: PendingCommand, timeoutMs: number): void {
    if (!p.open) return;
    const now = new Date(this.#now());
    p.timedOutAt = now;
    const reason = `no answer from device ${p.command.deviceId} within ${timeoutMs} ms (CSP ${p.region})`;
    this.#journal.verdict(now, 'timeout', p.command.deviceId, reason, p.command.requestId);
    this.#settle(p, { kind: 'timeout', reason });
    for (const alert of p.alerts) this.#listeners.alert(now, p.command.deviceId, alert.bytes, p);
  }

  #wake(side: DeviceSide, at: number): void {
    const t = Math.max(at, this.#now());
    const due = this.#wakes.get(side) ?? new Set<number>();
    this.#wakes.set(side, due);
    if (due.has(t)) return;
    due.add(t);
    this.scheduler.schedule(t, () => {
      due.delete(t);
      return this.#tick(side);
    });
  }

  async #tick(side: DeviceSide): Promise<void> {
    const home = [...this.#sides].find(([, s]) => s === side)?.[0];
    let emissions: readonly DeviceEmission[];
    try {
      emissions = await side.tick(new Date(this.#now()));
    } catch {
      return; // a device host gone away: its devices' timers are its own business now
    }
    for (const e of emissions) {
      const region = this.regionOf(e.deviceId) ?? home;
      if (region !== undefined) this.#uplink(region, e.deviceId, e.responses, e.alerts);
    }
  }

  #unreachable(p: PendingCommand, reason: string): void {
    if (!p.open) return;
    this.#journal.verdict(new Date(this.#now()), 'unreachable', p.command.deviceId, reason, p.command.requestId);
    this.#settle(p, { kind: 'unreachable', reason });
  }

  #settle(p: PendingCommand, outcome: DeviceOutcome): void {
    if (p.settle(outcome)) this.#pending.close(p);
  }

  #refuse(command: DeviceCommand, reason: string, bytes?: Buffer): Promise<DeviceOutcome> {
    this.#journal.verdict(new Date(this.#now()), 'unreachable', command.deviceId, reason, command.requestId, bytes);
    return Promise.resolve({ kind: 'unreachable', reason });
  }

  #now(): number {
    return this.scheduler.clock.now().getTime();
  }
}
