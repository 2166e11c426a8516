import { StoryRegistry } from '../Story.ts';
import { wrongNoSmets1 } from './wrongNoSmets1.ts';

export { wrongNoSmets1 } from './wrongNoSmets1.ts';

/** The stories every live view offers. */
export function builtInStories(): StoryRegistry {
  return new StoryRegistry([wrongNoSmets1]);
}
