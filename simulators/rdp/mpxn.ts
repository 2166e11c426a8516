import { InvalidInputError } from '../core/errors.ts';
import { Mpan, type MpanParseOptions } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';

/** A meter point: an MPAN (electricity) or an MPRN (gas). */
export type Mpxn = Mpan | Mprn;

export type Fuel = 'electricity' | 'gas';

export const FUELS: readonly Fuel[] = ['electricity', 'gas'];

export function fuelOf(mpxn: Mpxn): Fuel {
  return mpxn instanceof Mpan ? 'electricity' : 'gas';
}

/** `MPAN 1200000000011` or `MPRN 1234567`, as messages name a meter point. */
export function describeMpxn(mpxn: Mpxn): string {
  return `${mpxn instanceof Mpan ? 'MPAN' : 'MPRN'} ${mpxn.value}`;
}

/**
 * Parses an MPAN (13 digits) or an MPRN (6 to 10 digits). The lengths do not overlap, so the
 * digits alone say which it is.
 */
export function parseMpxn(text: unknown, options: MpanParseOptions = {}, field = 'MPxN'): Mpxn {
  const trimmed = typeof text === 'string' ? text.trim() : undefined;
  if (trimmed !== undefined && /^[0-9]{13}$/.test(trimmed)) return Mpan.parse(trimmed, options, field);
  if (trimmed !== undefined && /^[0-9]{6,10}$/.test(trimmed)) return Mprn.parse(trimmed, field);
  throw new InvalidInputError(field, 'an MPAN core of 13 digits or a gas MPRN of 6 to 10 digits', text);
}

export function parseFuel(text: unknown, field = 'fuel'): Fuel {
  const t = typeof text === 'string' ? text.trim().toLowerCase() : undefined;
  if (t === 'electricity' || t === 'gas') return t;
  throw new InvalidInputError(field, `one of ${FUELS.join(', ')}`, text);
}
