import type { Eui } from '../core/Eui.ts';
import type { UserRole } from '../core/roles.ts';
import type { Fuel, Mpxn } from './mpxn.ts';

/**
 * The relationships Registration Data records for a meter point. Electricity: supplier (the Import
 * Supplier) and networkOperator (the Electricity Distributor). Gas: supplier (the Gas Supplier) and
 * gasTransporter.
 */
export type RegistrationRole = 'supplier' | 'networkOperator' | 'gasTransporter';

export const REGISTRATION_ROLES: readonly RegistrationRole[] = [
  'supplier',
  'networkOperator',
  'gasTransporter',
];

/** The roles a meter point of each fuel has. */
export const ROLES_BY_FUEL: Record<Fuel, readonly RegistrationRole[]> = {
  electricity: ['supplier', 'networkOperator'],
  gas: ['supplier', 'gasTransporter'],
};

/** The DUIS User Role a party must hold to be registered in this role for this fuel. */
export function userRoleFor(role: RegistrationRole, fuel: Fuel): UserRole {
  if (role === 'supplier') return fuel === 'electricity' ? 'IS' : 'GS';
  return role === 'networkOperator' ? 'ED' : 'GT';
}

/** `supplier` → `supplier`, `networkOperator` → `network operator`, as messages say it. */
export function roleLabel(role: RegistrationRole): string {
  return role === 'supplier'
    ? 'supplier'
    : role === 'networkOperator'
      ? 'network operator'
      : 'gas transporter';
}

/** One registration period: `from` inclusive, `to` exclusive, `to === null` open-ended. */
export interface Period {
  readonly party: Eui;
  readonly from: Date;
  readonly to: Date | null;
}

/** A registration period with the meter point and role it belongs to. */
export interface Registration extends Period {
  readonly mpxn: Mpxn;
  readonly fuel: Fuel;
  readonly role: RegistrationRole;
}

/** What a caller asks the store to record. `to` omitted or null: open-ended. */
export interface RegistrationInput {
  readonly mpxn: Mpxn;
  readonly role: RegistrationRole;
  readonly party: Eui;
  readonly from: Date;
  readonly to?: Date | null;
}

/** A date range for the Eligible User check; both ends are inside the range ("all times within"). */
export interface DateRange {
  readonly from: Date;
  readonly to: Date;
}

/** The time an eligibility check is made for: a date range, or one instant (execution time or now). */
export type EligibilityTime = Date | DateRange;

/** The answer to an Eligible User check, with a reason a tester can read. */
export interface EligibilityVerdict {
  readonly eligible: boolean;
  readonly reason: string;
  /** The role that was checked, or undefined where the User Role has no Registration Data role. */
  readonly role: RegistrationRole | undefined;
  /** The registered party at the instant the verdict turned on (the first mismatch), if any. */
  readonly registered: Eui | undefined;
}
