import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidFileError, InvalidInputError } from '../core/errors.ts';

/** A file as the harness names it in messages: its path. */
export function filePath(file: string | URL): string {
  return file instanceof URL ? fileURLToPath(file) : file;
}

/** Reads and parses a JSON file; InvalidFileError if it cannot be read or is not JSON. */
export async function readJsonFile(file: string | URL): Promise<unknown> {
  const path = filePath(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidFileError(path, '', `cannot be read (${errorMessage(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidFileError(path, '', `expected JSON, but it does not parse (${errorMessage(error)})`);
  }
}

/**
 * Writes a file so that readers see the old content or the new, never part of either: the text
 * goes to a temporary file in the same directory, is flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(file: string | URL, text: string): Promise<void> {
  const path = filePath(file);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `read` for one place in a file, turning the InvalidInputError it throws for a bad field into
 * an InvalidFileError naming the file and the path, with the field's message as the problem.
 */
export function atPath<T>(file: string, path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw inFile(file, path, error);
  }
}

/** An InvalidInputError re-expressed as an InvalidFileError at `path` in `file`; other errors as they are. */
export function inFile(file: string, path: string, error: unknown): unknown {
  return error instanceof InvalidInputError ? new InvalidFileError(file, path, error.message) : error;
}

/** Refuses fields a format does not define, so a misspelt field is not silently dropped. */
export function expectOnlyFields(
  file: string,
  path: string,
  value: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
): void {
  const unexpected = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unexpected.length > 0) {
    throw new InvalidFileError(
      file,
      path,
      `unexpected field ${unexpected.map((k) => JSON.stringify(k)).join(', ')} (expected only ${allowed.join(', ')})`,
    );
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
