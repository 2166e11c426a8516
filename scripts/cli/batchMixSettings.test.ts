/**
 * `batch --mix` and `--settings`: another mix of causes than the preset's, and an estate's
 * post-commissioning deadlines, from the command line or from files; bad ones refused before
 * anything runs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { PostCommissioningReport } from '../../simulators/postcommissioning/index.ts';
import { batchCommand } from './batchCommand.ts';
import { main } from './main.ts';
import { bufferIo } from './testIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'smets-mix-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = async (argv: string[]) => {
  const io = bufferIo();
  const code = await main(argv, io, [batchCommand()]);
  return { code, io };
};
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const reportIn = (out: string) => JSON.parse(readFileSync(join(out, 'post-commissioning.json'), 'utf8')) as PostCommissioningReport;
const batch = (out: string, ...argv: string[]) => run(['batch', '--devices', '100', '--signing', 'in-process', '--out', out, ...argv]);

describe('smets-harness batch --mix and --settings', () => {
  it('injects the causes --mix names instead of the preset’s (exact counts with seed-004), judged from the journal', async () => {
    const out = join(dir, 'inline');
    const { code, io } = await batch(out, '--mix', 'wrongNetworkOperatorInstalled=10%,responseTimeout=0.05');
    expect(code, io.text()).to.equal(0);
    expect(io.stdout[0]).to.contain('preset seed-004 with --mix wrongNetworkOperatorInstalled 10%, responseTimeout 5%');
    const report = reportIn(out);
    expect(report.totals.byCriteria.proposed!.failed).to.equal(10);
    expect(report.totals.byCriteria.current!.failed).to.equal(15);
    expect(report.causes.proposed!.map((c) => [c.cause, c.devices])).to.deep.equal([['wrongNetworkOperator', 10]]);
  });

  it('reads the same mix from a YAML file', async () => {
    const out = join(dir, 'file');
    const mix = file('mix.yaml', 'wrongNetworkOperatorInstalled: 10%\nresponseTimeout: 0.05\n');
    const { code, io } = await batch(out, '--mix', mix);
    expect(code, io.text()).to.equal(0);
    expect(reportIn(out).totals.byCriteria.proposed!.failed).to.equal(10);
    expect(reportIn(out).totals.byCriteria.current!.failed).to.equal(15);
  });

  it('reads a mix file from a directory whose name holds "="', async () => {
    const out = join(dir, 'equals');
    mkdirSync(join(dir, 'a=b'));
    const { code, io } = await batch(out, '--mix', file('a=b/mix.json', '{ "wrongNetworkOperatorInstalled": 0.1 }'));
    expect(code, io.text()).to.equal(0);
    expect(reportIn(out).totals.byCriteria.proposed!.failed).to.equal(10);
  });

  it('judges under the deadlines of --settings (an estate file’s postCommissioning section), across shards', async () => {
    const out = join(dir, 'settings');
    const settings = file('estate.yaml', 'homes: []\npostCommissioning:\n  deadlines: { default: 45d, networkOperatorCredentials: 14d }\n');
    const { code, io } = await batch(out, '--preset', 'clean', '--settings', settings, '--shards', '2');
    expect(code, io.text()).to.equal(0);
    expect(io.stdout[0]).to.contain(`settings from ${settings}`);
    const report = reportIn(out);
    expect(report.deadlineDays.networkOperatorCredentials).to.equal(14);
    expect(report.deadlineDays.issueCredentialsDS).to.equal(45);
    expect(report.totals.byCriteria.current!.failed).to.equal(0);
    // A deadline no Service Request can meet: the same clean night now fails every meter, as late.
    const strict = join(dir, 'strict');
    const oneMs = file('strict.yaml', 'postCommissioning: { deadlines: { default: 1ms } }\n');
    const failing = await batch(strict, '--preset', 'clean', '--settings', oneMs, '--shards', '2');
    expect(failing.code, failing.io.text()).to.equal(0);
    const late = reportIn(strict);
    expect(late.totals.byCriteria.current!.failed).to.equal(late.totals.byCriteria.current!.devices);
    expect(late.causes.current!.map((c) => c.cause)).to.include('late');
  });

  for (const [what, argv, message] of [
    ['an unknown scenario', ['--mix', 'slowNetwork=1%'], /--mix: expected scenario names \(.*responseTimeout.*\), got "slowNetwork"/],
    ['a share over 100%', ['--mix', 'responseTimeout=150%'], /--mix\.responseTimeout: expected a share from 0 to 1, or a percentage such as 2\.5%, got "150%"/],
    ['shares adding up to more than 100%', ['--mix', 'responseTimeout=60%,handover=50%'], /--mix: expected shares adding up to at most 1 \(100%\), got 1\.1/],
    ['a pair without a share', ['--mix', 'responseTimeout=,handover=1%'], /--mix: expected name=share pairs separated by commas .* got "responseTimeout="/],
    ['a scenario twice', ['--mix', 'handover=1%,handover=2%'], /--mix: give each scenario once, got handover twice/],
    ['an empty --mix', ['--mix', ''], /--mix: expected name=share pairs or a file, got an empty text/],
    ['a scenario without a share that names no file', ['--mix', 'handover'], /--mix: expected name=share pairs \(e\.g\. .*\) or a YAML\/JSON file that exists, got "handover"/],
    ['--settings twice', ['--settings', 'a.yaml', '--settings', 'b.yaml'], /--settings: give it once, got 2 values/],
  ] as [string, string[], RegExp][]) {
    it(`refuses ${what} with exit code 2, running and writing nothing`, async () => {
      const out = join(dir, 'never');
      const { code, io } = await batch(out, ...argv);
      expect(code).to.equal(2);
      expect(io.stderr.join('\n')).to.match(message);
      expect(io.stdout).to.deep.equal([]);
      expect(existsSync(out)).to.equal(false);
    });
  }

  for (const [what, make, message] of [
    ['a mix file naming an unknown scenario', () => ['--mix', file('bad-mix.yaml', 'slowNetwork: 1%\n')], /bad-mix\.yaml: expected scenario names .* got "slowNetwork"/],
    ['a mix file with a bad share', () => ['--mix', file('bad-share.yaml', 'handover: lots\n')], /bad-share\.yaml at handover: expected a share from 0 to 1/],
    ['a mix file holding a list', () => ['--mix', file('list.yaml', '- handover\n')], /list\.yaml: expected a mapping of scenario names to shares, got/],
    ['an empty postCommissioning section', () => ['--settings', file('empty.yaml', 'postCommissioning:\n')], /empty\.yaml at postCommissioning: expected a mapping, got null/],
    ['a deadline beyond 100 years', () => ['--settings', file('forever.yaml', 'postCommissioning: { deadlines: { default: 1e300 } }\n')], /forever\.yaml at postCommissioning\.deadlines\.default: expected a duration up to 100 years/],
    ['a settings file without the section', () => ['--settings', file('no-section.yaml', 'homes: []\n')], /no-section\.yaml: expected a postCommissioning section \(deadlines, obligationsByDeviceType\), as in an estate file/],
    ['a settings file with a deadline in weeks', () => ['--settings', file('weeks.yaml', 'postCommissioning: { deadlines: { default: 4w } }\n')], /weeks\.yaml at postCommissioning\.deadlines\.default: expected a duration up to 100 years: .* got "4w"/],
    ['a settings file that is not YAML', () => ['--settings', file('broken.yaml', 'postCommissioning: [\n')], /broken\.yaml: is not valid YAML/],
  ] as [string, () => string[], RegExp][]) {
    it(`names ${what} with exit code 1, running and writing nothing`, async () => {
      const out = join(dir, 'never');
      const { code, io } = await batch(out, ...make());
      expect(code).to.equal(1);
      expect(io.stderr.join('\n')).to.match(message);
      expect(io.stdout).to.deep.equal([]);
      expect(existsSync(out)).to.equal(false);
    });
  }
});
