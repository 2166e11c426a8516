import { InvalidInputError } from '../core/errors.ts';

/** The DUIS namespace (`sr:`) of requests, responses and alerts. */
export const SR_NS = 'http://www.dccinterface.co.uk/ServiceUserGateway';
/** XML-DSig (`ds:`): the enveloped signature is the last child of the root. */
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** The version the harness writes: the schema in ../shared/reference/duis-schema is DUIS 5.4. */
export const DEFAULT_SCHEMA_VERSION = '5.4';

/**
 * The `schemaVersion` values accepted by default. The XSD types the attribute as a bare
 * `xs:decimal` and allows any number; DCC Boxed and its clients send 5.x (DCC's templates carry
 * 5.2 and 5.4, DCC Boxed's own responses 5.1). The request and response shapes the harness reads
 * are the same across 5.0–5.4 for the SRVs in scope, so all of 5.x up to 5.4 is accepted; pass
 * `acceptedSchemaVersions` to the parsers to narrow or widen this.
 */
export const ACCEPTED_SCHEMA_VERSIONS: readonly string[] = Object.freeze(['5.0', '5.1', '5.2', '5.3', '5.4']);

const DECIMAL = /^[+]?([0-9]+)(?:\.([0-9]*))?$/;

/**
 * Reads a `schemaVersion` attribute: an xs:decimal normalised to `major.minor` (`5.40` → `5.4`,
 * `5` → `5.0`), refused unless it is one of `accepted`.
 */
export function parseSchemaVersion(
  text: string | null,
  field: string,
  accepted: readonly string[] = ACCEPTED_SCHEMA_VERSIONS,
): string {
  // Every request and answer carries one: the usual spellings (already normal) are looked up, not parsed.
  if (text !== null && ACCEPTED_SCHEMA_VERSIONS.includes(text) && accepted.includes(text)) return text;
  const expected = `a DUIS schemaVersion this harness reads (${accepted.join(', ')})`;
  if (text === null || text === '') throw new InvalidInputError(field, expected, undefined);
  const match = DECIMAL.exec(text.trim());
  if (match === null) throw new InvalidInputError(field, `${expected} as a decimal number`, text);
  const major = String(Number(match[1]));
  const minor = (match[2] ?? '').replace(/0+$/, '') || '0';
  const version = `${major}.${minor}`;
  if (!accepted.includes(version)) throw new InvalidInputError(field, expected, text);
  return version;
}
