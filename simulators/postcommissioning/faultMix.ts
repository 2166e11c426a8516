/**
 * A population's mix of post-commissioning causes: the share of devices that get each scenario
 * (the rest are clean), drawn per device from a seeded generator so a batch is reproducible.
 */
import { InvalidInputError } from '../core/errors.ts';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './scenarios.ts';

/** Shares from 0 to 1 per scenario; they add up to at most 1 and `clean` takes the rest. */
export type FaultMix = Readonly<Partial<Record<ScenarioName, number>>>;

/** A mix from data: `{ responseTimeout: 0.025, handover: '1%' }` (fractions or percentages). */
export function parseFaultMix(data: unknown, field = 'mix'): FaultMix {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InvalidInputError(field, 'a mapping of scenario names to shares', data);
  const mix: Partial<Record<ScenarioName, number>> = {};
  let total = 0;
  for (const [name, value] of Object.entries(data)) {
    if (!isScenarioName(name)) throw new InvalidInputError(field, `scenario names (${SCENARIO_NAMES.join(', ')})`, name);
    const share = shareOf(value, `${field}.${name}`);
    mix[name] = share;
    if (name !== 'clean') total += share;
  }
  if (total > 1 + 1e-9) throw new InvalidInputError(field, 'shares adding up to at most 1 (100%)', total);
  return mix;
}

function shareOf(value: unknown, field: string): number {
  const n = typeof value === 'string' && value.trim().endsWith('%') ? Number(value.trim().slice(0, -1)) / 100 : Number(value);
  if (typeof value === 'boolean' || value === null || value === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidInputError(field, 'a share from 0 to 1, or a percentage such as 2.5%', value);
  }
  return n;
}

/** One scenario per device: each draws from the mix with a seeded generator (mulberry32). */
export function assignScenarios(count: number, mix: FaultMix, seed: number): ScenarioName[] {
  const random = mulberry32(seed);
  const entries = SCENARIO_NAMES.filter((s) => s !== 'clean' && (mix[s] ?? 0) > 0).map((s) => [s, mix[s]!] as const);
  return Array.from({ length: count }, () => {
    let x = random();
    for (const [scenario, share] of entries) {
      if (x < share) return scenario;
      x -= share;
    }
    return 'clean';
  });
}

/**
 * Exactly `round(share × count)` devices per scenario (largest remainders, so the counts add up),
 * placed at random positions with the seed: the mix without sampling noise.
 */
export function assignScenariosExactly(count: number, mix: FaultMix, seed: number): ScenarioName[] {
  const names = SCENARIO_NAMES.filter((s) => s !== 'clean' && (mix[s] ?? 0) > 0);
  const wanted = names.map((s) => mix[s]! * count);
  const counts = wanted.map(Math.floor);
  const byRemainder = names.map((_, i) => i).sort((a, b) => wanted[b]! - counts[b]! - (wanted[a]! - counts[a]!));
  const total = wanted.reduce((a, b) => a + b, 0);
  // Largest remainders first; the number of extras is fixed before the loop changes `counts`.
  const extras = Math.round(total) - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < extras; k++) counts[byRemainder[k]!]! += 1;
  const out: ScenarioName[] = names.flatMap((s, i) => Array<ScenarioName>(counts[i]!).fill(s));
  while (out.length < count) out.push('clean');
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** How many devices got each scenario. */
export function countScenarios(assigned: readonly ScenarioName[]): Partial<Record<ScenarioName, number>> {
  const counts: Partial<Record<ScenarioName, number>> = {};
  for (const s of assigned) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** A small, fast, seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
