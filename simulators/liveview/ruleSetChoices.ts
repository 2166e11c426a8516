import { RULE_SET_NAMES, ruleSetNamed } from '../dsp/index.ts';

/** The DSP's rule set names, then every combination of the non-baseline ones it accepts (`mp107-r1+secmp0063`). */
export function ruleSetChoices(names: readonly string[] = RULE_SET_NAMES): string[] {
  const others = names.filter((n) => n !== 'baseline');
  const combinations: string[] = [];
  if (others.length <= 6) {
    for (let mask = 1; mask < 1 << others.length; mask++) {
      const parts = others.filter((_, i) => (mask & (1 << i)) !== 0);
      if (parts.length < 2) continue;
      const name = parts.join('+');
      try {
        ruleSetNamed(name);
        combinations.push(name);
      } catch {
        // two sets that change the same setting differently do not combine
      }
    }
  }
  return [...names, ...combinations.sort((a, b) => a.split('+').length - b.split('+').length)];
}
