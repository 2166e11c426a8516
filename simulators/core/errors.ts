/**
 * One error hierarchy for the whole harness. Every class carries the DUIS response code an adapter
 * would answer with, so HTTP/XML adapters never have to guess how to report a failure.
 */

/** DUIS response codes used by the harness (see ../../docs and SEC DUIS). */
export type DuisResponseCode =
  | 'I0'
  | 'I99'
  | 'E1'
  | 'E2'
  | 'E3'
  | 'E4'
  | 'E5'
  | 'E11'
  | 'E12'
  | 'E13'
  | 'E19'
  | 'E20'
  | 'E21'
  | 'E30'
  | (string & {});

export abstract class HarnessError extends Error {
  abstract readonly responseCode: DuisResponseCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Untrusted input that does not parse into a value object. Names the field and what was expected,
 * so a tester can see at once what to change. DUIS answers a malformed request with E12.
 */
export class InvalidInputError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E12';

  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`${field}: expected ${expected}, got ${describeReceived(received)}`);
  }
}

/** A configuration or data file (estate, keystore, registrations) that cannot be used. */
export class InvalidFileError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E12';

  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ''}: ${problem}`);
  }

  /** A bad field read from `file`, named at its place there (`path`, by default the field itself). */
  static of(file: string, error: InvalidInputError, path: string = error.field): InvalidFileError {
    return new InvalidFileError(file, path, `expected ${error.expected}, got ${describeReceived(error.received)}`);
  }
}

/** A key or certificate that the harness was asked for and does not hold. */
export class UnknownCredentialError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E1';
}

export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return value === '' ? 'an empty string' : `"${shown}"`;
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}
