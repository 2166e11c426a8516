/**
 * Runs every `*.test.ts` below simulators/, steps/ and scripts/ with node's own test runner, with
 * TypeScript loaded by tsx. Node 20's `--test` does not expand globs, so this finds the files.
 * Extra arguments are passed to node (e.g. `--test-name-pattern=Eui`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const roots = ['simulators', 'steps', 'scripts'];

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = roots.flatMap((root) => findTests(root)).sort();
if (files.length === 0) {
  console.error('run-unit-tests: no *.test.ts files found');
  process.exit(1);
}
const reporter = process.env.CI ? ['--test-reporter=spec'] : [];
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', ...reporter, ...process.argv.slice(2), ...files.map((f) => relative('.', f))],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
