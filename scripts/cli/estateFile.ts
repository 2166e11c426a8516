import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InvalidFileError } from '../../simulators/core/errors.ts';
import { parsePopulation } from '../../simulators/harness/parsePopulation.ts';
import type { Population } from '../../simulators/harness/population.ts';

/** Reads an estate file (YAML or JSON: a list of homes) into a population; errors name the path. */
export async function readEstateFile(file: string): Promise<Population> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidFileError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InvalidFileError(file, '', `is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  return parsePopulation(data, file);
}
