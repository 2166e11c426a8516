import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Certification } from '../../simulators/certification/index.ts';
import type { PostCommissioningReport } from '../../simulators/postcommissioning/index.ts';
import { batchCommand } from './batchCommand.ts';
import { certifyCommand } from './certifyCommand.ts';
import { main } from './main.ts';
import { reportCommand } from './reportCommand.ts';
import { bufferIo } from './testIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'smets-pc-'));
const batchDir = join(dir, 'batch');
after(() => rmSync(dir, { recursive: true, force: true }));
const commands = [batchCommand(), reportCommand(), certifyCommand()];
const run = async (argv: string[]) => {
  const io = bufferIo();
  const code = await main(argv, io, commands);
  return { code, io };
};

describe('smets-harness batch', () => {
  let batch: Awaited<ReturnType<typeof run>>;
  before(async () => {
    batch = await run(['batch', '--devices', '100', '--seed', '1', '--out', batchDir]);
  });

  it('runs the overnight batch, writes JSON, CSV and HTML and prints the headline rates', () => {
    expect(batch.code, batch.io.text()).to.equal(0);
    const out = batch.io.stdout.join('\n');
    expect(out).to.match(/reported failure rate \(current\): \d+\.\d\d% \(\d+ of 100 devices\)/).and.match(/real failure rate \(proposed\)/);
    for (const f of ['post-commissioning.json', 'post-commissioning-devices.csv', 'post-commissioning-failures.csv', 'post-commissioning.html']) {
      expect(existsSync(join(batchDir, f)), f).to.equal(true);
    }
    const report = JSON.parse(readFileSync(join(batchDir, 'post-commissioning.json'), 'utf8')) as PostCommissioningReport;
    expect(report.devices).to.have.length(100);
    expect(report.totals.byCriteria.current!.failed).to.be.greaterThan(0);
  });

  for (const [argv, message] of [
    [['--devices', '0'], /--devices: expected a whole number from 1 to 999999, got 0/],
    [['--devices', '2.5'], /--devices: expected a whole number/],
    [['--devices', 'many'], /--devices: expected a whole number .* got NaN/],
    [['--seed', 'x'], /--seed: expected a whole number/],
    [['--preset', 'seed-005'], /Invalid values:[\s\S]*preset[\s\S]*seed-004/],
    [['--out', ''], /--out: expected a directory/],
    [['--out', 'a', '--out', 'b'], /--out: give it once, got 2 values/],
  ] as [string[], RegExp][]) {
    it(`refuses "batch ${argv.join(' ')}" with exit code 2, running nothing`, async () => {
      const { code, io } = await run(['batch', ...(argv.includes('--out') ? [] : ['--out', join(dir, 'never')]), ...argv]);
      expect(code).to.equal(2);
      expect(io.stderr.join('\n')).to.match(message);
      expect(io.stdout).to.deep.equal([]);
      expect(existsSync(join(dir, 'never'))).to.equal(false);
    });
  }

  describe('report post-commissioning', () => {
    it('re-renders the saved report as HTML and CSV files', async () => {
      const html = join(dir, 'out', 'pc.html');
      let r = await run(['report', 'post-commissioning', '--in', batchDir, '--format', 'html', '--out', html]);
      expect(r.code, r.io.text()).to.equal(0);
      expect(readFileSync(html, 'utf8')).to.match(/^<!doctype html>/i);
      const csv = join(dir, 'out', 'failures.csv');
      r = await run(['report', 'post-commissioning', '--in', join(batchDir, 'post-commissioning.json'), '--format', 'csv', '--view', 'failures', '--out', csv]);
      expect(r.code, r.io.text()).to.equal(0);
      expect(readFileSync(csv, 'utf8')).to.equal(readFileSync(join(batchDir, 'post-commissioning-failures.csv'), 'utf8'));
    });

    it('writes JSON to standard output without --out, the same report', async () => {
      const r = await run(['report', 'post-commissioning', '--in', batchDir, '--format', 'json']);
      expect(r.code, r.io.text()).to.equal(0);
      expect(`${r.io.stdout.join('\n')}\n`).to.equal(readFileSync(join(batchDir, 'post-commissioning.json'), 'utf8'));
    });

    for (const [argv, message] of [
      [['--format', 'pdf'], /Invalid values:[\s\S]*format/],
      [[], /Missing required argument: format/],
      [['--format', 'html', '--view', 'failures'], /--view failures goes with --format csv/],
    ] as [string[], RegExp][]) {
      it(`refuses "report post-commissioning ${argv.join(' ')}" with exit code 2`, async () => {
        const r = await run(['report', 'post-commissioning', '--in', batchDir, ...argv]);
        expect(r.code).to.equal(2);
        expect(r.io.stderr.join('\n')).to.match(message);
      });
    }

    it('refuses another kind of report with exit code 2', async () => {
      const r = await run(['report', 'pre-commissioning', '--in', batchDir, '--format', 'json']);
      expect(r.code).to.equal(2);
      expect(r.io.stderr.join('\n')).to.match(/Invalid values:[\s\S]*post-commissioning/);
    });

    it('names the file and what was expected when it is missing, not JSON, or not a report (exit code 1)', async () => {
      const missing = join(dir, 'nowhere.json');
      let r = await run(['report', 'post-commissioning', '--in', missing, '--format', 'csv']);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.contain(`${missing}: cannot be read (ENOENT)`);
      const notJson = join(dir, 'notjson.json');
      writeFileSync(notJson, '<html>');
      r = await run(['report', 'post-commissioning', '--in', notJson, '--format', 'csv']);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.contain(`${notJson}: is not valid JSON`).and.contain('post-commissioning.json that smets-harness batch writes');
      const notReport = join(dir, 'estate.json');
      writeFileSync(notReport, JSON.stringify({ homes: [] }));
      r = await run(['report', 'post-commissioning', '--in', notReport, '--format', 'html']);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.match(new RegExp(`${notReport} at title: expected a text \\(a post-commissioning report`));
      r = await run(['report', 'post-commissioning', '--in', dir, '--format', 'json']);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.contain(join(dir, 'post-commissioning.json'));
    });

    it('names the device row a damaged report breaks at', async () => {
      const report = JSON.parse(readFileSync(join(batchDir, 'post-commissioning.json'), 'utf8')) as { devices: Record<string, unknown>[] };
      report.devices[3]!.commissionedAt = 'yesterday';
      const file = join(dir, 'damaged.json');
      writeFileSync(file, JSON.stringify(report));
      const r = await run(['report', 'post-commissioning', '--in', file, '--format', 'csv']);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.contain(`${file} at devices[3].commissionedAt: expected an ISO 8601 date`);
    });
  });

  describe('certify', () => {
    const readCert = (out: string, slug: string) => JSON.parse(readFileSync(join(out, `certification-${slug}.json`), 'utf8')) as Certification;

    it("judges one supplier's devices by party name: per device pass/fail with reasons, JSON and HTML", async () => {
      const out = join(dir, 'cert-name');
      const r = await run(['certify', '--user', 'aurora energy', '--from', batchDir, '--out', out]);
      expect(r.code, r.io.text()).to.equal(0);
      const c = readCert(out, 'aurora-energy');
      const report = JSON.parse(readFileSync(join(batchDir, 'post-commissioning.json'), 'utf8')) as PostCommissioningReport;
      const aurora = report.devices.filter((d) => d.supplierName === 'Aurora Energy');
      expect(c.supplier.name).to.equal('Aurora Energy');
      expect(c.source).to.deep.equal({ kind: 'saved batch report', location: join(batchDir, 'post-commissioning.json'), reportTitle: report.title, asOf: report.asOf });
      expect(c.summary.devices).to.equal(aurora.length);
      expect(c.summary.pass + c.summary.fail + c.summary.pending).to.equal(aurora.length);
      for (const d of c.devices) {
        if (d.result === 'fail') expect(d.reasons, d.deviceId).to.not.be.empty;
        if (d.result === 'pass') expect(d.reasons, d.deviceId).to.be.empty;
      }
      expect(c.verdict).to.equal(c.summary.fail > 0 ? 'not certified' : 'certified');
      const html = readFileSync(join(out, 'certification-aurora-energy.html'), 'utf8');
      expect(html).to.contain('Verdict:').and.contain('Limits').and.not.match(/<script|src=/);
      expect(r.io.stdout.join('\n')).to.match(/Post-commissioning certification: Aurora Energy: (NOT CERTIFIED|CERTIFIED)/);
    });

    it('finds the supplier by User EUI in any spelling and filters on commissioning time with --since', async () => {
      const report = JSON.parse(readFileSync(join(batchDir, 'post-commissioning.json'), 'utf8')) as PostCommissioningReport;
      const borealis = report.bySupplier.find((s) => s.name === 'Borealis Power')!;
      const times = [...new Set(report.devices.filter((d) => d.supplier === borealis.supplier).map((d) => d.commissionedAt))].sort();
      const since = times.at(-1)!;
      const out = join(dir, 'cert-eui');
      const r = await run(['certify', '--user', borealis.supplier.replaceAll('-', '').toLowerCase(), '--from', join(batchDir, 'post-commissioning.json'), '--since', since, '--out', out]);
      expect(r.code, r.io.text()).to.equal(0);
      const c = readCert(out, 'borealis-power');
      expect(c.since).to.equal(new Date(since).toISOString());
      expect(c.devices.length).to.equal(report.devices.filter((d) => d.supplier === borealis.supplier && d.commissionedAt >= since).length);
      expect(c.devices.every((d) => d.commissionedAt >= since)).to.equal(true);
    });

    it('refuses a supplier not in the report with exit code 2, listing those that are', async () => {
      const r = await run(['certify', '--user', 'Dunlin Gas', '--from', batchDir, '--out', join(dir, 'never')]);
      expect(r.code).to.equal(2);
      expect(r.io.stderr.join('\n')).to.match(/--user: "Dunlin Gas" is not a supplier in .*post-commissioning\.json; it has .*\(Aurora Energy\)/);
      expect(existsSync(join(dir, 'never'))).to.equal(false);
    });

    for (const [argv, message] of [
      [['--user', 'Aurora Energy', '--from', batchDir, '--since', 'last tuesday'], /--since: expected an ISO 8601 date/],
      [['--user', 'Aurora Energy', '--from', batchDir, '--since', '2026-02-30'], /--since: expected a real date .*, got "2026-02-30"/],
      [['--user', 'Aurora Energy'], /give --url or --from: --from DIR judges a saved batch report/],
      [['--from', batchDir], /Missing required argument: user/],
    ] as [string[], RegExp][]) {
      it(`refuses "certify ${argv.join(' ')}" with exit code 2`, async () => {
        const r = await run(['certify', ...argv]);
        expect(r.code).to.equal(2);
        expect(r.io.stderr.join('\n')).to.match(message);
      });
    }

    it('names a missing report file (exit code 1)', async () => {
      const r = await run(['certify', '--user', 'Aurora Energy', '--from', join(dir, 'none')]);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.contain(`${join(dir, 'none')}: cannot be read (ENOENT)`);
    });
  });
});

describe('smets-harness batch, report and certify --help', () => {
  for (const command of [['batch'], ['report', 'post-commissioning'], ['certify']]) {
    it(`${command.join(' ')} --help shows examples`, async () => {
      const r = await run([...command, '--help']);
      expect(r.code).to.equal(0);
      expect(r.io.stdout.join('\n')).to.contain('Examples:');
    });
  }
  it('certify --help states the design limits', async () => {
    const r = await run(['certify', '--help']);
    expect(r.io.stdout.join('\n')).to.contain('Design limits').and.contain('saved batch report');
  });
});
