import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { USER_ROLES, type UserRole } from '../core/roles.ts';
import { checkDate, formatDate } from './dates.ts';
import { describeMpxn, type Fuel, fuelOf, type Mpxn } from './mpxn.ts';
import { instantsToCheck, periodAt } from './periods.ts';
import {
  type EligibilityTime,
  type EligibilityVerdict,
  type RegistrationRole,
  roleLabel,
} from './Registration.ts';
import type { RegistrationData } from './RegistrationData.ts';

/** Which registration makes a User Role eligible, and for which fuel. ES and OU have none. */
const REGISTRATION_FOR_USER_ROLE: Partial<Record<UserRole, { role: RegistrationRole; fuel: Fuel }>> = {
  IS: { role: 'supplier', fuel: 'electricity' },
  GS: { role: 'supplier', fuel: 'gas' },
  ED: { role: 'networkOperator', fuel: 'electricity' },
  GT: { role: 'gasTransporter', fuel: 'gas' },
};

/**
 * SEC Appendix AB (SRPD) 6.1 as the harness reads it: the User must be (or will be) the registered
 * party for its role at every instant of the date range, both ends included; with no range, at the
 * execution time; with neither, now (the caller passes the clock's time). Instants are exact – a
 * registration ending (exclusive) at the range's last instant does not cover it.
 */
export function checkEligibility(
  data: RegistrationData,
  userEui: Eui,
  userRole: UserRole,
  mpxn: Mpxn,
  when: EligibilityTime,
): EligibilityVerdict {
  if (!(userEui instanceof Eui)) throw new InvalidInputError('userEui', 'an Eui', userEui);
  if (!(mpxn instanceof Mpan) && !(mpxn instanceof Mprn))
    throw new InvalidInputError('mpxn', 'an Mpan or an Mprn', mpxn);
  if (!Object.hasOwn(USER_ROLES, userRole)) {
    throw new InvalidInputError('userRole', `one of ${Object.keys(USER_ROLES).join(', ')}`, userRole);
  }
  const user = data.describeParty(userEui);
  const where = describeMpxn(mpxn);
  const wanted = REGISTRATION_FOR_USER_ROLE[userRole];
  const range = when instanceof Date ? undefined : checkRange(when);
  const at = when instanceof Date ? checkDate(when, 'at') : range!.from;
  const span =
    range === undefined
      ? `on ${formatDate(at)}`
      : `for all times from ${formatDate(range.from)} to ${formatDate(range.to)}`;
  if (wanted === undefined) {
    return verdict(
      false,
      `${user} acting as ${userRole} (${USER_ROLES[userRole]}) cannot be an Eligible User for ${where}: Registration Data records no ${userRole} registrations`,
      undefined,
      undefined,
    );
  }
  const fuel = fuelOf(mpxn);
  if (fuel !== wanted.fuel) {
    return verdict(
      false,
      `${user} acting as ${userRole} (${USER_ROLES[userRole]}) cannot be an Eligible User for ${where}: ${userRole} applies to ${wanted.fuel} meter points and ${where} is a ${fuel} meter point`,
      wanted.role,
      undefined,
    );
  }
  const label = roleLabel(wanted.role);
  const periods = data.periodsOf(mpxn, wanted.role);
  const instants = range === undefined ? [at] : instantsToCheck(periods, range.from, range.to);
  for (const t of instants) {
    const registered = data.partyAt(mpxn, wanted.role, t);
    if (registered?.equals(userEui)) continue;
    const since = range === undefined ? '' : `from ${formatDate(t)} `;
    const who =
      registered === undefined
        ? `${since}no ${label} is registered${range === undefined ? ' then' : ''}`
        : `${since}the registered one is ${data.describeParty(registered)}${byDefault(data, wanted.role, mpxn, t)}`;
    return verdict(
      false,
      `${user} is not the registered ${label} for ${where} ${span}; ${who}`,
      wanted.role,
      registered,
    );
  }
  const registered = data.partyAt(mpxn, wanted.role, at);
  const note = instants.length === 1 ? byDefault(data, wanted.role, mpxn, at) : '';
  return verdict(
    true,
    `${user} is the registered ${label} for ${where} ${span}${note}`,
    wanted.role,
    registered,
  );
}

function checkRange(range: { from: Date; to: Date }): { from: Date; to: Date } {
  if (typeof range !== 'object' || range === null) {
    throw new InvalidInputError('when', 'a Date or a date range {from, to}', range);
  }
  const from = checkDate(range.from, 'when.from');
  const to = checkDate(range.to, 'when.to');
  if (to.getTime() < from.getTime()) {
    throw new InvalidInputError(
      'when.to',
      `a date not before when.from (${formatDate(from)})`,
      formatDate(to),
    );
  }
  return { from, to };
}

/** ` (the default for distributor 12)` when the NO at `t` comes from the distributor rule. */
function byDefault(data: RegistrationData, role: RegistrationRole, mpxn: Mpxn, t: Date): string {
  if (role !== 'networkOperator' || periodAt(data.periodsOf(mpxn, role), t) !== undefined) return '';
  return ` (the default for distributor ${(mpxn as Mpan).distributorId})`;
}

function verdict(
  eligible: boolean,
  reason: string,
  role: RegistrationRole | undefined,
  registered: Eui | undefined,
): EligibilityVerdict {
  return Object.freeze({ eligible, reason, role, registered });
}
