import type { DuisResponseCode } from '../core/errors.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { CommandVariant } from '../core/Srv.ts';
import type { DuisRemotePartyRole } from '../duis/index.ts';
import type { SmetsVersion } from '../inventory/enumerations.ts';
import { DEFAULT_DEVICE_RULES, type DeviceRule } from './deviceRules.ts';
import type { DuisService } from './DspAnswer.ts';
import type { RuleName } from './rules/Rule.ts';

/** Which requests the Registration Data check (SEC Appendix AB 6.1) applies to. */
export type RegistrationScope = 'nonCritical' | 'smets1Critical' | 'smets2Critical';

/** Requests that skip the Registration Data check: every given field must match. */
export interface RegistrationSkip {
  readonly srv: string;
  readonly smetsVersion?: SmetsVersion;
  /** The roles whose trust anchor cells the request replaces; all of them must be in this list. */
  readonly targets?: readonly DuisRemotePartyRole[];
}

/**
 * A DSP policy as data (decision 0003): which SRPD rules run, in which order, and their
 * parameters. `baseline`, `mp107-r1` and `secmp0063` differ here, never in `if` statements.
 */
export interface RuleSet {
  readonly name: string;
  readonly description: string;
  readonly rules: readonly RuleName[];
  /**
   * Command variants the harness carries out. Local delivery (CV 2, 3, 6, 7) is not simulated:
   * `command-variant` refuses it with E12 saying so.
   */
  readonly supportedCommandVariants: readonly CommandVariant[];
  /** Which command variants each web service takes (`service-url`, E13). */
  readonly serviceUrls: Readonly<Record<DuisService, readonly CommandVariant[]>>;
  /** Device types and statuses each device SRV applies to (`device-type` E11, `device-status` E5). */
  readonly deviceRules: Readonly<Record<string, DeviceRule>>;
  readonly registrationCheck: {
    readonly appliesTo: readonly RegistrationScope[];
    readonly skip: readonly RegistrationSkip[];
  };
  /** Response codes that differ from the rules' defaults, e.g. a harness-defined code for a new check. */
  readonly responseCodes?: Readonly<Partial<Record<RuleName, DuisResponseCode>>>;
}

/** Freezes a rule set (its definition is typed, so rule names and fields are checked). */
export function defineRuleSet(ruleSet: RuleSet): RuleSet {
  return Object.freeze(ruleSet);
}

/** The SRPD checks as the project reads SEC Appendix AB today. */
export const BASELINE: RuleSet = defineRuleSet({
  name: 'baseline',
  description: 'SRPD validation as today: the Registration Data check on Non-Critical and SMETS1 Critical requests',
  rules: [
    'user-known',
    'user-active',
    'role-eligible',
    'command-variant',
    'service-url',
    'request-format',
    'counter-increases',
    'pre-command-matches',
    'device-known',
    'device-status',
    'device-type',
    'registration-data',
  ],
  supportedCommandVariants: [1, 4, 5, 8],
  // As DCC's own DUIS tooling (duis-parser's command-variant table) routes them.
  serviceUrls: { S: [1, 3, 5, 7], T: [4], D: [2, 6, 8] },
  deviceRules: DEFAULT_DEVICE_RULES,
  registrationCheck: { appliesTo: ['nonCritical', 'smets1Critical'], skip: [] },
});

/**
 * MP107 Requirement 1: no Registration Data check for SRV 6.15.1 to SMETS1 devices where it
 * replaces Network Operator certificates (so a wrongly placed NO can be corrected by its owner).
 */
export const MP107_R1: RuleSet = defineRuleSet({
  ...BASELINE,
  name: 'mp107-r1',
  description:
    'MP107 Requirement 1: SRV 6.15.1 to a SMETS1 device replacing Network Operator certificates skips the Registration Data check',
  registrationCheck: {
    ...BASELINE.registrationCheck,
    skip: [{ srv: '6.15.1', smetsVersion: 'SMETS1', targets: ['NetworkOperator'] }],
  },
});

/** The built-in rule sets by name. */
export const RULE_SETS: Readonly<Record<string, RuleSet>> = Object.freeze({
  [BASELINE.name]: BASELINE,
  [MP107_R1.name]: MP107_R1,
});

export function ruleSetNamed(name: string): RuleSet {
  const found = RULE_SETS[name];
  if (found === undefined) {
    throw new InvalidInputError('rule set', `one of ${Object.keys(RULE_SETS).join(', ')}`, name);
  }
  return found;
}
