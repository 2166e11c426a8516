import { describeReceived, InvalidFileError, InvalidInputError } from '../../simulators/core/errors.ts';
import { type FaultMix, parseFaultMix } from '../../simulators/postcommissioning/index.ts';
import { readDataFile } from './dataFile.ts';
import { UsageError } from './Io.ts';

const INLINE_EXAMPLE = 'responseTimeout=2.5%,neverCommunicating=0.3%';

/**
 * `--mix`: the causes a batch injects, as `name=share` pairs separated by commas (shares as
 * fractions or percentages) or as a YAML/JSON file mapping scenario names to shares. A bad pair is
 * a usage error (exit code 2); a bad file is named with the place in it (exit code 1).
 */
export async function faultMixOption(spec: string): Promise<FaultMix> {
  if (spec.includes('=')) return inlineMix(spec);
  const data = await readDataFile(spec);
  try {
    return parseFaultMix(data, 'mix');
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidFileError(spec, error.field, `expected ${error.expected}, got ${describeReceived(error.received)}`);
    throw error;
  }
}

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
