/**
 * `certify --url`: the CLI's own entry, in process, against a live harness in which suppliers did
 * their post-commissioning through DuisClient (one 6.15.1 placing the wrong NO's certificates);
 * and the command lines and estates it refuses, saying what to change.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Certification } from '../../simulators/certification/index.ts';
import { driveEveryHome, startSupplierEstate, type SupplierEstate } from '../../simulators/certification/testSupport.ts';
import { homeDeviceId } from '../../simulators/harness/index.ts';
import { type RunningServer, startHttpServer } from '../../simulators/http/httpServer.ts';
import { certifyCommand } from './certifyCommand.ts';
import { main } from './main.ts';
import { bufferIo } from './testIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'smets-certify-'));
const run = async (argv: string[]) => {
  const io = bufferIo();
  const code = await main(argv, io, [certifyCommand()]);
  return { code, io };
};
const readCert = (out: string, slug: string) => JSON.parse(readFileSync(join(out, `certification-${slug}.json`), 'utf8')) as Certification;
const esme = (home: number) => homeDeviceId(home, 'ESME').toString();

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('smets-harness certify --url (the live estate)', () => {
  let estate: SupplierEstate;
  let url: string;
  let later: Date;
  before(async () => {
    estate = await startSupplierEstate();
    url = estate.harness.url!;
    later = await driveEveryHome(estate);
  });
  after(async () => {
    await estate?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the estate's judgement of a supplier as JSON and HTML, and prints the summary", async () => {
    const out = join(dir, 'aurora');
    const r = await run(['certify', '--user', 'Aurora Energy', '--url', url, '--out', out]);
    expect(r.code, r.io.text()).to.equal(0);
    const c = readCert(out, 'aurora-energy');
    expect(c.verdict).to.equal('not certified');
    expect(c.source).to.deep.include({ kind: 'live estate', location: url });
    expect(c.devices.map((d) => [d.deviceId, d.result])).to.have.deep.members([
      [esme(1), 'pass'],
      [homeDeviceId(1, 'GSME').toString(), 'pass'],
      [homeDeviceId(1, 'GPF').toString(), 'pass'],
      [esme(2), 'fail'],
      [esme(4), 'pass'],
    ]);
    const wrong = c.devices.find((d) => d.deviceId === esme(2))!;
    expect(wrong.networkOperatorCertificates).to.equal('wrong');
    expect(wrong.reasons.map((x) => x.cause)).to.deep.equal(['wrongNetworkOperator']);
    const served = (await (await fetch(`${url}/certification?user=Aurora%20Energy`)).json()) as Certification;
    expect(c, 'the same judgement GET /certification serves').to.deep.equal(served);
    const html = readFileSync(join(out, 'certification-aurora-energy.html'), 'utf8');
    expect(html).to.contain('Verdict: NOT CERTIFIED').and.contain(esme(2)).and.contain(`The live estate at <code>${url}</code>`).and.not.match(/<script|src=/);
    const printed = r.io.stdout.join('\n');
    expect(printed).to.contain('Post-commissioning certification: Aurora Energy: NOT CERTIFIED').and.contain(`judged from the live estate at ${url}`);
    expect(printed).to.contain('5 devices: 4 pass, 1 fail, 0 pending').and.contain('wrong NO certificates: 1');
  });

  it('takes the User EUI in any spelling, a URL ending in /, and --since', async () => {
    const out = join(dir, 'since');
    const r = await run(['certify', '--user', '90b3d51f40010100', '--url', `${url}/`, '--since', later.toISOString(), '--out', out]);
    expect(r.code, r.io.text()).to.equal(0);
    const c = readCert(out, 'aurora-energy');
    expect([c.verdict, c.since, c.devices.map((d) => d.deviceId)]).to.deep.equal(['certified', later.toISOString(), [esme(4)]]);
    expect(r.io.stdout.join('\n')).to.contain(`1 devices commissioned since ${later.toISOString()}: 1 pass, 0 fail, 0 pending`);
  });

  it('refuses a supplier the estate does not have with exit code 2, listing its suppliers, writing nothing', async () => {
    const out = join(dir, 'never-user');
    const r = await run(['certify', '--user', 'Nobody Energy', '--url', url, '--out', out]);
    expect(r.code).to.equal(2);
    expect(r.io.stderr.join('\n')).to.match(new RegExp(`--user: "Nobody Energy" is not a supplier of the estate at ${url}; it has 90-B3-D5-1F-40-01-01-00 \\(Aurora Energy\\), .*\\(Cirrus Energy\\)`));
    expect(existsSync(out)).to.equal(false);
  });

  it('says no estate is reachable (exit code 1) and writes nothing', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const out = join(dir, 'never-dead');
    const r = await run(['certify', '--user', 'Aurora Energy', '--url', dead, '--out', out]);
    expect(r.code).to.equal(1);
    expect(r.io.stderr.join('\n')).to.contain(`--url: cannot reach an estate at ${dead} (ECONNREFUSED); start one with "npx smets-harness up"`);
    expect(r.io.stdout).to.deep.equal([]);
    expect(existsSync(out)).to.equal(false);
  });

  describe('a server that is not an estate', () => {
    let other: RunningServer;
    before(async () => {
      other = await startHttpServer([]);
    });
    after(() => other.close());

    it('names the HTTP answer it got (exit code 1) and writes nothing', async () => {
      const out = join(dir, 'never-other');
      const r = await run(['certify', '--user', 'Aurora Energy', '--url', other.url, '--out', out]);
      expect(r.code).to.equal(1);
      expect(r.io.stderr.join('\n')).to.contain(`the estate at ${other.url} answered GET /certification with HTTP 404: no such endpoint: GET /certification; is --url a smets-harness up estate`);
      expect(existsSync(out)).to.equal(false);
    });
  });

  for (const [argv, message] of [
    [['--user', 'Aurora Energy', '--url', 'http://127.0.0.1:8079', '--from', 'reports/post-commissioning'], /--from and --url: give one, not both; --from DIR judges a saved batch report .*, --url URL the live estate/],
    [['--user', 'Aurora Energy'], /give --url or --from: --from DIR judges a saved batch report/],
    [['--user', 'Aurora Energy', '--url', 'localhost:8079'], /--url: expected the http\(s\) URL smets-harness up prints, such as http:\/\/127\.0\.0\.1:8079, got "localhost:8079"/],
    [['--user', 'Aurora Energy', '--url', 'http://a', '--url', 'http://b'], /--url: give it once, got 2 values/],
    [['--user', ' ', '--url', 'http://127.0.0.1:8079'], /--user: expected a User EUI or a party name, got an empty text/],
    [['--user', 'Aurora Energy', '--url', 'http://127.0.0.1:8079', '--since', 'yesterday'], /--since: expected an ISO 8601 date/],
  ] as [string[], RegExp][]) {
    it(`refuses "certify ${argv.join(' ')}" with exit code 2, asking nothing of any estate`, async () => {
      const r = await run(['certify', ...argv, '--out', join(dir, 'never-argv')]);
      expect(r.code).to.equal(2);
      expect(r.io.stderr.join('\n')).to.match(message);
      expect(existsSync(join(dir, 'never-argv'))).to.equal(false);
    });
  }

  it('--help shows the live-estate example and limits naming both sources', async () => {
    const r = await run(['certify', '--help']);
    const help = r.io.stdout.join('\n').replace(/\s+/g, ' ');
    expect(help).to.contain('certify --user "Aurora Energy" --url').and.contain('(default http://127.0.0.1:8079)').and.contain('live estate').and.contain('saved batch report');
  });
});
