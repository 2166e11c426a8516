import { InvalidInputError } from './errors.ts';
import { USER_ROLES, type UserRole } from './roles.ts';

/**
 * DUIS CommandVariant values and their meaning, from the table in the DUIS 5.4 schema (simpleType
 * CommandVariant). "Send" = the command goes over the SM WAN and the response arrives later (async);
 * "local delivery" = the command is returned to the User synchronously for delivery over the HAN.
 */
export const COMMAND_VARIANTS = {
  1: 'non-critical: Service Request -> send command (on demand or future dated)',
  2: 'non-critical: Service Request -> command for local delivery',
  3: 'non-critical: Service Request -> send command and command for local delivery',
  4: 'critical: transform Service Request -> Pre-Command for the User to sign',
  5: 'critical: Signed Pre-Command -> send command (on demand or future dated)',
  6: 'critical: Signed Pre-Command -> command for local delivery',
  7: 'critical: Signed Pre-Command -> send command and command for local delivery',
  8: 'DCC only: the DCC answers the Service Request itself',
  9: 'internal to DCC Data Systems, not valid in a Service Request',
} as const;

export type CommandVariant = keyof typeof COMMAND_VARIANTS;

/** Variants that return a command for local delivery instead of (or as well as) sending it over the WAN. */
export const LOCAL_DELIVERY_VARIANTS: readonly CommandVariant[] = [2, 3, 6, 7];

/**
 * How an SRV is processed. critical: the User signs the GBCS command (CV 4, then 5).
 * nonCritical: the DCC builds the command itself and signs it where a signature is needed.
 * nonDevice: the DCC answers itself and nothing reaches a device.
 */
export type SrvKind = 'critical' | 'nonCritical' | 'nonDevice';

/** Allowed variants by kind, as the comment after each ServiceReferenceVariant in the DUIS 5.4 schema lists them. */
const VARIANTS_BY_KIND: Record<SrvKind, readonly CommandVariant[]> = {
  critical: [4, 5, 6, 7],
  nonCritical: [1, 2, 3],
  nonDevice: [8],
};

interface SrvDefinition {
  /** The DUIS ServiceReferenceVariant, e.g. `6.15.1`. */
  id: string;
  name: string;
  kind: SrvKind;
  eligibleRoles: readonly UserRole[];
  gbcsUseCases: readonly string[];
  /** The child of `sr:Body` that carries this request (namespace prefix omitted). */
  duisElement: string;
  /** Only where the schema lists fewer variants than the kind allows. */
  commandVariants?: readonly CommandVariant[];
}

// Eligible roles marked `// assumed`: domain.md leaves them blank; they follow public DUIS material.
const IS_GS: readonly UserRole[] = ['IS', 'GS'];
const IS_GS_ED_GT: readonly UserRole[] = ['IS', 'GS', 'ED', 'GT'];
const ALL_ROLES = Object.keys(USER_ROLES) as UserRole[];

const DEFINITIONS: readonly SrvDefinition[] = [
  {
    id: '6.15.1',
    name: 'Update Security Credentials (KRP)',
    kind: 'critical',
    eligibleRoles: IS_GS_ED_GT,
    gbcsUseCases: ['CS02b'],
    duisElement: 'UpdateSecurityCredentialsKRP',
  },
  {
    id: '6.15.2',
    name: 'Update Security Credentials (Device)',
    kind: 'critical',
    eligibleRoles: IS_GS,
    gbcsUseCases: ['CS02d'],
    duisElement: 'UpdateSecurityCredentialsDevice',
  },
  {
    id: '6.17',
    name: 'Issue Security Credentials',
    kind: 'critical',
    eligibleRoles: IS_GS,
    gbcsUseCases: ['CS02c'],
    duisElement: 'IssueSecurityCredentials',
  },
  // 6.21: the DCC signs the CS02b command as the current holder (ACB)
  {
    id: '6.21',
    name: 'Request Handover of DCC Controlled Device',
    kind: 'nonCritical',
    eligibleRoles: IS_GS,
    gbcsUseCases: ['CS02b'],
    duisElement: 'RequestHandoverOfDCCControlledDevice',
  },
  // 6.23: the DCC signs the CS02b supplierByTransCoS command as the TransCoS party
  {
    id: '6.23',
    name: 'Update Security Credentials (CoS)',
    kind: 'nonCritical',
    eligibleRoles: IS_GS,
    gbcsUseCases: ['CS02b'],
    duisElement: 'UpdateSecurityCredentialsCoS',
  },
  {
    id: '6.24.1',
    name: 'Retrieve Device Security Credentials (KRP)',
    kind: 'nonCritical',
    eligibleRoles: IS_GS_ED_GT, // assumed
    gbcsUseCases: ['CS02a'],
    duisElement: 'RetrieveDeviceSecurityCredentialsKRP',
  },
  {
    id: '6.24.2',
    name: 'Retrieve Device Security Credentials (Device)',
    kind: 'critical',
    eligibleRoles: IS_GS, // assumed
    gbcsUseCases: ['CS02e'],
    duisElement: 'RetrieveDeviceSecurityCredentialsDevice',
  },
  // 8.1.1: the schema lists CV 4, 5 only (no local delivery)
  {
    id: '8.1.1',
    name: 'Commission Device',
    kind: 'critical',
    eligibleRoles: IS_GS,
    gbcsUseCases: ['ECS70', 'GCS28'],
    duisElement: 'CommissionDeviceSynchroniseClock',
    commandVariants: [4, 5],
  },
  {
    id: '8.2',
    name: 'Read Inventory',
    kind: 'nonDevice',
    eligibleRoles: ALL_ROLES, // assumed
    gbcsUseCases: [],
    duisElement: 'ReadInventory',
  },
  {
    id: '8.3',
    name: 'Decommission Device',
    kind: 'nonDevice',
    eligibleRoles: IS_GS, // assumed
    gbcsUseCases: [],
    duisElement: 'DecommissionDevice',
  },
  {
    id: '8.4',
    name: 'Update Inventory',
    kind: 'nonDevice',
    eligibleRoles: IS_GS, // assumed
    gbcsUseCases: [],
    duisElement: 'UpdateInventory',
  },
  {
    id: '12.2',
    name: 'Device Pre-notification',
    kind: 'nonDevice',
    eligibleRoles: IS_GS_ED_GT, // assumed
    gbcsUseCases: [],
    duisElement: 'DevicePrenotification',
  },
];

/** A Service Reference Variant in the harness's scope (domain.md, "Service Requests in scope"). */
export class Srv {
  /** The DUIS ServiceReferenceVariant, e.g. `6.15.1`. */
  readonly id: string;
  /** The DUIS ServiceReference header value: the variant without its third part (`6.15.1` → `6.15`). */
  readonly serviceReference: string;
  readonly name: string;
  readonly kind: SrvKind;
  /** A Critical Service Request: the User signs the GBCS command (CV 4, then 5). */
  readonly critical: boolean;
  /** Answered by the DCC itself; nothing is sent to a device. */
  readonly nonDevice: boolean;
  readonly eligibleRoles: readonly UserRole[];
  readonly gbcsUseCases: readonly string[];
  readonly commandVariants: readonly CommandVariant[];
  /** The child of `sr:Body` that carries this request (namespace prefix omitted). */
  readonly duisElement: string;

  private constructor(d: SrvDefinition) {
    this.id = d.id;
    this.serviceReference = d.id.split('.').slice(0, 2).join('.');
    this.name = d.name;
    this.kind = d.kind;
    this.critical = d.kind === 'critical';
    this.nonDevice = d.kind === 'nonDevice';
    this.eligibleRoles = Object.freeze([...d.eligibleRoles]);
    this.gbcsUseCases = Object.freeze([...d.gbcsUseCases]);
    this.commandVariants = Object.freeze([...(d.commandVariants ?? VARIANTS_BY_KIND[d.kind])]);
    this.duisElement = d.duisElement;
    Object.freeze(this);
  }

  /** Every SRV in scope, in DUIS order. */
  static readonly catalogue: readonly Srv[] = Object.freeze(DEFINITIONS.map((d) => new Srv(d)));

  /** The catalogue entry for a ServiceReferenceVariant (e.g. `6.15.1`), or `undefined` when not in scope. */
  static byVariant(variant: string): Srv | undefined {
    const id = variant.trim();
    return Srv.catalogue.find((srv) => srv.id === id);
  }

  /** The catalogue entry whose request is carried by this `sr:Body` child element, or `undefined`. */
  static byDuisElement(element: string): Srv | undefined {
    return Srv.catalogue.find((srv) => srv.duisElement === element);
  }

  /** Parses a ServiceReferenceVariant and refuses any that is not in the catalogue. */
  static parse(text: unknown, field = 'ServiceReferenceVariant'): Srv {
    const srv = typeof text === 'string' ? Srv.byVariant(text) : undefined;
    if (srv === undefined) {
      const known = Srv.catalogue.map((s) => s.id).join(', ');
      throw new InvalidInputError(field, `one of the SRVs in scope (${known})`, text);
    }
    return srv;
  }

  allowsCommandVariant(cv: number): boolean {
    return (this.commandVariants as readonly number[]).includes(cv);
  }

  isEligible(role: UserRole): boolean {
    return this.eligibleRoles.includes(role);
  }

  toString(): string {
    return this.id;
  }

  toJSON(): string {
    return this.id;
  }
}

export const srvCatalogue: readonly Srv[] = Srv.catalogue;
