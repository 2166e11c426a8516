import { InvalidInputError } from './errors.ts';

/**
 * A gas Meter Point Reference Number. domain.md says only "up to 10 digits"; the harness accepts
 * 6 to 10 digits (shorter strings are far more likely typing mistakes than real MPRNs) and does no
 * check-digit validation, since no checking rule is given in the project's sources.
 */
export class Mprn {
  /** The digits as given (leading zeros kept). */
  readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  static parse(text: unknown, field = 'MPRN'): Mprn {
    const trimmed = typeof text === 'string' ? text.trim() : undefined;
    if (trimmed === undefined || !/^[0-9]{6,10}$/.test(trimmed)) {
      throw new InvalidInputError(field, 'a gas MPRN of 6 to 10 digits', text);
    }
    return new Mprn(trimmed);
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }

  equals(other: Mprn | undefined | null): boolean {
    return other != null && other.value === this.value;
  }
}
