import { existsSync } from 'node:fs';
import { InvalidFileError, InvalidInputError } from '../../simulators/core/errors.ts';
import { type FaultMix, parseFaultMix } from '../../simulators/postcommissioning/index.ts';
import { readDataFile } from './dataFile.ts';
import { UsageError } from './Io.ts';

const INLINE_EXAMPLE = 'responseTimeout=2.5%,neverCommunicating=0.3%';

/**
 * `--mix`: the causes a batch injects, as a YAML/JSON file mapping scenario names to shares (when
 * a file of that name exists) or as `name=share` pairs separated by commas (shares as fractions or
 * percentages). Bad pairs are a usage error (exit code 2); a bad file is named with the place in it
 * (exit code 1).
 */
export async function faultMixOption(spec: string): Promise<FaultMix> {
  if (!existsSync(spec)) {
    if (spec.includes('=')) return inlineMix(spec);
    throw new UsageError(`--mix: expected name=share pairs (e.g. ${INLINE_EXAMPLE}) or a YAML/JSON file that exists, got "${spec}"`);
  }
  const data = await readDataFile(spec);
  try {
    return parseFaultMix(data, FILE_ROOT);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    // The file's top level is the mix: places are named from there (`handover`, not `mix.handover`).
    const path = error.field === FILE_ROOT ? '' : error.field.slice(FILE_ROOT.length + 1);
    throw InvalidFileError.of(spec, error, path);
  }
}

const FILE_ROOT = 'mix';

function inlineMix(spec: string): FaultMix {
  const data: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    const name = parts[0]!.trim();
    const share = parts[1]?.trim();
    if (parts.length !== 2 || name === '' || !share) {
      throw new UsageError(`--mix: expected name=share pairs separated by commas (e.g. ${INLINE_EXAMPLE}) or a YAML/JSON file, got "${pair}"`);
    }
    if (Object.hasOwn(data, name)) throw new UsageError(`--mix: give each scenario once, got ${name} twice`);
    data[name] = share;
  }
  try {
    return parseFaultMix(data, '--mix');
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(error.message);
    throw error;
  }
}
