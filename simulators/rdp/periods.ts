import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { formatDate } from './dates.ts';
import type { Period } from './Registration.ts';

/**
 * Pure operations on one meter point's periods for one role: a list sorted by `from`, never
 * overlapping. Each returns a new frozen list; the input is never changed.
 */

/** The period in effect at `at` (from inclusive, to exclusive), if any. */
export function periodAt(periods: readonly Period[], at: Date): Period | undefined {
  const t = at.getTime();
  return periods.find((p) => p.from.getTime() <= t && (p.to === null || t < p.to.getTime()));
}

function overlap(a: Period, from: Date, to: Date | null): boolean {
  const aEnd = a.to === null ? Number.POSITIVE_INFINITY : a.to.getTime();
  const bEnd = to === null ? Number.POSITIVE_INFINITY : to.getTime();
  return a.from.getTime() < bEnd && from.getTime() < aEnd;
}

/** `2026-01-01 onwards` or `2026-01-01 to 2026-03-01`. */
export function describeSpan(from: Date, to: Date | null): string {
  return to === null ? `${formatDate(from)} onwards` : `${formatDate(from)} to ${formatDate(to)}`;
}

function sorted(periods: readonly Period[]): readonly Period[] {
  return Object.freeze([...periods].sort((a, b) => a.from.getTime() - b.from.getTime()));
}

function freezePeriod(party: Eui, from: Date, to: Date | null): Period {
  return Object.freeze({ party, from: new Date(from), to: to === null ? null : new Date(to) });
}

/**
 * Adds a period that overlaps none already there. `what` names the list in the error
 * (e.g. `supplier registration of MPAN 1200000000011`), `hint` says what to use instead.
 */
export function insertPeriod(
  periods: readonly Period[],
  party: Eui,
  from: Date,
  to: Date | null,
  what: string,
  describeParty: (eui: Eui) => string,
  hint = '',
): readonly Period[] {
  if (to !== null && to.getTime() <= from.getTime()) {
    throw new InvalidInputError(
      `${what} effectiveTo`,
      `a date after effectiveFrom ${formatDate(from)}`,
      formatDate(to),
    );
  }
  const clash = periods.find((p) => overlap(p, from, to));
  if (clash !== undefined) {
    throw new InvalidInputError(
      what,
      `a period that does not overlap the one already registered (${describeSpan(clash.from, clash.to)}, ${describeParty(clash.party)})${hint}`,
      describeSpan(from, to),
    );
  }
  return sorted([...periods, freezePeriod(party, from, to)]);
}

/**
 * A change of registered party from `from`: the period in effect then is closed at `from` and a new
 * open-ended one starts. Refused when no period is in effect at `from`, when that period starts at
 * `from` itself (it would be left empty), when a later period exists (a change must be the latest),
 * or when `party` is already the registered one.
 */
export function changePeriod(
  periods: readonly Period[],
  party: Eui,
  from: Date,
  what: string,
  describeParty: (eui: Eui) => string,
  hint = '',
): readonly Period[] {
  const current = periodAt(periods, from);
  const at = formatDate(from);
  if (current === undefined) {
    throw new InvalidInputError(what, `a registration in effect on ${at} to change from${hint}`, 'none');
  }
  if (current.party.equals(party)) {
    throw new InvalidInputError(what, `a party other than the one registered on ${at}`, describeParty(party));
  }
  if (current.from.getTime() === from.getTime()) {
    throw new InvalidInputError(
      what,
      `an effective date after ${at}, the start of the current period (${describeParty(current.party)}); a change on its first day would leave it empty`,
      at,
    );
  }
  const later = periods.find((p) => p.from.getTime() > from.getTime());
  if (later !== undefined) {
    throw new InvalidInputError(
      what,
      `a change that is the latest one; a later period is already registered (${describeSpan(later.from, later.to)}, ${describeParty(later.party)})`,
      at,
    );
  }
  const closed = freezePeriod(current.party, current.from, from);
  return sorted([...periods.filter((p) => p !== current), closed, freezePeriod(party, from, null)]);
}

/**
 * Instants in [from, to] at which the registered party may differ from the one at `from`: `from`
 * itself and every period start or end after `from` up to and including `to`.
 */
export function instantsToCheck(periods: readonly Period[], from: Date, to: Date): Date[] {
  const f = from.getTime();
  const t = to.getTime();
  const edges = periods.flatMap((p) => (p.to === null ? [p.from] : [p.from, p.to]));
  const inside = edges.map((d) => d.getTime()).filter((ms) => ms > f && ms <= t);
  return [...new Set([f, ...inside])].sort((a, b) => a - b).map((ms) => new Date(ms));
}
