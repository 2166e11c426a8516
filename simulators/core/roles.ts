import { InvalidInputError } from './errors.ts';

/** DCC User Roles as DUIS names them. */
export const USER_ROLES = {
  IS: 'Import Supplier',
  ES: 'Export Supplier',
  GS: 'Gas Supplier',
  ED: 'Electricity Distributor',
  GT: 'Gas Transporter',
  OU: 'Other User',
} as const;

export type UserRole = keyof typeof USER_ROLES;

export function parseUserRole(text: unknown, field = 'UserRole'): UserRole {
  if (typeof text === 'string' && Object.hasOwn(USER_ROLES, text.trim().toUpperCase())) {
    return text.trim().toUpperCase() as UserRole;
  }
  throw new InvalidInputError(field, `one of ${Object.keys(USER_ROLES).join(', ')}`, text);
}

/** GBCS Remote Party Roles with their numbers; an organisation certificate's subject OU is the number in hex. */
export const REMOTE_PARTY_ROLES = {
  root: 0,
  recovery: 1,
  supplier: 2,
  networkOperator: 3,
  accessControlBroker: 4,
  transitionalCoS: 5,
  wanProvider: 6,
  issuingAuthority: 7,
  other: 127,
} as const;

export type RemotePartyRole = keyof typeof REMOTE_PARTY_ROLES;

const ROLE_BY_NUMBER = new Map<number, RemotePartyRole>(
  Object.entries(REMOTE_PARTY_ROLES).map(([name, n]) => [n, name as RemotePartyRole]),
);

export function remotePartyRoleNumber(role: RemotePartyRole): number {
  return REMOTE_PARTY_ROLES[role];
}

export function remotePartyRoleFromNumber(n: number, field = 'RemotePartyRole'): RemotePartyRole {
  const role = ROLE_BY_NUMBER.get(n);
  if (role === undefined) {
    throw new InvalidInputError(
      field,
      `a GBCS remote party role number (${[...ROLE_BY_NUMBER.keys()].join(', ')})`,
      n,
    );
  }
  return role;
}

/** Parses a role name (`supplier`), a role number given as a number (`2`), or the two-hex-digit form of a certificate OU (`02`, `7F`). */
export function parseRemotePartyRole(text: unknown, field = 'RemotePartyRole'): RemotePartyRole {
  if (typeof text === 'number') return remotePartyRoleFromNumber(text, field);
  if (typeof text === 'string') {
    const t = text.trim();
    if (Object.hasOwn(REMOTE_PARTY_ROLES, t)) return t as RemotePartyRole;
    if (/^[0-9A-Fa-f]{2}$/.test(t)) return remotePartyRoleFromNumber(Number.parseInt(t, 16), field);
  }
  throw new InvalidInputError(
    field,
    `a remote party role name (${Object.keys(REMOTE_PARTY_ROLES).join(', ')}) or its two-hex-digit number`,
    text,
  );
}

/** The subject OU of an organisation certificate for this role: the role number as two hex digits. */
export function remotePartyRoleOu(role: RemotePartyRole): string {
  return REMOTE_PARTY_ROLES[role].toString(16).toUpperCase().padStart(2, '0');
}

/** A key's use: digital signature (DS), key agreement (KA), or the separate XML-signing credential DUIS needs. */
export type KeyUsage = 'DS' | 'KA';
export type CredentialUsage = KeyUsage | 'XML';
