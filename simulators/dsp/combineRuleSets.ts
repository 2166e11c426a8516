import { isDeepStrictEqual } from 'node:util';
import { type DuisResponseCode, HarnessError } from '../core/errors.ts';
import type { RuleName } from './rules/Rule.ts';
import type { RegistrationSkip, RuleSet } from './RuleSet.ts';

/** Rule sets that change the same parameter differently: the parameters, each with who set what. */
export class RuleSetConflictError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E12';

  constructor(
    readonly ruleSet: string,
    readonly conflicts: readonly { readonly parameter: string; readonly setBy: readonly string[] }[],
  ) {
    const list = conflicts.map((c) => `${c.parameter} (set differently by ${c.setBy.join(' and ')})`).join('; ');
    super(`rule sets ${ruleSet} cannot be combined: ${list}`);
  }
}

/** Fields that are united rather than compared; every other field is a parameter. */
const NOT_PARAMETERS = new Set(['name', 'description', 'rules', 'registrationCheck', 'responseCodes', 'jobs']);

/**
 * Combines rule sets, each read as its changes to `base` (decision 0003: a rule set is data):
 * - `rules`: united – the first's rules in its order, each rule another adds inserted after the
 *   rule it follows there (at the start when it follows none);
 * - `registrationCheck.skip` and `jobs`: united, without duplicates;
 * - every parameter (`registrationCheck.appliesTo`, `supportedCommandVariants`, `serviceUrls`,
 *   `deviceRules`, `networkOperatorCheck`, each `responseCodes` entry, and any field added later):
 *   the value of whichever set changes it from `base`; two sets changing it to different values is
 *   a RuleSetConflictError naming the parameter and the sets.
 * The result is named `a+b`.
 */
export function combineRuleSets(base: RuleSet, parts: readonly RuleSet[]): RuleSet {
  const name = parts.map((p) => p.name).join('+');
  const conflicts: { parameter: string; setBy: string[] }[] = [];
  const pick = <T>(parameter: string, baseValue: T, valueOf: (r: RuleSet) => T): T => {
    const changed = parts.filter((p) => !isDeepStrictEqual(valueOf(p), baseValue));
    const first = changed[0];
    if (first === undefined) return baseValue;
    const disagree = changed.filter((p) => !isDeepStrictEqual(valueOf(p), valueOf(first)));
    if (disagree.length > 0) conflicts.push({ parameter, setBy: changed.map((p) => p.name) });
    return valueOf(first);
  };
  const parameters: Record<string, unknown> = {};
  const fields = new Set([base, ...parts].flatMap((r) => Object.keys(r)).filter((k) => !NOT_PARAMETERS.has(k)));
  for (const field of fields) {
    const value = pick(field, fieldOf(base, field), (r) => fieldOf(r, field));
    if (value !== undefined) parameters[field] = value;
  }
  const appliesTo = pick('registrationCheck.appliesTo', base.registrationCheck.appliesTo, (r) => r.registrationCheck.appliesTo);
  const responseCodes: Partial<Record<RuleName, DuisResponseCode>> = {};
  const codeRules = new Set([base, ...parts].flatMap((p) => Object.keys(p.responseCodes ?? {}) as RuleName[]));
  for (const rule of codeRules) {
    const code = pick(`responseCodes.${rule}`, base.responseCodes?.[rule], (r) => r.responseCodes?.[rule]);
    if (code !== undefined) responseCodes[rule] = code;
  }
  if (conflicts.length > 0) throw new RuleSetConflictError(name, conflicts);
  const jobs = unite(parts.map((p) => p.jobs ?? []));
  const combined = {
    ...base,
    ...parameters,
    name,
    description: `${name}: ${parts.map((p) => p.description).join('; ')}`,
    rules: mergeRules(parts.map((p) => p.rules)),
    registrationCheck: { appliesTo, skip: unite<RegistrationSkip>(parts.map((p) => p.registrationCheck.skip)) },
    ...(Object.keys(responseCodes).length > 0 && { responseCodes }),
    ...(jobs.length > 0 && { jobs }),
  } as RuleSet;
  return Object.freeze(combined);
}

function fieldOf(ruleSet: RuleSet, field: string): unknown {
  return (ruleSet as unknown as Record<string, unknown>)[field];
}

/** The lists' items in order of first appearance, deep-equal items once. */
function unite<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const item of lists.flat()) if (!out.some((o) => isDeepStrictEqual(o, item))) out.push(item);
  return out;
}

/** The first list's order; each rule only a later list has goes after the rule it follows there. */
export function mergeRules(lists: readonly (readonly RuleName[])[]): RuleName[] {
  const out: RuleName[] = [...(lists[0] ?? [])];
  for (const list of lists.slice(1)) {
    list.forEach((rule, i) => {
      if (out.includes(rule)) return;
      const before = list.slice(0, i).reverse().find((r) => out.includes(r));
      out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, rule);
    });
  }
  return out;
}
