import { InvalidInputError } from './errors.ts';

/** Weights for MPAN core digits 1..12 (domain.md): check = (Σ dᵢ·pᵢ) mod 11 mod 10. */
const WEIGHTS = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43] as const;

export interface MpanParseOptions {
  /**
   * Refuse an MPAN whose 13th digit is not the check digit of the first twelve. Default true.
   * Switch off to accept DCC test data: the RTDS templates use 1312345678333, which fails the check.
   */
  validateCheckDigit?: boolean;
}

/**
 * A 13-digit MPAN core (Meter Point Administration Number, electricity). Digits 1–2 are the
 * distributor ID (see distributors.ts), digit 13 is the check digit.
 */
export class Mpan {
  /** The thirteen digits. */
  readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  static parse(text: unknown, { validateCheckDigit = true }: MpanParseOptions = {}, field = 'MPAN'): Mpan {
    const trimmed = typeof text === 'string' ? text.trim() : undefined;
    if (trimmed === undefined || !/^[0-9]{13}$/.test(trimmed)) {
      throw new InvalidInputError(field, 'an MPAN core of 13 digits', text);
    }
    if (validateCheckDigit) {
      const expected = Mpan.computeCheckDigit(trimmed.slice(0, 12), field);
      if (Number(trimmed[12]) !== expected) {
        throw new InvalidInputError(
          field,
          `an MPAN core whose last digit is the check digit ${expected} (computed from the first 12 digits)`,
          text,
        );
      }
    }
    return new Mpan(trimmed);
  }

  /** The check digit for the first twelve digits of an MPAN core. */
  static computeCheckDigit(first12: string, field = 'MPAN'): number {
    if (!/^[0-9]{12}$/.test(first12)) {
      throw new InvalidInputError(field, 'the first 12 digits of an MPAN core', first12);
    }
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(first12[i]) * WEIGHTS[i]!;
    return (sum % 11) % 10;
  }

  /** Builds a valid MPAN from its first twelve digits by appending the check digit. */
  static withCheckDigit(first12: string, field = 'MPAN'): Mpan {
    return new Mpan(`${first12}${Mpan.computeCheckDigit(first12, field)}`);
  }

  /** The first two digits: the distributor ID (10–23 DNOs, 24+ IDNOs). */
  get distributorId(): number {
    return Number(this.value.slice(0, 2));
  }

  /** The last digit as written (it may be wrong if parsed with validation off). */
  get checkDigit(): number {
    return Number(this.value[12]);
  }

  /** Whether the last digit matches the computed check digit. */
  get hasValidCheckDigit(): boolean {
    return Mpan.computeCheckDigit(this.value.slice(0, 12)) === this.checkDigit;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }

  equals(other: Mpan | undefined | null): boolean {
    return other != null && other.value === this.value;
  }
}
