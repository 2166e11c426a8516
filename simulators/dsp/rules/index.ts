import type { DuisResponseCode } from '../../core/errors.ts';
import type { RuleSet } from '../RuleSet.ts';
import { counterIncreases, preCommandMatches } from './counterRules.ts';
import { deviceKnown, deviceStatus, deviceType } from './deviceRules.ts';
import { networkOperatorCertificate } from './networkOperatorCertificate.ts';
import { registrationData } from './registrationData.ts';
import { commandVariant, requestFormat, serviceUrl } from './requestRules.ts';
import type { Rule, RuleContext, RuleName } from './Rule.ts';
import { roleEligible, userActive, userKnown } from './userRules.ts';

export * from './Rule.ts';

/** Every rule by name: a rule set refers to these. */
export const RULES: Readonly<Record<RuleName, Rule>> = Object.freeze({
  'user-known': userKnown,
  'user-active': userActive,
  'role-eligible': roleEligible,
  'command-variant': commandVariant,
  'service-url': serviceUrl,
  'request-format': requestFormat,
  'counter-increases': counterIncreases,
  'pre-command-matches': preCommandMatches,
  'device-known': deviceKnown,
  'device-status': deviceStatus,
  'device-type': deviceType,
  'registration-data': registrationData,
  'network-operator-certificate': networkOperatorCertificate,
});

/** The first refusal of the rule set's rules, in its order, or undefined when every rule passes. */
export interface PipelineRefusal {
  readonly rule: RuleName;
  readonly code: DuisResponseCode;
  readonly message: string;
}

export function runPipeline(ruleSet: RuleSet, ctx: RuleContext): PipelineRefusal | undefined {
  for (const name of ruleSet.rules) {
    const rule = RULES[name];
    if (rule === undefined) throw new RangeError(`rule set ${ruleSet.name}: no rule named ${name}`);
    const outcome = rule(ctx);
    if (!outcome.pass) {
      return { rule: name, code: ruleSet.responseCodes?.[name] ?? outcome.code, message: outcome.message };
    }
  }
  return undefined;
}
