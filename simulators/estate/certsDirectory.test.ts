import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { importDccBoxedKeyStore, loadKeyStore } from '../keystore/index.ts';
import { writeCertsDirectory } from './certsDirectory.ts';
import { DEFAULT_CERTS_DIR, loadDefaultEstate } from './defaultEstate.ts';
import { buildEstate } from './Estate.ts';

const clock = new SimulatedClock();
const opensslMissing = spawnSync('openssl', ['version']).status === 0 ? false : 'openssl is not installed';
const out = mkdtempSync(join(tmpdir(), 'smets-certs-'));
after(() => rmSync(out, { recursive: true, force: true }));

const identity = (c: {
  eui: { hex: string };
  usage: string;
  cellUsage?: string;
  serial: bigint;
  publicKey: import('node:crypto').KeyObject;
}) => `${c.eui.hex}/${c.usage}/${c.cellUsage ?? '-'}/${c.serial}/${c.publicKey.export({ format: 'jwk' }).x}`;

describe('the certs directory', () => {
  it('committed certs/ holds exactly what the estate seed gives (run `npm run certs` if this fails)', async () => {
    const committed = await loadKeyStore(join(DEFAULT_CERTS_DIR, 'keystore.json'), { clock });
    const fresh = await buildEstate({ clock });
    const ids = async (store: typeof committed | typeof fresh.keyStore) =>
      (await store.list()).map(identity).sort();
    expect(await ids(committed)).to.deep.equal(await ids(fresh.keyStore));
  });

  it('writes PEM files, both keystore formats and a manifest that agree with each other', async () => {
    const estate = await buildEstate({ clock });
    await writeCertsDirectory(estate, out);
    const harness = await loadKeyStore(join(out, 'keystore.json'), { clock });
    const dccBoxed = await importDccBoxedKeyStore({ file: join(out, 'dccboxed-keystore.json') }, { clock });
    const ids = async (store: typeof harness) => (await store.list()).map(identity).sort();
    expect(await ids(dccBoxed)).to.deep.equal(await ids(harness));
    const manifest = JSON.parse(readFileSync(join(out, 'parties.json'), 'utf8'));
    expect(manifest.parties).to.have.length(estate.parties.parties.length);
    const files = readdirSync(join(out, 'pem'));
    for (const party of manifest.parties) {
      for (const c of party.credentials) {
        expect(files).to.include(c.certificate.slice('pem/'.length));
        expect(files).to.include(c.privateKey.slice('pem/'.length));
      }
    }
  });

  it('openssl verify accepts every organisation certificate against the generated chain', {
    skip: opensslMissing,
  }, () => {
    const pems = readdirSync(join(DEFAULT_CERTS_DIR, 'pem')).filter((f) => f.endsWith('.pem'));
    expect(pems.length).to.be.greaterThan(50);
    const result = spawnSync(
      'openssl',
      [
        'verify',
        '-x509_strict',
        '-CAfile',
        join(DEFAULT_CERTS_DIR, 'ca', 'root-ZA.pem'),
        '-untrusted',
        join(DEFAULT_CERTS_DIR, 'ca', 'organisation-ca-Z1.pem'),
        ...pems.map((f) => join(DEFAULT_CERTS_DIR, 'pem', f)),
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).to.equal('');
    expect(
      result.stdout
        .trim()
        .split('\n')
        .filter((l) => l.endsWith(': OK')),
    ).to.have.length(pems.length);
  });

  it('the default estate loads its credentials from certs/, and falls back to issuing them', async () => {
    const fromFiles = await loadDefaultEstate({ clock });
    const issued = await loadDefaultEstate({ clock, certsDir: null });
    const ids = async (e: typeof issued) => (await e.keyStore.list()).map(identity).sort();
    expect(await ids(fromFiles)).to.deep.equal(await ids(issued));
  });
});
