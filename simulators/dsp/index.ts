/** The DCC Data Service Provider: SRPD pipeline as rule sets, critical flow, device routing, behind ports. */
export { authenticate, type Authentication } from './authenticate.ts';
export { credentialsCommand, gbcsCell } from './credentialsCommand.ts';
export { alertRecipients, type CredentialsUpdate, credentialsUpdate } from './credentialsUpdated.ts';
export { type DccCommandPlan, dccParty, planDccCommand } from './dccCommands.ts';
export type { Exchange } from './DeviceExchange.ts';
export { DEFAULT_DEVICE_RULES, type DeviceRule } from './deviceRules.ts';
export { DEFAULT_MAX_BODY_BYTES, Dsp, type DspOptions } from './Dsp.ts';
export { DUIS_SERVICES, type DspAnswer, type DuisService } from './DspAnswer.ts';
export type { PendingPreCommand } from './DspState.ts';
export type * from './ports.ts';
export { buildCriticalPreCommand, criticalPayload } from './preCommands.ts';
export { RegistrationCopy } from './RegistrationCopy.ts';
export { type RequestHeader, readHeader, UnreadableHeaderError } from './readHeader.ts';
export { type Smets1ResponseInput, smets1ResponseXml } from './smets1Response.ts';
export { combineRuleSets, mergeRules, RuleSetConflictError } from './combineRuleSets.ts';
export {
  BASELINE,
  defineRuleSet,
  MP107_R1,
  MP107_R2,
  type NetworkOperatorCertificateCheck,
  type NetworkOperatorRole,
  RULE_SET_NAMES,
  RULE_SETS,
  type RegistrationScope,
  type RegistrationSkip,
  type RuleSet,
  ruleSetNamed,
  SECMP0063,
} from './RuleSet.ts';
export { DEFAULT_NETWORK_OPERATOR_CHECK, SECMP0063_RESPONSE_CODE } from './rules/networkOperatorCertificate.ts';
export {
  PASS,
  type PipelineRefusal,
  refuse,
  RULES,
  type Rule,
  type RuleContext,
  type RuleName,
  type RuleOutcome,
  type RuleRefusal,
  runPipeline,
} from './rules/index.ts';
export {
  type DccUser,
  PartyUserDirectory,
  type PartyUserDirectoryOptions,
  USER_STATUSES,
  type UserDirectory,
  type UserStatus,
} from './UserDirectory.ts';
