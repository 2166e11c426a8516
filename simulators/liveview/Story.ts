import { InvalidInputError } from '../core/errors.ts';
import type { Harness, PopulationData } from '../harness/index.ts';
import type { StoryView } from './messages.ts';

/**
 * A story the live view can replay (the port): what estate it starts from, and an async function
 * that runs its requests against a harness started for it (HTTP on 127.0.0.1, simulated time, the
 * rule set the page chose). It returns one line for the room: what came of it.
 */
export interface Story {
  /** `wrong-no-smets1`: what the page and the control message call it. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The homes of the fresh estate; none means an estate with parties and no devices. */
  readonly population?: PopulationData;
  run(harness: Harness): Promise<StoryOutcome>;
}

export interface StoryOutcome {
  /** `refused E4: …` or `accepted: the NO slots now hold …`. */
  readonly summary: string;
}

/** The stories a live view offers, by name. */
export class StoryRegistry {
  readonly #stories = new Map<string, Story>();

  constructor(stories: readonly Story[] = []) {
    for (const story of stories) this.add(story);
  }

  add(story: Story): this {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(story.name)) {
      throw new InvalidInputError('story.name', 'lower-case letters, digits and hyphens (e.g. wrong-no-smets1)', story.name);
    }
    if (this.#stories.has(story.name)) throw new InvalidInputError('story.name', 'a name not yet registered', story.name);
    this.#stories.set(story.name, story);
    return this;
  }

  /** The story by name; an unknown name is refused, listing the known ones. */
  get(name: string): Story {
    const story = this.#stories.get(name);
    if (story === undefined) throw new InvalidInputError('story', `one of ${this.names().join(', ') || '(none registered)'}`, name);
    return story;
  }

  names(): string[] {
    return [...this.#stories.keys()];
  }

  list(): StoryView[] {
    return [...this.#stories.values()].map((s) => ({ name: s.name, title: s.title, description: s.description }));
  }
}
