import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { main } from './main.ts';
import { bufferIo } from './testIo.ts';

const out = mkdtempSync(join(tmpdir(), 'smets-cli-'));
after(() => rmSync(out, { recursive: true, force: true }));

describe('smets-harness command line', () => {
  it('prints help with the commands and exits 0', async () => {
    const io = bufferIo();
    expect(await main(['--help'], io)).to.equal(0);
    expect(io.text()).to.contain('certs export');
  });

  it('exports the default estate as a DCC Boxed keystore.json', async () => {
    const io = bufferIo();
    expect(await main(['certs', 'export', '--format', 'dccboxed', '--out', join(out, 'boxed')], io)).to.equal(0);
    const keystore = JSON.parse(readFileSync(join(out, 'boxed', 'keystore.json'), 'utf8'));
    expect(keystore['90b3d51f40010100'].digitalSignature).to.be.an('object');
  });

  it('exports PEM files with the CA chain', async () => {
    const io = bufferIo();
    expect(await main(['certs', 'export', '--out', join(out, 'pem')], io)).to.equal(0);
    expect(readdirSync(join(out, 'pem', 'ca'))).to.include('root-ZA.pem');
    expect(io.stdout.join('\n')).to.match(/wrote the CA chain, \d+ credentials/);
  });

  it('re-exports the dccboxed profile from a DCC Boxed keystore', async () => {
    const keystore = createRequire(import.meta.url).resolve('@smartdcc/dccboxed-keystore/keystore.json');
    const io = bufferIo();
    const code = await main(['certs', 'export', '--profile', 'dccboxed', '--keystore', keystore, '--format', 'dccboxed', '--out', join(out, 'db')], io);
    expect(code, io.text()).to.equal(0);
    const written = JSON.parse(readFileSync(join(out, 'db', 'keystore.json'), 'utf8'));
    expect(Object.keys(written)).to.include('90b3d51f30010000');
  });

  const mistakes: [string[], RegExp][] = [
    [[], /Name a command/],
    [['nope'], /Unknown argument: nope/],
    [['certs', 'export'], /Missing required argument: out/],
    [['certs', 'export', '--out', 'x', '--format', 'bogus'], /Argument: format, Given: "bogus"/],
    [['certs', 'export', '--out', 'x', '--profile', 'dccboxed'], /--profile dccboxed needs --keystore FILE/],
  ];
  for (const [argv, message] of mistakes) {
    it(`refuses "${argv.join(' ')}" with exit code 2 and says what to change`, async () => {
      const io = bufferIo();
      expect(await main(argv, io)).to.equal(2);
      expect(io.stderr.join('\n')).to.match(message);
      expect(io.stderr.join('\n')).to.contain('--help');
    });
  }

  it('names the file when a keystore cannot be read, exit code 1', async () => {
    const io = bufferIo();
    const code = await main(['certs', 'export', '--profile', 'dccboxed', '--keystore', import.meta.filename, '--out', join(out, 'bad')], io);
    expect(code).to.equal(1);
    expect(io.stderr.join('\n')).to.contain('main.test.ts');
  });
});
