import { Eui } from '../core/Eui.ts';
import type { CredentialUsage, RemotePartyRole, UserRole } from '../core/roles.ts';
import type { Credential } from '../keystore/index.ts';

/** What kind of organisation a party is; decides its roles and which credentials it holds. */
export type PartyKind =
  | 'importSupplier'
  | 'gasSupplier'
  | 'networkOperator'
  | 'gasTransporter'
  | 'accessControlBroker'
  | 'recovery'
  | 'transitionalCoS'
  | 'wanProvider'
  | 's1sp';

/** One organisation of the estate: a DCC User or one of the DCC's own remote-party roles. */
export interface Party {
  readonly eui: Eui;
  readonly name: string;
  readonly kind: PartyKind;
  /** DUIS User Roles the party holds; empty for the DCC's own roles, which are not DCC Users. */
  readonly userRoles: readonly UserRole[];
  /** The GBCS remote party role its organisation certificates carry (subject OU). */
  readonly remotePartyRole: RemotePartyRole;
  /** Credentials the SMKI issues it, in the order they are generated. */
  readonly credentials: readonly PartyCredential[];
  /** Network operators: the distributor ID (MPAN's first two digits) they are registered for. */
  readonly distributorId?: number;
  /** Suppliers: a Small Supplier Party in the SEC's sense (seed 000: more wrong NO certificates). */
  readonly small?: boolean;
  /** The DSP's XML-signing credential lives under the ACB's EUI, as in DCC Boxed. */
  readonly signsDspResponses?: boolean;
  /** An S1SP cohort's name as the inventory writes it (`S1SP-A`); S1SPs sign SMETS1 responses. */
  readonly s1spId?: string;
}

export interface PartyCredential {
  readonly usage: CredentialUsage;
  readonly cellUsage: 'management' | 'prePaymentTopUp';
}

const DS = { usage: 'DS', cellUsage: 'management' } as const;
const KA = { usage: 'KA', cellUsage: 'management' } as const;
const KA_TOP_UP = { usage: 'KA', cellUsage: 'prePaymentTopUp' } as const;
const XML = { usage: 'XML', cellUsage: 'management' } as const;

/** Which credentials each kind of party holds. Suppliers have a top-up KA cell on the meter, so a top-up KA key. */
export const CREDENTIALS_BY_KIND: Record<PartyKind, readonly PartyCredential[]> = {
  importSupplier: [DS, KA, KA_TOP_UP, XML],
  gasSupplier: [DS, KA, KA_TOP_UP, XML],
  networkOperator: [DS, KA, XML],
  gasTransporter: [DS, KA, XML],
  accessControlBroker: [DS, KA, XML],
  recovery: [DS],
  transitionalCoS: [DS],
  wanProvider: [DS, KA],
  s1sp: [XML],
};

/** A party of a given kind with the credentials its kind holds: how estates list their parties. */
export function defineParty(
  eui: string,
  name: string,
  kind: PartyKind,
  remotePartyRole: RemotePartyRole,
  userRoles: UserRole[],
  extra: Partial<Pick<Party, 'distributorId' | 'small' | 'signsDspResponses' | 's1spId'>> = {},
): Party {
  return { eui: Eui.parse(eui), name, kind, remotePartyRole, userRoles, credentials: CREDENTIALS_BY_KIND[kind], ...extra };
}

/** What a User needs to know of each party: name, EUI, roles, and its credentials' serials. */
export function describeParties(parties: readonly Party[], credentials: readonly Credential[]) {
  return parties.map((p) => ({
    name: p.name,
    eui: p.eui.toString(),
    kind: p.kind,
    userRoles: p.userRoles,
    remotePartyRole: p.remotePartyRole,
    ...(p.distributorId === undefined ? {} : { distributorId: p.distributorId }),
    ...(p.small ? { small: true } : {}),
    ...(p.s1spId === undefined ? {} : { s1spId: p.s1spId }),
    credentials: credentials
      .filter((c) => c.eui.equals(p.eui))
      .map((c) => ({ usage: c.usage, ...(c.cellUsage ? { cellUsage: c.cellUsage } : {}), serial: c.serial.toString(16).toUpperCase() })),
  }));
}
