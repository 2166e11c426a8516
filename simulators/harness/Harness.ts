import { setImmediate } from 'node:timers/promises';
import type { Clock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Journal } from '../core/Journal.ts';
import type { UserRole } from '../core/roles.ts';
import type { HttpDeliveryClient } from '../delivery/index.ts';
import type { Dsp } from '../dsp/Dsp.ts';
import { type RuleSet, ruleSetNamed } from '../dsp/RuleSet.ts';
import type { Estate } from '../estate/Estate.ts';
import type { RunningServer } from '../http/httpServer.ts';
import type { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import type { RegistrationStore } from '../rdp/RegistrationStore.ts';
import type { S1spDirectory } from '../s1sp/index.ts';
import type { Fleet } from '../smets2/index.ts';
import { assemble, closeParts, type HarnessParts, type InProcessParts } from './assemble.ts';
import type { HarnessCsp } from './harnessCsp.ts';
import { type HarnessOptions, type HarnessTime, resolveOptions } from './harnessOptions.ts';
import { startHarnessServer } from './harnessServer.ts';
import { DEFAULT_SETTINGS, type PostCommissioningSettings } from '../postcommissioning/settings.ts';

/** A DCC User of the running estate, as a tester lists them. */
export interface HarnessUser {
  readonly name: string;
  readonly eui: Eui;
  readonly roles: readonly UserRole[];
  readonly responseUrl?: string;
}

/**
 * The running estate, built by one function for the CLI, Gherkin and benchmarks alike
 * (architecture.md, "Composition"): `await Harness.start(options)`, use the parts, `await close()`.
 * Simulated time (the default) moves only through `advance` and `drain`.
 */
export class Harness {
  readonly estate: Estate;
  readonly journal: Journal;
  readonly registrations: RegistrationStore;
  readonly inventory: SmartMeteringInventory;
  readonly fleet: Fleet;
  readonly csp: HarnessCsp;
  readonly s1sps: S1spDirectory;
  readonly delivery: HttpDeliveryClient;
  readonly dsp: Dsp;
  readonly time: HarnessTime;
  /** With `signing: 'in-process'` (decision 0009): the DSP's channel for in-process Users and their outbox. */
  readonly inProcess: InProcessParts | undefined;
  /** The post-commissioning settings the estate is judged under: its population's, else the [assumed] defaults. */
  readonly postCommissioning: PostCommissioningSettings;
  readonly #parts: HarnessParts;
  readonly #server: RunningServer | undefined;
  #closed = false;

  private constructor(parts: HarnessParts, time: HarnessTime, server: RunningServer | undefined, settings: PostCommissioningSettings) {
    this.#parts = parts;
    this.postCommissioning = settings;
    this.#server = server;
    this.time = time;
    this.estate = parts.estate;
    this.journal = parts.journal;
    this.registrations = parts.registrations;
    this.inventory = parts.inventory;
    this.fleet = parts.fleet;
    this.s1sps = parts.s1sps;
    this.delivery = parts.delivery;
    this.dsp = parts.dsp;
    this.inProcess = parts.inProcess;
    this.csp = { scheduler: parts.csp.scheduler, network: parts.csp.network, gateway: parts.csp.gateway };
  }

  /** Builds and starts the estate; with `http`, listens (see `url`). Refuses bad options naming them. */
  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const resolved = resolveOptions(options);
    const parts = await assemble(resolved);
    let server: RunningServer | undefined;
    if (resolved.http) {
      try {
        server = await startHarnessServer(parts, resolved.http, resolved.population.postCommissioning);
      } catch (error) {
        await closeParts(parts);
        throw error;
      }
    }
    return new Harness(parts, resolved.time, server, resolved.population.postCommissioning ?? DEFAULT_SETTINGS);
  }

  /** The base URL of the HTTP server (`http://127.0.0.1:port`); undefined without `http`. */
  get url(): string | undefined {
    return this.#server?.url;
  }

  get clock(): Clock {
    return this.estate.clock;
  }

  get ruleSet(): RuleSet {
    return this.dsp.ruleSet;
  }

  /**
   * Moves simulated time on by `ms` through the CSP's scheduler (deliveries, time-outs, device timers
   * on the way, in order), then waits for what the DSP and the delivery client can finish without
   * more simulated time. Commands still waiting for the WAN stay open for a later advance.
   */
  async advance(ms: number): Promise<Date> {
    const scheduler = this.#parts.csp.simulated;
    if (scheduler === undefined) throw new InvalidInputError('time', "'simulated' to advance time (this harness runs on the wall clock)", this.time);
    await scheduler.advance(ms);
    await this.#settle();
    return this.clock.now();
  }

  /**
   * Runs simulated time until every command sent has its outcome (or up to `limitMs` ahead), then
   * waits until the DSP has reported every outcome and the delivery client has POSTed it (or kept
   * it as undeliverable). On the wall clock: waits for the same in real time.
   */
  async drain(options: { readonly limitMs?: number } = {}): Promise<Date> {
    await this.#parts.csp.simulated?.drain(options);
    await this.#settle();
    return this.clock.now();
  }

  /** Every DCC User: name, EUI, roles and response URL. */
  users(): HarnessUser[] {
    return this.#parts.users.list().map((u) => ({
      name: u.name,
      eui: u.eui,
      roles: u.roles,
      ...(u.responseUrl !== undefined && { responseUrl: u.responseUrl }),
    }));
  }

  /** One User, by EUI or party name. */
  user(who: Eui | string): HarnessUser {
    const eui = this.#userEui(who);
    return this.users().find((u) => u.eui.equals(eui))!;
  }

  /** Where the DSP POSTs this User's responses and alerts from now on (retries included). */
  setResponseUrl(who: Eui | string, url: string): HarnessUser {
    this.#parts.users.setResponseUrl(this.#userEui(who), url);
    return this.user(who);
  }

  /** Switches the DSP's rule set by name; an unknown name is refused, listing the known ones. */
  useRuleSet(name: string): RuleSet {
    const ruleSet = ruleSetNamed(name);
    this.dsp.useRuleSet(ruleSet);
    return ruleSet;
  }

  /**
   * Stops everything: the HTTP server (and its connections), the CSP (open commands become
   * unreachable) and its timers, the alert hook, the delivery client (what it still holds is kept
   * as undeliverable). Afterwards nothing listens and no timer keeps the process alive.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#server?.close();
    await closeParts(this.#parts);
  }

  async #settle(): Promise<void> {
    const simulated = this.#parts.csp.simulated !== undefined;
    // An exchange whose outcome has come has only in-process work left (signing, the hand-over to
    // delivery); one still waiting for the WAN would keep `dsp.idle()` waiting for simulated time.
    if (!simulated || this.csp.network.openCommands === 0) await this.dsp.idle();
    else await setImmediate();
    await this.delivery.idle();
    await this.inProcess?.outbox.idle();
  }

  #userEui(who: Eui | string): Eui {
    let eui: Eui;
    if (who instanceof Eui) eui = who;
    else {
      try {
        eui = Eui.parse(who, 'User');
      } catch {
        eui = this.estate.parties.byName(who).eui;
      }
    }
    if (this.#parts.users.get(eui) === undefined) {
      throw new InvalidInputError('User', 'a DCC User of the estate (a party with a User Role)', who.toString());
    }
    return eui;
  }
}
