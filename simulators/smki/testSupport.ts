/**
 * Test helpers for the smki tests (not used at run time): where the shared reference data is, the
 * certificates it holds, and running openssl on temporary files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `../shared` relative to the repository root. */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const REFERENCE_DIR = join(SHARED_DIR, 'reference');
const KEYS_DIR = join(REFERENCE_DIR, 'keys');
const RTDS_DUIS_DIR = join(REFERENCE_DIR, 'rtds-duis');

/** `false` when the reference data is there, otherwise the reason to skip (node:test `skip`). */
export const referenceSkip: false | string =
  existsSync(KEYS_DIR) && existsSync(RTDS_DUIS_DIR)
    ? false
    : `reference data absent: expected ${KEYS_DIR} and ${RTDS_DUIS_DIR}`;

export interface ReferenceFile {
  readonly file: string;
  readonly text: string;
}

/** The `.pem` certificates in reference/keys, by file name. */
export function referenceKeyCertificates(): ReferenceFile[] {
  return readdirSync(KEYS_DIR)
    .filter((file) => file.endsWith('.pem'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(KEYS_DIR, file), 'utf8') }));
}

export function referenceKeyFile(file: string): string {
  return readFileSync(join(KEYS_DIR, file), 'utf8');
}

export interface EmbeddedCertificate {
  readonly file: string;
  /** The element's local name, e.g. `DigitalSigningCertificate`. */
  readonly element: string;
  readonly base64: string;
}

/** Certificates embedded as base64 DER in the RTDS DUIS requests (`<sr:…Certificate>`). */
export function rtdsEmbeddedCertificates(): EmbeddedCertificate[] {
  const found: EmbeddedCertificate[] = [];
  for (const file of readdirSync(RTDS_DUIS_DIR)
    .filter((name) => /\.xml$/i.test(name))
    .sort()) {
    const xml = readFileSync(join(RTDS_DUIS_DIR, file), 'utf8');
    for (const match of xml.matchAll(/<sr:(\w*Certificate)>\s*([A-Za-z0-9+/=\s]+?)\s*<\/sr:\1>/g)) {
      found.push({ file, element: match[1]!, base64: match[2]!.replace(/\s+/g, '') });
    }
  }
  return found;
}

/** `false` when openssl runs, otherwise the reason to skip. */
export const opensslSkip: false | string = (() => {
  const result = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? false : 'openssl is not installed (apt-get install openssl); skipping';
})();

export function openssl(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `files` into a fresh temporary directory, runs `body` with their paths, then removes it. */
export function withTempFiles<T>(
  files: Record<string, string>,
  body: (paths: Record<string, string>) => T,
): T {
  const dir = mkdtempSync(join(tmpdir(), 'smki-test-'));
  try {
    const paths: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      paths[name] = join(dir, name);
      writeFileSync(paths[name], content);
    }
    return body(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
