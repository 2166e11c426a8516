import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { MpanParseOptions } from '../core/Mpan.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { formatDate, parseEffectiveDate } from './dates.ts';
import { type Fuel, fuelOf, parseFuel, parseMpxn } from './mpxn.ts';
import {
  REGISTRATION_ROLES,
  type Registration,
  type RegistrationInput,
  type RegistrationRole,
} from './Registration.ts';

/**
 * One registration as files hold it (CSV row or JSON object): plain text, so the same shape serves
 * import and export. `fuel` is optional on import (the MPxN's length says it) but checked if given;
 * `effectiveTo` empty, null or absent means open-ended.
 */
export interface RegistrationRecord {
  readonly mpxn: string;
  readonly fuel: Fuel;
  readonly role: RegistrationRole;
  /** The party's EUI (`90-B3-D5-1F-40-01-01-00`); on import also a party name from the directory. */
  readonly party: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

export const RECORD_FIELDS = ['mpxn', 'fuel', 'role', 'party', 'effectiveFrom', 'effectiveTo'] as const;
export const REQUIRED_RECORD_FIELDS = ['mpxn', 'role', 'party', 'effectiveFrom'] as const;

export type RecordParseOptions = MpanParseOptions;

/** DUIS User Role codes accepted in the role column as well as the role names. */
const ROLE_ALIASES: Record<string, { role: RegistrationRole; fuel: Fuel }> = {
  IS: { role: 'supplier', fuel: 'electricity' },
  GS: { role: 'supplier', fuel: 'gas' },
  ED: { role: 'networkOperator', fuel: 'electricity' },
  GT: { role: 'gasTransporter', fuel: 'gas' },
};

export function toRecord(r: Registration): RegistrationRecord {
  return {
    mpxn: r.mpxn.value,
    fuel: r.fuel,
    role: r.role,
    party: r.party.toString(),
    effectiveFrom: formatDate(r.from),
    effectiveTo: r.to === null ? null : formatDate(r.to),
  };
}

/**
 * Turns one file record into a registration to apply. Throws InvalidInputError naming the column;
 * whether the party may hold the role is the store's check, made for files and API alike.
 */
export function parseRecord(
  raw: Readonly<Record<string, unknown>>,
  parties: PartyDirectory,
  options: RecordParseOptions = {},
): RegistrationInput {
  const mpxn = parseMpxn(raw.mpxn, options, 'mpxn');
  const fuel = fuelOf(mpxn);
  if (isPresent(raw.fuel) && parseFuel(raw.fuel) !== fuel) {
    throw new InvalidInputError('fuel', `${fuel} (the fuel of ${raw.mpxn})`, raw.fuel);
  }
  const role = parseRole(raw.role, fuel);
  const party = parseParty(raw.party, parties);
  const from = parseEffectiveDate(raw.effectiveFrom, 'effectiveFrom');
  const to = isPresent(raw.effectiveTo) ? parseEffectiveDate(raw.effectiveTo, 'effectiveTo') : null;
  return { mpxn, role, party, from, to };
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function parseRole(text: unknown, fuel: Fuel): RegistrationRole {
  const t = typeof text === 'string' ? text.trim() : '';
  const named = REGISTRATION_ROLES.find((r) => r.toLowerCase() === t.toLowerCase());
  const alias = ROLE_ALIASES[t.toUpperCase()];
  const role = named ?? alias?.role;
  if (role === undefined) {
    throw new InvalidInputError('role', `one of ${REGISTRATION_ROLES.join(', ')} (or IS, GS, ED, GT)`, text);
  }
  const valid = fuel === 'electricity' ? ['supplier', 'networkOperator'] : ['supplier', 'gasTransporter'];
  if (!valid.includes(role) || (alias !== undefined && alias.fuel !== fuel)) {
    const codes = fuel === 'electricity' ? 'IS, ED' : 'GS, GT';
    throw new InvalidInputError(
      'role',
      `${fuel === 'gas' ? 'a' : 'an'} ${fuel} role (${valid.join(', ')}, or ${codes})`,
      text,
    );
  }
  return role;
}

function parseParty(text: unknown, parties: PartyDirectory): Eui {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InvalidInputError('party', "a party's EUI or its name in the estate", text);
  }
  try {
    return Eui.parse(text, 'party');
  } catch {
    return parties.byName(text).eui;
  }
}
