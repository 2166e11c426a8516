import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Harness } from '../../simulators/harness/index.ts';
import { main } from './main.ts';
import { bufferIo } from './testIo.ts';
import { upCommand } from './upCommand.ts';

const dir = mkdtempSync(join(tmpdir(), 'smets-up-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `up` in process; `whileUp` talks to it, then it is stopped as Ctrl-C would. */
async function runUp(argv: string[], whileUp: (harness: Harness) => Promise<void>) {
  const io = bufferIo();
  let ready: (h: Harness) => void = () => {};
  const isReady = new Promise<Harness>((resolve) => (ready = resolve));
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const exit = main(['up', '--port', '0', ...argv], io, [upCommand({ onReady: ready, stop: () => stopped })]);
  const outcome = await Promise.race([isReady.then((h) => ({ h })), exit.then((code) => ({ code }))]);
  if ('code' in outcome) return { code: outcome.code, io };
  try {
    await whileUp(outcome.h);
  } finally {
    stop('SIGINT');
  }
  return { code: await exit, io };
}

describe('smets-harness up', () => {
  it('serves the default estate, prints the endpoints and Users, and stops cleanly', async () => {
    let url = '';
    const { code, io } = await runUp([], async (harness) => {
      url = harness.url!;
      expect((await fetch(`${url}/healthz`)).status).to.equal(200);
      expect(harness.inventory.devices().length).to.be.greaterThan(10);
      // the default estate's homes were commissioned at its registeredFrom, 2025-01-01
      const c = (await (await fetch(`${url}/certification?user=Aurora%20Energy`)).json()) as { source: { kind: string; location: string }; devices: { commissionedAt: string }[] };
      expect(c.source).to.deep.include({ kind: 'live estate', location: url });
      expect(c.devices.map((d) => d.commissionedAt)).to.have.length.greaterThan(0).and.satisfy((all: string[]) => all.every((t) => t === '2025-01-01T00:00:00.000Z'));
    });
    expect(code, io.text()).to.equal(0);
    expect(io.text()).to.contain('/api/v1/serviceS').and.contain(`${url}/certification?user=`).and.contain('Aurora Energy').and.contain('SIGINT: stopping');
    await fetch(`${url}/healthz`).then(
      () => expect.fail('still listening after stop'),
      () => undefined,
    );
  });

  it('runs a small estate file under the rules it is given', async () => {
    const file = join(dir, 'estate.yaml');
    writeFileSync(file, 'homes:\n  - name: one\n    supplier: Cirrus Energy\n    smets: SMETS2\n    region: North\n    mpan: "1500000000015"\n    networkOperatorCells: supplier\n');
    const { code, io } = await runUp(['--estate', file, '--rules', 'mp107-r1+secmp0063'], async (harness) => {
      expect(harness.inventory.devices().length).to.equal(2); // CHF and ESME
    });
    expect(code, io.text()).to.equal(0);
    expect(io.text()).to.contain('mp107-r1+secmp0063');
  });

  const mistakes: [string[], RegExp, number][] = [
    [['--port', '70000'], /--port: expected a port number from 0 to 65535/, 2],
    [['--tls-cert', 'x.pem'], /--tls-cert and --tls-key go together/, 2],
    [['--response-url', 'ftp://x'], /--response-url: expected an http\(s\) URL/, 2],
    [['--rules', 'mp108'], /rule set: expected one of baseline, .* got "mp108"/, 1],
    [['--profile', 'dccboxed'], /keystore/, 1],
    [['--estate', '/nonexistent.yaml'], /\/nonexistent.yaml: cannot be read/, 1],
  ];
  for (const [argv, message, exitCode] of mistakes) {
    it(`refuses "up ${argv.join(' ')}" saying what to change, starting nothing`, async () => {
      const { code, io } = await runUp(argv, async () => expect.fail('it started'));
      expect(code).to.equal(exitCode);
      expect(io.stderr.join('\n')).to.match(message);
    });
  }

  it('names the path of a bad estate file', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'homes:\n  - supplier: Nobody\n');
    const { code, io } = await runUp(['--estate', file], async () => expect.fail('it started'));
    expect(code).to.equal(1);
    expect(io.stderr.join('\n')).to.match(/bad\.yaml at homes\[0\]/);
  });
});
