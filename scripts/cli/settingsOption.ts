import { describeReceived, InvalidFileError, InvalidInputError } from '../../simulators/core/errors.ts';
import { parsePostCommissioningSettings, type PostCommissioningSettings } from '../../simulators/postcommissioning/index.ts';
import { readDataFile } from './dataFile.ts';

/**
 * `--settings FILE`: post-commissioning deadlines and obligations from the `postCommissioning:`
 * section of a YAML/JSON file – an estate file, or a file holding only that section. Problems name
 * the file and the place in it.
 */
export async function settingsOption(file: string): Promise<PostCommissioningSettings> {
  const data = await readDataFile(file);
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('postCommissioning' in data)) {
    throw new InvalidFileError(file, '', `expected a postCommissioning section (deadlines, obligationsByDeviceType), as in an estate file, got ${describeReceived(data)}`);
  }
  try {
    return parsePostCommissioningSettings((data as { postCommissioning: unknown }).postCommissioning, 'postCommissioning');
  } catch (error) {
    if (error instanceof InvalidInputError) throw InvalidFileError.of(file, error);
    throw error;
  }
}
