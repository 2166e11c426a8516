import type { Eui } from '../../core/Eui.ts';
import type { DuisResponseCode } from '../../core/errors.ts';
import type { RequestId } from '../../core/RequestId.ts';
import type { ParsedServiceRequest, RequestBody } from '../../duis/index.ts';
import type { DeviceRecord } from '../../inventory/DeviceRecord.ts';
import type { InventoryData } from '../../inventory/InventoryData.ts';
import type { RegistrationData } from '../../rdp/RegistrationData.ts';
import type { DuisService } from '../DspAnswer.ts';
import type { PendingPreCommand } from '../DspState.ts';
import type { RequestHeader } from '../readHeader.ts';
import type { RuleSet } from '../RuleSet.ts';
import type { DccUser, UserDirectory } from '../UserDirectory.ts';

/**
 * The names of the SRPD validation rules. A rule set lists the ones it runs, in order; adding a
 * rule means adding its name here and its function to RULES (rules/index.ts).
 */
export type RuleName =
  | 'user-known'
  | 'user-active'
  | 'role-eligible'
  | 'command-variant'
  | 'service-url'
  | 'request-format'
  | 'counter-increases'
  | 'pre-command-matches'
  | 'device-known'
  | 'device-status'
  | 'device-type'
  | 'registration-data'
  | 'network-operator-certificate';

/** A rule's refusal: the DUIS response code and what a tester reads in the journal. */
export interface RuleRefusal {
  readonly pass: false;
  readonly code: DuisResponseCode;
  readonly message: string;
}

export type RuleOutcome = { readonly pass: true } | RuleRefusal;

export const PASS: RuleOutcome = Object.freeze({ pass: true });

export function refuse(code: DuisResponseCode, message: string): RuleRefusal {
  return { pass: false, code, message };
}

/** The DSP's state as the rules may read it (never change it). */
export interface DspStateView {
  lastCounter(originator: Eui): bigint | undefined;
  pending(requestId: RequestId): PendingPreCommand | undefined;
}

/** Everything a rule may look at. Read-only: a rule decides, it never changes anything. */
export interface RuleContext {
  readonly service: DuisService;
  readonly header: RequestHeader;
  /** The fully parsed request; undefined when the body did not parse (see `parseError`). */
  readonly request: ParsedServiceRequest | undefined;
  readonly parseError: Error | undefined;
  readonly now: Date;
  readonly ruleSet: RuleSet;
  readonly users: UserDirectory;
  readonly inventory: InventoryData;
  readonly registrations: RegistrationData;
  readonly state: DspStateView;
}

/**
 * One named check. It passes when what it checks does not apply (e.g. device rules on a
 * non-device SRV) or when a check it depends on is missing from the rule set (e.g. `user-active`
 * for an unknown User): each rule answers for its own check only.
 */
export type Rule = (ctx: RuleContext) => RuleOutcome;

export function userOf(ctx: RuleContext): DccUser | undefined {
  return ctx.users.get(ctx.header.requestId.originator);
}

/** The target device's record, for device SRVs only. */
export function deviceOf(ctx: RuleContext): DeviceRecord | undefined {
  return ctx.header.srv.nonDevice ? undefined : ctx.inventory.get(ctx.header.requestId.target);
}

/** What the User asked for: the request body, or for a CV 5 the body of the CV 4 request it completes. */
export function askedBody(ctx: RuleContext): RequestBody | undefined {
  const body = ctx.request?.body;
  if (body?.kind !== 'SignedPreCommand') return body;
  return ctx.state.pending(ctx.header.requestId)?.body;
}

export function describeUser(ctx: RuleContext, eui: Eui): string {
  const user = ctx.users.get(eui);
  return user === undefined ? eui.toString() : `${eui} (${user.name})`;
}
