import { type IWorldOptions, setWorldConstructor, World } from '@cucumber/cucumber';
import { SimulatedClock } from '../simulators/core/clock.ts';
import type { Verdict } from '../simulators/core/verdict.ts';
import { loadDefaultEstate } from '../simulators/estate/defaultEstate.ts';
import type { Estate } from '../simulators/estate/Estate.ts';
import type { Party } from '../simulators/estate/Party.ts';
import type { KeyStore } from '../simulators/keystore/index.ts';
import type { X509Certificate } from '../simulators/smki/index.ts';
import type { RuleSet } from '../simulators/dsp/RuleSet.ts';
import { DeviceBench } from './support/DeviceBench.ts';
import { StoryWorld } from './support/StoryWorld.ts';

/**
 * One World owns every handle a scenario uses; steps are one-liners into it. Time is simulated
 * and starts at the harness epoch unless a step pins it.
 */
export class HarnessWorld extends World {
  readonly clock = new SimulatedClock();
  #estate: Estate | undefined;

  /** What the last step produced, for the Then steps to read. */
  certificate: X509Certificate | undefined;
  verdict: Verdict | undefined;
  error: unknown;
  result: unknown;
  otherKeyStore: KeyStore | undefined;
  #devices: DeviceBench | undefined;
  #story: StoryWorld | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  async useDefaultEstate(): Promise<Estate> {
    this.#estate = await loadDefaultEstate({ clock: this.clock });
    return this.#estate;
  }

  get estate(): Estate {
    if (this.#estate === undefined)
      throw new Error('No estate: start the scenario with "Given the default estate"');
    return this.#estate;
  }

  /** SMETS2 devices driven directly with GBCS (device-level scenarios). */
  get devices(): DeviceBench {
    this.#devices ??= new DeviceBench(this.estate);
    return this.#devices;
  }

  party(name: string): Party {
    return this.#story?.party(name) ?? this.estate.parties.byName(name);
  }

  /** End-to-end scenarios: a running estate under `ruleSet`, driven over HTTP as its Users drive it. */
  async startStory(ruleSet: RuleSet): Promise<StoryWorld> {
    await this.#story?.close();
    this.#story = undefined;
    this.#story = await StoryWorld.start(ruleSet);
    return this.#story;
  }

  get story(): StoryWorld {
    if (this.#story === undefined) throw new Error('No running estate: start the scenario with "Given the estate runs under the "baseline" rules"');
    return this.#story;
  }

  /** The running story, if the scenario started one (for the After hooks). */
  get storyIfStarted(): StoryWorld | undefined {
    return this.#story;
  }

  /** Runs an action that may be refused, keeping the result or the error for the Then steps. */
  async attempt(action: () => unknown): Promise<void> {
    this.error = undefined;
    this.result = undefined;
    try {
      this.result = await action();
    } catch (error) {
      this.error = error;
    }
  }
}

setWorldConstructor(HarnessWorld);
