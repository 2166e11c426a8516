/**
 * Validators for the fields of a credential, shared by the Credential constructor and both file
 * formats. Each takes an untrusted value and returns it typed, or throws InvalidInputError naming
 * the field and what was expected; file loaders add the path inside the file.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { CredentialUsage } from '../core/roles.ts';

/** The trust anchor cell a key agreement credential is for; DS and XML credentials have none. */
export type CellUsage = 'management' | 'prePaymentTopUp';

export const CREDENTIAL_USAGES: readonly CredentialUsage[] = ['DS', 'KA', 'XML'];
export const CELL_USAGES: readonly CellUsage[] = ['management', 'prePaymentTopUp'];

const DECIMAL = /^(0|[1-9][0-9]*)$/;
const CERTIFICATE_PEM =
  /^-----BEGIN CERTIFICATE-----\r?\n(?:[A-Za-z0-9+/=]+\r?\n)+-----END CERTIFICATE-----$/;
const PKCS8_PEM = /^-----BEGIN PRIVATE KEY-----\r?\n(?:[A-Za-z0-9+/=]+\r?\n)+-----END PRIVATE KEY-----$/;

export function parseUsage(value: unknown, field = 'usage'): CredentialUsage {
  if (typeof value === 'string' && (CREDENTIAL_USAGES as readonly string[]).includes(value)) {
    return value as CredentialUsage;
  }
  throw new InvalidInputError(field, `one of ${CREDENTIAL_USAGES.join(', ')}`, value);
}

/** A certificate serial number: a bigint, or its decimal string without leading zeros (as files hold it). */
export function parseSerial(value: unknown, field = 'serial'): bigint {
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'string' && DECIMAL.test(value)) return BigInt(value);
  throw new InvalidInputError(field, 'a certificate serial number as a decimal integer', value);
}

/** A GBCS remote party role number (one byte: 0–127 for roles, 135/137 for XML signing). */
export function parseRole(value: unknown, field = 'role'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 255) return value;
  throw new InvalidInputError(field, 'a remote party role number, an integer 0-255', value);
}

export function parseCredentialName(value: unknown, field = 'name'): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new InvalidInputError(field, 'a non-empty string naming the credential', value);
}

/** Exactly one PEM certificate (`-----BEGIN CERTIFICATE-----`); returned verbatim, so files round-trip. */
export function parseCertificatePem(value: unknown, field = 'certificate'): string {
  if (typeof value === 'string' && CERTIFICATE_PEM.test(value.trim())) return value;
  throw new InvalidInputError(field, 'one PEM certificate (-----BEGIN CERTIFICATE-----)', value);
}

/** An unencrypted PKCS#8 PEM private key (`-----BEGIN PRIVATE KEY-----`), or nothing. */
export function parsePrivateKeyPem(value: unknown, field = 'privateKey'): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && PKCS8_PEM.test(value.trim())) return value;
  throw new InvalidInputError(
    field,
    'an unencrypted PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)',
    value,
  );
}

/**
 * Key agreement credentials always have a cell usage (default `management`); DS and XML
 * credentials never do.
 */
export function parseCellUsage(
  value: unknown,
  usage: CredentialUsage,
  field = 'cellUsage',
): CellUsage | undefined {
  if (usage !== 'KA') {
    if (value === undefined) return undefined;
    throw new InvalidInputError(
      field,
      `nothing: a cell usage applies only to KA credentials, not ${usage}`,
      value,
    );
  }
  if (value === undefined) return 'management';
  if (typeof value === 'string' && (CELL_USAGES as readonly string[]).includes(value))
    return value as CellUsage;
  throw new InvalidInputError(field, `one of ${CELL_USAGES.join(', ')}`, value);
}
