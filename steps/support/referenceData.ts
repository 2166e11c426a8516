import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared/reference` beside the repository: DCC's published artefacts, used by path, never copied. */
export const REFERENCE_DIR = resolve(import.meta.dirname, '../../../shared/reference');

/** Why a step that needs the reference data cannot run, or `undefined` when it is there. */
export function referenceAbsent(): string | undefined {
  return existsSync(REFERENCE_DIR) ? undefined : `reference data absent: expected ${REFERENCE_DIR}`;
}

export function referenceFiles(folder: string, suffix: string): { file: string; text: string }[] {
  const dir = join(REFERENCE_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** The base64 certificates DUIS requests carry, as elements whose name ends in `Certificate`. */
export function embeddedCertificates(xml: string): string[] {
  return [...xml.matchAll(/<sr:(\w*Certificate)>\s*([A-Za-z0-9+/=\s]+?)\s*<\/sr:\1>/g)].map((m) =>
    m[2]!.replace(/\s/g, ''),
  );
}
