import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InvalidFileError } from '../../simulators/core/errors.ts';

/** A YAML or JSON file's data (`.json` read as JSON, anything else as YAML); a file that cannot be read or parsed is named. */
export async function readDataFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidFileError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InvalidFileError(file, '', `is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
}
