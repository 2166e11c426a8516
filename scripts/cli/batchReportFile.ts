import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidFileError } from '../../simulators/core/errors.ts';
import type { PostCommissioningReport } from '../../simulators/postcommissioning/index.ts';

/** The file name `batch` writes the report's JSON under, in its --out directory. */
export const BATCH_REPORT_JSON = 'post-commissioning.json';

/**
 * Reads a post-commissioning report saved by `batch` (its JSON): `input` is the file or the
 * directory `batch` wrote into. Checks the fields the renderers and `certify` rely on; every
 * problem names the file and what was expected there.
 */
export async function readBatchReport(input: string): Promise<{ file: string; report: PostCommissioningReport }> {
  let file = input;
  try {
    if ((await stat(input)).isDirectory()) file = join(input, BATCH_REPORT_JSON);
  } catch (error) {
    throw new InvalidFileError(input, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidFileError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected the ${BATCH_REPORT_JSON} that smets-harness batch writes`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidFileError(file, '', `is not valid JSON (${(error as Error).message}); expected the ${BATCH_REPORT_JSON} that smets-harness batch writes`);
  }
  return { file, report: checkReport(data, file) };
}

function checkReport(data: unknown, file: string): PostCommissioningReport {
  const bad = (path: string, expected: string) => new InvalidFileError(file, path, `expected ${expected} (a post-commissioning report as smets-harness batch writes it)`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('', 'an object');
  const r = data as Record<string, unknown>;
  for (const key of ['title', 'asOf', 'reported', 'real'] as const) if (typeof r[key] !== 'string') throw bad(key, 'a text');
  if (!Array.isArray(r.criteria) || r.criteria.length === 0) throw bad('criteria', 'a list of criteria sets');
  r.criteria.forEach((c: unknown, i) => {
    if (typeof c !== 'object' || c === null || typeof (c as { name?: unknown }).name !== 'string') throw bad(`criteria[${i}].name`, 'a text');
  });
  const names = (r.criteria as { name: string }[]).map((c) => c.name);
  for (const key of ['reported', 'real'] as const) if (!names.includes(r[key] as string)) throw bad(key, `one of the criteria sets (${names.join(', ')})`);
  if (typeof r.totals !== 'object' || r.totals === null) throw bad('totals', 'the totals');
  for (const key of ['bySupplier', 'devices', 'falsePositives', 'falsePositiveCauses', 'warnings'] as const) {
    if (!Array.isArray(r[key])) throw bad(key, 'a list');
  }
  (r.devices as unknown[]).forEach((d, i) => {
    const row = d as Record<string, unknown> | null;
    if (typeof row !== 'object' || row === null) throw bad(`devices[${i}]`, 'a device row');
    if (typeof row.deviceId !== 'string') throw bad(`devices[${i}].deviceId`, 'a device ID');
    if (typeof row.commissionedAt !== 'string' || Number.isNaN(Date.parse(row.commissionedAt))) throw bad(`devices[${i}].commissionedAt`, 'an ISO 8601 date');
    const verdicts = row.verdicts as Record<string, { status?: unknown; failures?: unknown }> | undefined;
    for (const n of names) {
      if (typeof verdicts?.[n]?.status !== 'string' || !Array.isArray(verdicts[n].failures)) throw bad(`devices[${i}].verdicts.${n}`, 'a status and a list of failures');
    }
  });
  return data as PostCommissioningReport;
}
