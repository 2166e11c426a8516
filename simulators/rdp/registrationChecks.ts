import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { describeMpxn, fuelOf, type Mpxn } from './mpxn.ts';
import {
  REGISTRATION_ROLES,
  type RegistrationRole,
  ROLES_BY_FUEL,
  roleLabel,
  userRoleFor,
} from './Registration.ts';

/** The meter point is an Mpan or Mprn and the role applies to its fuel. */
export function checkMpxnRole(mpxn: Mpxn, role: RegistrationRole): void {
  if (!(mpxn instanceof Mpan) && !(mpxn instanceof Mprn)) {
    throw new InvalidInputError('mpxn', 'an Mpan or an Mprn', mpxn);
  }
  if (!REGISTRATION_ROLES.includes(role)) {
    throw new InvalidInputError('role', `one of ${REGISTRATION_ROLES.join(', ')}`, role);
  }
  const fuel = fuelOf(mpxn);
  if (!ROLES_BY_FUEL[fuel].includes(role)) {
    const article = fuel === 'gas' ? 'a' : 'an';
    throw new InvalidInputError('role', `${article} ${fuel} role (${ROLES_BY_FUEL[fuel].join(', ')})`, role);
  }
}

/**
 * The party is in the estate and holds the User Role the registration needs: IS (electricity) or
 * GS (gas) for a supplier, ED for a network operator, GT for a gas transporter.
 */
export function checkRegisteredParty(
  parties: PartyDirectory,
  mpxn: Mpxn,
  role: RegistrationRole,
  eui: Eui,
): void {
  if (!(eui instanceof Eui)) throw new InvalidInputError('party', 'an Eui', eui);
  const userRole = userRoleFor(role, fuelOf(mpxn));
  const party = parties.byEui(eui);
  if (party === undefined) {
    throw new InvalidInputError(
      'party',
      `a party of the estate holding User Role ${userRole}`,
      eui.toString(),
    );
  }
  if (!party.userRoles.includes(userRole)) {
    const holds = party.userRoles.length === 0 ? 'no User Role' : `User Roles ${party.userRoles.join(', ')}`;
    throw new InvalidInputError(
      'party',
      `a party holding User Role ${userRole} to be ${roleLabel(role)} of ${describeMpxn(mpxn)}`,
      `${eui} (${party.name}, ${holds})`,
    );
  }
}
