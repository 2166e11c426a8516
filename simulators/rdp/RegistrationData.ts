import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { Mpan } from '../core/Mpan.ts';
import type { Mprn } from '../core/Mprn.ts';
import type { UserRole } from '../core/roles.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { checkEligibility } from './eligibility.ts';
import { fuelOf, type Mpxn } from './mpxn.ts';
import { periodAt } from './periods.ts';
import {
  type EligibilityTime,
  type EligibilityVerdict,
  type Period,
  REGISTRATION_ROLES,
  type Registration,
  type RegistrationRole,
  ROLES_BY_FUEL,
} from './Registration.ts';
import { type RegistrationRecord, toRecord } from './records.ts';

/** Everything Registration Data holds for one meter point: its periods per role, each list sorted. */
export interface MpxnEntry {
  readonly mpxn: Mpxn;
  readonly periods: Readonly<Record<RegistrationRole, readonly Period[]>>;
}

export const NO_PERIODS: Readonly<Record<RegistrationRole, readonly Period[]>> = Object.freeze({
  supplier: Object.freeze([]),
  networkOperator: Object.freeze([]),
  gasTransporter: Object.freeze([]),
});

/**
 * Read-only Registration Data: the queries the DSP asks. A `RegistrationStore` is one (it changes);
 * `RegistrationStore.snapshot()` returns another that never changes, for the DSP's own copy.
 *
 * Network operator: an MPAN's registered NO is its override period in effect, if any, otherwise the
 * default – the network-operator party whose distributor ID is the MPAN's first two digits. The
 * default holds at all times and for every MPAN, registered or not.
 */
export class RegistrationData {
  constructor(
    protected readonly entries: Map<string, MpxnEntry>,
    readonly parties: PartyDirectory,
    protected readonly clock: Clock,
    protected currentVersion = 0,
  ) {}

  /** Increases with every change to the store; a snapshot keeps the version it was taken at. */
  get version(): number {
    return this.currentVersion;
  }

  /** The registered supplier (IS for an MPAN, GS for an MPRN) at `at`. */
  supplierAt(mpxn: Mpxn, at: Date): Eui | undefined {
    return this.partyAt(mpxn, 'supplier', at);
  }

  networkOperatorAt(mpan: Mpan, at: Date): Eui | undefined {
    return this.partyAt(mpan, 'networkOperator', at);
  }

  gasTransporterAt(mprn: Mprn, at: Date): Eui | undefined {
    return this.partyAt(mprn, 'gasTransporter', at);
  }

  /** The party registered in `role` at `at`; undefined when none is, or the role does not apply to the fuel. */
  partyAt(mpxn: Mpxn, role: RegistrationRole, at: Date): Eui | undefined {
    if (!ROLES_BY_FUEL[fuelOf(mpxn)].includes(role)) return undefined;
    const found = periodAt(this.periodsOf(mpxn, role), at)?.party;
    if (found !== undefined || role !== 'networkOperator') return found;
    return this.defaultNetworkOperator(mpxn as Mpan);
  }

  /** The NO by the distributor rule (the MPAN's first two digits), whatever is registered. */
  defaultNetworkOperator(mpan: Mpan): Eui | undefined {
    return this.parties.networkOperatorFor(mpan.distributorId)?.eui;
  }

  /** The recorded periods of one role, sorted by start (default NOs are not recorded periods). */
  periodsOf(mpxn: Mpxn, role: RegistrationRole): readonly Period[] {
    return this.entries.get(mpxn.value)?.periods[role] ?? NO_PERIODS[role];
  }

  /** Every recorded registration of a meter point, by role then start date. */
  registrationsOf(mpxn: Mpxn): readonly Registration[] {
    const fuel = fuelOf(mpxn);
    return REGISTRATION_ROLES.flatMap((role) =>
      this.periodsOf(mpxn, role).map((p) =>
        // Dates are mutable: hand out copies so nobody can move a period from outside.
        Object.freeze({
          mpxn,
          fuel,
          role,
          party: p.party,
          from: new Date(p.from),
          to: p.to && new Date(p.to),
        }),
      ),
    );
  }

  /** Meter points with at least one recorded registration, in the order first recorded. */
  meterPoints(): readonly Mpxn[] {
    return [...this.entries.values()].map((e) => e.mpxn);
  }

  /** All recorded registrations as file records (see records.ts), for export. */
  toRecords(): RegistrationRecord[] {
    return this.meterPoints().flatMap((mpxn) => this.registrationsOf(mpxn).map((r) => toRecord(r)));
  }

  /**
   * SEC Appendix AB (SRPD) 6.1: is `userEui`, acting in `userRole`, an Eligible User for `mpxn` –
   * for all times within a date range, else at the execution time, else now (the clock)?
   */
  isEligibleUser(userEui: Eui, userRole: UserRole, mpxn: Mpxn, when?: EligibilityTime): EligibilityVerdict {
    return checkEligibility(this, userEui, userRole, mpxn, when ?? this.clock.now());
  }

  /** `90-B3-D5-1F-40-01-01-00 (Aurora Energy)`; just the EUI for a party the estate does not know. */
  describeParty(eui: Eui): string {
    const party = this.parties.byEui(eui);
    return party === undefined ? eui.toString() : `${eui} (${party.name})`;
  }
}
