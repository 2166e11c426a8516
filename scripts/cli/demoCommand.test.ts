import { describe, it } from 'node:test';
import { expect } from 'chai';
import { demoCommand } from './demoCommand.ts';
import { main } from './main.ts';
import { bufferIo } from './testIo.ts';

describe('smets-harness demo', () => {
  it('narrates the MP107 story under baseline and mp107-r1 and says what changes', async () => {
    const io = bufferIo();
    expect(await main(['demo', 'wrong-no-smets1'], io, [demoCommand()])).to.equal(0);
    const text = io.stdout.join('\n');
    expect(text).to.contain('under the "baseline" rules').and.contain('under the "mp107-r1" rules');
    expect(text).to.match(/UK Power Networks \(London\) → DSP: .*6\.15\.1/);
    expect(text).to.match(/What changes:\n\s+baseline\s+refused E4/);
    expect(text).to.match(/mp107-r1\s+accepted/);
  });

  for (const [argv, message] of [
    [['demo', 'no-such-story'], /story: expected one of wrong-no-smets1, got "no-such-story"/],
    [['demo', 'wrong-no-smets1', '--rules', 'baseline,mp108'], /rule set: expected one of baseline/],
    [['demo'], /Not enough non-option arguments/],
  ] as [string[], RegExp][]) {
    it(`refuses "${argv.join(' ')}" with exit code 2, starting nothing`, async () => {
      const io = bufferIo();
      expect(await main(argv, io, [demoCommand()])).to.equal(2);
      expect(io.stderr.join('\n')).to.match(message);
      expect(io.stdout).to.deep.equal([]);
    });
  }
});
