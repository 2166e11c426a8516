import { describe, it } from 'node:test';
import { expect } from 'chai';
import { main } from './main.ts';
import { runCommand } from './runCommand.ts';
import { bufferIo } from './testIo.ts';

describe('smets-harness run', () => {
  it('runs the scenarios a tag expression picks, with exit code 0 when they pass', async () => {
    const io = bufferIo();
    expect(await main(['run', '--tags', '@device and not @e2e'], io, [runCommand()])).to.equal(0);
    expect(io.stdout.join('\n')).to.contain('running cucumber --tags "@device and not @e2e"');
  });

  it('refuses an unknown rule set before running anything', async () => {
    const io = bufferIo();
    expect(await main(['run', '--rules', 'mp108'], io, [runCommand()])).to.equal(2);
    expect(io.stderr.join('\n')).to.match(/--rules: rule set: expected one of baseline/);
    expect(io.stdout).to.deep.equal([]);
  });
});
