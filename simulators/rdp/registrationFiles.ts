import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { describeReceived, InvalidFileError, InvalidInputError } from '../core/errors.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { CsvSyntaxError, csvLine, parseCsv } from './csv.ts';
import type { RegistrationInput } from './Registration.ts';
import type { RegistrationData } from './RegistrationData.ts';
import { RegistrationBatchError, type RegistrationStore } from './RegistrationStore.ts';
import {
  parseRecord,
  RECORD_FIELDS,
  REQUIRED_RECORD_FIELDS,
  type RecordParseOptions,
  type RegistrationRecord,
} from './records.ts';

export type RegistrationFileFormat = 'csv' | 'json';

/** Registrations read from a file, each with where it came from (`line 4` or `[3]`). */
export interface ParsedRegistrations {
  readonly file: string;
  readonly inputs: readonly RegistrationInput[];
  readonly locations: readonly string[];
}

export interface LoadRegistrationsOptions extends RecordParseOptions {
  /** By file extension (`.csv`, `.json`) when not given. */
  readonly format?: RegistrationFileFormat;
  /** Empty the store first (in the same change); default false: add to what is there. */
  readonly replace?: boolean;
}

/**
 * CSV: a header row naming the columns (any order; mpxn, role, party, effectiveFrom required;
 * fuel, effectiveTo optional), then one registration per row.
 */
export function parseRegistrationsCsv(
  text: string,
  file: string,
  parties: PartyDirectory,
  options: RecordParseOptions = {},
): ParsedRegistrations {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new InvalidFileError(file, `line ${error.line}`, error.problem);
    throw error;
  }
  const [header, ...body] = rows;
  if (header === undefined)
    throw new InvalidFileError(file, '', `expected a header row (${RECORD_FIELDS.join(',')})`);
  const columns = header.fields;
  checkColumns(file, `line ${header.line}`, columns);
  const inputs: RegistrationInput[] = [];
  const locations: string[] = [];
  for (const row of body) {
    const where = `line ${row.line}`;
    if (row.fields.length !== columns.length) {
      throw new InvalidFileError(
        file,
        where,
        `expected ${columns.length} fields as in the header, found ${row.fields.length}`,
      );
    }
    const raw = Object.fromEntries(columns.map((c, k) => [c, row.fields[k]]));
    inputs.push(recordAt(file, where, ', column ', raw, parties, options));
    locations.push(where);
  }
  return { file, inputs, locations };
}

/** JSON: an array of objects with the record fields (see RegistrationRecord). */
export function parseRegistrationsJson(
  text: string,
  file: string,
  parties: PartyDirectory,
  options: RecordParseOptions = {},
): ParsedRegistrations {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidFileError(
      file,
      '',
      `expected JSON, but it does not parse (${(error as Error).message})`,
    );
  }
  if (!Array.isArray(value)) {
    throw new InvalidFileError(
      file,
      '',
      `expected an array of registrations, got ${describeReceived(value)}`,
    );
  }
  const inputs: RegistrationInput[] = [];
  const locations: string[] = [];
  value.forEach((item: unknown, index) => {
    const where = `[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new InvalidFileError(
        file,
        where,
        `expected an object {${RECORD_FIELDS.join(', ')}}, got ${describeReceived(item)}`,
      );
    }
    const raw = item as Record<string, unknown>;
    checkColumns(file, where, Object.keys(raw));
    inputs.push(recordAt(file, where, '.', raw, parties, options));
    locations.push(where);
  });
  return { file, inputs, locations };
}

/** Reads and parses a registration file; nothing is applied. */
export async function readRegistrationFile(
  file: string,
  parties: PartyDirectory,
  options: LoadRegistrationsOptions = {},
): Promise<ParsedRegistrations> {
  const format = options.format ?? formatOf(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidFileError(file, '', `cannot be read (${(error as Error).message})`);
  }
  return format === 'csv'
    ? parseRegistrationsCsv(text, file, parties, options)
    : parseRegistrationsJson(text, file, parties, options);
}

/** Applies parsed registrations as one change; a refused one names its line or path, and nothing changes. */
export function applyRegistrations(
  store: RegistrationStore,
  parsed: ParsedRegistrations,
  { replace = false }: { replace?: boolean } = {},
): void {
  try {
    store.applyBatch(parsed.inputs, { replace });
  } catch (error) {
    if (!(error instanceof RegistrationBatchError)) throw error;
    throw new InvalidFileError(parsed.file, parsed.locations[error.index] ?? '', error.cause.message);
  }
}

/** Reads a CSV or JSON registration file into the store: all of it, or (on any error) nothing. Returns the count. */
export async function loadRegistrationFile(
  store: RegistrationStore,
  file: string,
  options: LoadRegistrationsOptions = {},
): Promise<number> {
  const parsed = await readRegistrationFile(file, store.parties, options);
  applyRegistrations(store, parsed, options);
  return parsed.inputs.length;
}

export function registrationsToCsv(records: readonly RegistrationRecord[]): string {
  const lines = records.map((r) => csvLine(RECORD_FIELDS.map((f) => r[f] ?? '')));
  return `${[csvLine(RECORD_FIELDS), ...lines].join('\n')}\n`;
}

export function registrationsToJson(records: readonly RegistrationRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** Writes all recorded registrations as CSV or JSON (by extension unless `format`). */
export async function saveRegistrationFile(
  data: RegistrationData,
  file: string,
  format: RegistrationFileFormat = formatOf(file),
): Promise<void> {
  const records = data.toRecords();
  await writeFile(
    file,
    format === 'csv' ? registrationsToCsv(records) : registrationsToJson(records),
    'utf8',
  );
}

function formatOf(file: string): RegistrationFileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new InvalidFileError(
    file,
    '',
    `expected a .csv or .json file name (or an explicit format), got "${ext}"`,
  );
}

function checkColumns(file: string, where: string, columns: readonly string[]): void {
  const unknown = columns.filter((c) => !(RECORD_FIELDS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw new InvalidFileError(
      file,
      where,
      `unknown field ${unknown.map((c) => `"${c}"`).join(', ')}; expected fields ${RECORD_FIELDS.join(', ')}`,
    );
  }
  const missing = REQUIRED_RECORD_FIELDS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new InvalidFileError(file, where, `missing field ${missing.join(', ')}`);
  const repeated = columns.filter((c, k) => columns.indexOf(c) !== k);
  if (repeated.length > 0) throw new InvalidFileError(file, where, `field ${repeated[0]} given twice`);
}

/** parseRecord, with a bad column reported at `where` + `sep` + column (`line 4, column mpxn`, `[3].mpxn`). */
function recordAt(
  file: string,
  where: string,
  sep: string,
  raw: Readonly<Record<string, unknown>>,
  parties: PartyDirectory,
  options: RecordParseOptions,
): RegistrationInput {
  try {
    return parseRecord(raw, parties, options);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const column = (RECORD_FIELDS as readonly string[]).includes(error.field) ? `${sep}${error.field}` : '';
    const problem = column
      ? `expected ${error.expected}, got ${describeReceived(error.received)}`
      : error.message;
    throw new InvalidFileError(file, `${where}${column}`, problem);
  }
}
