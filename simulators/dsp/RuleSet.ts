import type { DuisResponseCode } from '../core/errors.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { CommandVariant } from '../core/Srv.ts';
import type { DuisRemotePartyRole } from '../duis/index.ts';
import type { SmetsVersion } from '../inventory/enumerations.ts';
import type { RegistrationRole } from '../rdp/Registration.ts';
import { combineRuleSets } from './combineRuleSets.ts';
import { DEFAULT_DEVICE_RULES, type DeviceRule } from './deviceRules.ts';
import type { DuisService } from './DspAnswer.ts';
import { DEFAULT_NETWORK_OPERATOR_CHECK, SECMP0063_RESPONSE_CODE } from './rules/networkOperatorCertificate.ts';
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

/** The Registration Data role whose party should own a device's Network Operator cells. */
export type NetworkOperatorRole = Extract<RegistrationRole, 'networkOperator' | 'gasTransporter'>;

/** Parameters of `network-operator-certificate` (SECMP0063). */
export interface NetworkOperatorCertificateCheck {
  /** The SRVs whose Network Operator replacements are checked. */
  readonly srvs: readonly string[];
  /** Device types checked, and whose registration names the owner; other types are not checked. */
  readonly deviceTypes: Readonly<Record<string, NetworkOperatorRole>>;
  /** When Registration Data names nobody for the device's meter points (or it has none): refuse or let it pass. */
  readonly whenNoneRegistered: 'refuse' | 'accept';
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
  /** Parameters of `network-operator-certificate`; default DEFAULT_NETWORK_OPERATOR_CHECK. */
  readonly networkOperatorCheck?: NetworkOperatorCertificateCheck;
  /**
   * One-off DCC jobs this policy makes available (e.g. `mp107-r2`, the S1SP's NO slot
   * correction). The DSP does not run them: whoever composes the estate offers them.
   */
  readonly jobs?: readonly string[];
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

/**
 * MP107 Requirement 2: the SRPD checks unchanged, plus the one-off DCC corrective job that puts the
 * registered NO's certificates into mismatched SMETS1 NO slots (S1sp.correctNetworkOperatorSlots).
 */
export const MP107_R2: RuleSet = defineRuleSet({
  ...BASELINE,
  name: 'mp107-r2',
  description: 'MP107 Requirement 2: baseline checks, and the one-off correction of SMETS1 Network Operator slots is available',
  jobs: ['mp107-r2'],
});

/**
 * SECMP0063: the DSP refuses a 6.21 or 6.15.1 that places a Network Operator certificate not owned
 * by the party Registration Data names for the meter point (harness-defined code E9063).
 */
export const SECMP0063: RuleSet = defineRuleSet({
  ...BASELINE,
  name: 'secmp0063',
  description:
    'SECMP0063: 6.21 and 6.15.1 placing a Network Operator certificate not owned by the registered NO (ESME) or GT (GPF, GSME) are refused',
  rules: [...BASELINE.rules, 'network-operator-certificate'],
  responseCodes: { 'network-operator-certificate': SECMP0063_RESPONSE_CODE },
  networkOperatorCheck: DEFAULT_NETWORK_OPERATOR_CHECK,
});

/** The built-in rule sets by name. */
export const RULE_SETS: Readonly<Record<string, RuleSet>> = Object.freeze({
  [BASELINE.name]: BASELINE,
  [MP107_R1.name]: MP107_R1,
  [MP107_R2.name]: MP107_R2,
  [SECMP0063.name]: SECMP0063,
});

/** The names `ruleSetNamed` takes, alone or joined with `+` (e.g. `mp107-r1+secmp0063`). */
export const RULE_SET_NAMES: readonly string[] = Object.freeze(Object.keys(RULE_SETS));

/**
 * A built-in rule set, or a combination `a+b(+c…)` of built-in ones (see combineRuleSets: each is
 * read as its changes to baseline; rules, Registration Data skips and jobs are united; a parameter
 * two of them change differently is an error naming it).
 */
export function ruleSetNamed(name: string): RuleSet {
  const parts = [...new Set(String(name).split('+').map((p) => p.trim()))];
  const unknown = parts.find((part) => !Object.hasOwn(RULE_SETS, part));
  if (unknown !== undefined) {
    const field = parts.length > 1 ? `rule set in ${name}` : 'rule set';
    const known = `one of ${RULE_SET_NAMES.join(', ')}, or several joined with + (e.g. mp107-r1+secmp0063)`;
    throw new InvalidInputError(field, known, unknown);
  }
  const ruleSets = parts.map((part) => RULE_SETS[part]!);
  return ruleSets.length === 1 ? ruleSets[0]! : combineRuleSets(BASELINE, ruleSets);
}
