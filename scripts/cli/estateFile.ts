import { parsePopulation } from '../../simulators/harness/parsePopulation.ts';
import type { Population } from '../../simulators/harness/population.ts';
import { readDataFile } from './dataFile.ts';

/** Reads an estate file (YAML or JSON: a list of homes) into a population; errors name the path. */
export async function readEstateFile(file: string): Promise<Population> {
  return parsePopulation(await readDataFile(file), file);
}
