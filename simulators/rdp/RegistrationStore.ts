import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import { HarnessError, InvalidInputError } from '../core/errors.ts';
import type { Mpan } from '../core/Mpan.ts';
import type { Mprn } from '../core/Mprn.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { ChangeFeed } from './ChangeFeed.ts';
import { checkDate, formatDate } from './dates.ts';
import { describeMpxn, type Mpxn } from './mpxn.ts';
import { changePeriod, insertPeriod, periodAt } from './periods.ts';
import { type RegistrationInput, type RegistrationRole, roleLabel } from './Registration.ts';
import { type MpxnEntry, NO_PERIODS, RegistrationData } from './RegistrationData.ts';
import { checkMpxnRole, checkRegisteredParty } from './registrationChecks.ts';

/** What changed, for listeners that keep a copy (the DSP's Registration Data). */
export interface RegistrationChange {
  readonly version: number;
  readonly mpxns: readonly Mpxn[];
  /** True when the whole store was replaced (a file loaded with `replace`). */
  readonly replaced: boolean;
}

export type RegistrationListener = (change: RegistrationChange) => void;

/** A batch (a file) failed at one registration: `index` says which, `cause` why. Nothing was applied. */
export class RegistrationBatchError extends HarnessError {
  readonly responseCode = 'E12';

  constructor(
    readonly index: number,
    override readonly cause: InvalidInputError,
  ) {
    super(`registration ${index + 1}: ${cause.message}`, { cause });
  }
}

const CHANGE_METHOD: Record<RegistrationRole, string> = {
  supplier: 'changeOfSupplier',
  networkOperator: 'changeOfNetworkOperator',
  gasTransporter: 'changeOfGasTransporter',
};

export interface RegistrationStoreOptions {
  readonly parties: PartyDirectory;
  /** Gives "now" for eligibility checks made without a date. */
  readonly clock: Clock;
}

/**
 * The RDP's Registration Data, effective-dated. Every mutation is checked in full before anything
 * changes, so a refused one leaves the store as it was; each accepted one bumps `version` and tells
 * the listeners. Parties must be in the estate and hold the User Role of the registration (IS or GS
 * for a supplier, ED for a network operator, GT for a gas transporter).
 */
export class RegistrationStore extends RegistrationData {
  readonly #feed = new ChangeFeed<RegistrationChange>();
  #snapshot: RegistrationData | undefined;

  constructor({ parties, clock }: RegistrationStoreOptions) {
    super(new Map(), parties, clock);
  }

  /** Records a supplier period (open-ended unless `to`); it must overlap no supplier period already there. */
  registerSupplier(mpxn: Mpxn, supplierEui: Eui, from: Date, to: Date | null = null): void {
    this.register({ mpxn, role: 'supplier', party: supplierEui, from, to });
  }

  /** Change of supplier: the supplier period in effect at `effectiveFrom` ends then, the new one starts. */
  changeOfSupplier(mpxn: Mpxn, newSupplierEui: Eui, effectiveFrom: Date): void {
    this.#change(
      mpxn,
      'supplier',
      newSupplierEui,
      effectiveFrom,
      ' (use registerSupplier for a first registration)',
    );
  }

  /** Overrides the distributor-rule network operator of an MPAN for a period. */
  registerNetworkOperator(mpan: Mpan, noEui: Eui, from: Date, to: Date | null = null): void {
    this.register({ mpxn: mpan, role: 'networkOperator', party: noEui, from, to });
  }

  /**
   * Change of network operator from `effectiveFrom`: ends the override in effect then, or – where the
   * default NO is in effect – starts an override; either way `noEui` is the NO from then on.
   */
  changeOfNetworkOperator(mpan: Mpan, noEui: Eui, effectiveFrom: Date): void {
    checkMpxnRole(mpan, 'networkOperator');
    const at = checkDate(effectiveFrom, 'effectiveFrom');
    if (periodAt(this.periodsOf(mpan, 'networkOperator'), at) !== undefined) {
      this.#change(mpan, 'networkOperator', noEui, at, '');
      return;
    }
    if (this.defaultNetworkOperator(mpan)?.equals(noEui)) {
      throw new InvalidInputError(
        `network operator of ${describeMpxn(mpan)}`,
        `a party other than the one registered on ${formatDate(at)} (the default for distributor ${mpan.distributorId})`,
        this.describeParty(noEui),
      );
    }
    this.register({ mpxn: mpan, role: 'networkOperator', party: noEui, from: at });
  }

  registerGasTransporter(mprn: Mprn, gtEui: Eui, from: Date, to: Date | null = null): void {
    this.register({ mpxn: mprn, role: 'gasTransporter', party: gtEui, from, to });
  }

  changeOfGasTransporter(mprn: Mprn, gtEui: Eui, effectiveFrom: Date): void {
    this.#change(
      mprn,
      'gasTransporter',
      gtEui,
      effectiveFrom,
      ' (use registerGasTransporter for a first registration)',
    );
  }

  /** Records one period of any role; see the role-specific methods. */
  register(input: RegistrationInput): void {
    const entry = this.#staged(input, this.entries);
    this.#commit([entry], false);
  }

  /**
   * Applies many registrations as one change: all or none. With `replace`, the store is emptied
   * first (within the same change). Throws RegistrationBatchError naming the failing index.
   */
  applyBatch(inputs: readonly RegistrationInput[], { replace = false }: { replace?: boolean } = {}): void {
    const staging = new Map<string, MpxnEntry>(replace ? [] : this.entries);
    const touched = new Map<string, MpxnEntry>();
    inputs.forEach((input, index) => {
      try {
        const entry = this.#staged(input, staging);
        staging.set(entry.mpxn.value, entry);
        touched.set(entry.mpxn.value, entry);
      } catch (error) {
        if (error instanceof InvalidInputError) throw new RegistrationBatchError(index, error);
        throw error;
      }
    });
    if (replace) {
      this.entries.clear();
      this.#commit([...staging.values()], true);
    } else {
      this.#commit([...touched.values()], false);
    }
  }

  /** An immutable copy for a consumer that keeps its own (the DSP); the same object until the next change. */
  snapshot(): RegistrationData {
    if (this.#snapshot === undefined) {
      this.#snapshot = new RegistrationData(new Map(this.entries), this.parties, this.clock, this.version);
      Object.freeze(this.#snapshot);
    }
    return this.#snapshot;
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: RegistrationListener): () => void {
    return this.#feed.subscribe(listener);
  }

  #change(mpxn: Mpxn, role: RegistrationRole, party: Eui, from: Date, hint: string): void {
    checkMpxnRole(mpxn, role);
    checkRegisteredParty(this.parties, mpxn, role, party);
    const at = checkDate(from, 'effectiveFrom');
    const old = this.entries.get(mpxn.value);
    const what = `${roleLabel(role)} of ${describeMpxn(mpxn)}`;
    const periods = changePeriod(
      this.periodsOf(mpxn, role),
      party,
      at,
      what,
      (e) => this.describeParty(e),
      hint,
    );
    this.#commit([entryWith(old, mpxn, role, periods)], false);
  }

  #staged(input: RegistrationInput, entries: ReadonlyMap<string, MpxnEntry>): MpxnEntry {
    if (typeof input !== 'object' || input === null) {
      throw new InvalidInputError('registration', 'an object {mpxn, role, party, from, to?}', input);
    }
    const { mpxn, role, party } = input;
    checkMpxnRole(mpxn, role);
    checkRegisteredParty(this.parties, mpxn, role, party);
    const from = checkDate(input.from, 'effectiveFrom');
    const to = input.to === undefined || input.to === null ? null : checkDate(input.to, 'effectiveTo');
    const old = entries.get(mpxn.value);
    const what = `${roleLabel(role)} registration of ${describeMpxn(mpxn)}`;
    const hint = `; use ${CHANGE_METHOD[role]} to change the ${roleLabel(role)} from a date`;
    const current = old?.periods[role] ?? NO_PERIODS[role];
    const periods = insertPeriod(current, party, from, to, what, (e) => this.describeParty(e), hint);
    return entryWith(old, mpxn, role, periods);
  }

  #commit(entries: readonly MpxnEntry[], replaced: boolean): void {
    for (const entry of entries) this.entries.set(entry.mpxn.value, entry);
    this.currentVersion += 1;
    this.#snapshot = undefined;
    const change: RegistrationChange = Object.freeze({
      version: this.currentVersion,
      mpxns: Object.freeze(entries.map((e) => e.mpxn)),
      replaced,
    });
    this.#feed.publish(change, 'a registration');
  }
}

function entryWith(
  old: MpxnEntry | undefined,
  mpxn: Mpxn,
  role: RegistrationRole,
  periods: MpxnEntry['periods'][RegistrationRole],
): MpxnEntry {
  return Object.freeze({
    mpxn: old?.mpxn ?? mpxn,
    periods: Object.freeze({ ...(old?.periods ?? NO_PERIODS), [role]: periods }),
  });
}
