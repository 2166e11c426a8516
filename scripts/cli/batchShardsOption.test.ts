/** `batch --shards` and `--signing` (decision 0009), run in process as the other CLI tests do. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { PostCommissioningReport } from '../../simulators/postcommissioning/index.ts';
import { batchCommand } from './batchCommand.ts';
import { main } from './main.ts';
import { bufferIo } from './testIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'smets-shards-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = async (argv: string[]) => {
  const io = bufferIo();
  const code = await main(argv, io, [batchCommand()]);
  return { code, io };
};

describe('smets-harness batch --shards', () => {
  for (const [argv, message] of [
    [['--shards', '0'], /--shards: expected a whole number from 1 to 64, got 0/],
    [['--shards', '65'], /--shards: expected a whole number from 1 to 64, got 65/],
    [['--shards', '1.5'], /--shards: expected a whole number from 1 to 64, got 1\.5/],
    [['--shards', 'two'], /--shards: expected a whole number from 1 to 64, got NaN/],
    [['--shards', '2', '--shards', '3'], /--shards: give it once, got 2 values/],
    [['--signing', 'hmac'], /Invalid values:[\s\S]*signing[\s\S]*in-process/],
  ] as [string[], RegExp][]) {
    it(`refuses "batch ${argv.join(' ')}" with exit code 2, running nothing`, async () => {
      const out = join(dir, 'never');
      const { code, io } = await run(['batch', '--devices', '4', '--out', out, ...argv]);
      expect(code).to.equal(2);
      expect(io.stderr.join('\n')).to.match(message);
      expect(io.stdout).to.deep.equal([]);
      expect(existsSync(out)).to.equal(false);
    });
  }

  it('runs a small batch with in-process signing on 2 shards and says so', async () => {
    const out = join(dir, 'two');
    const { code, io } = await run(['batch', '--preset', 'clean', '--devices', '6', '--signing', 'in-process', '--shards', '2', '--out', out]);
    expect(code, io.text()).to.equal(0);
    expect(io.stdout[0]).to.match(/6 devices, seed 1, in-process signing, 2 shard\(s\)$/);
    const report = JSON.parse(readFileSync(join(out, 'post-commissioning.json'), 'utf8')) as PostCommissioningReport;
    expect(report.devices).to.have.length(6);
    expect(report.totals.classifications.passed).to.equal(6);
  });
});
