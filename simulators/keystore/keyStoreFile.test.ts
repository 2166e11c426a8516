import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidFileError } from '../core/errors.ts';
import { Credential, type CredentialFields } from './Credential.ts';
import { InMemoryKeyStore } from './InMemoryKeyStore.ts';
import { keyStoreToJson, loadKeyStore, saveKeyStore } from './keyStoreFile.ts';
import {
  expectRejection,
  generateKeys,
  makeCredentialFields,
  makeIssuer,
  privateKeyPem,
} from './testSupport.ts';

describe('harness key store file', () => {
  let dir: string;
  let store: InMemoryKeyStore;
  let entries: Record<string, unknown>[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keystore-file-'));
    const issuer = await makeIssuer();
    const fields: CredentialFields[] = [
      await makeCredentialFields({ eui: '90B3D51F30010000', usage: 'DS', serial: 1n, issuer }),
      await makeCredentialFields({ eui: '90B3D51F30010000', usage: 'KA', serial: 2n, issuer }),
      await makeCredentialFields({
        eui: '90B3D51F30010000',
        usage: 'KA',
        serial: 3n,
        issuer,
        cellUsage: 'prePaymentTopUp',
        name: 'supplierPP-ka',
      }),
      await makeCredentialFields({ eui: '90B3D51F30010000', usage: 'XML', serial: 4n, issuer }),
      await makeCredentialFields({ eui: '00DB123456780004', usage: 'DS', serial: 5n, certificateOnly: true }),
    ];
    store = new InMemoryKeyStore();
    for (const f of fields) await store.add(f);
    entries = keyStoreToJson(await store.list()).credentials as unknown as Record<string, unknown>[];
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves and loads back the same credentials, in order', async () => {
    const file = join(dir, 'roundtrip.json');
    await saveKeyStore(store, file);
    const loaded = await loadKeyStore(file);
    expect(keyStoreToJson(await loaded.list())).to.deep.equal(keyStoreToJson(await store.list()));
    const [first] = await loaded.list();
    expect(first).to.be.instanceOf(Credential);
    expect(first?.serial).to.equal(1n);
  });

  it('writes the versioned format with decimal serials and cell usage only on KA', async () => {
    const file = join(dir, 'shape.json');
    await saveKeyStore(store, file);
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json.format).to.equal('smets-harness-keystore');
    expect(json.version).to.equal(1);
    expect(json.credentials[0]).to.include({
      eui: '90-B3-D5-1F-30-01-00-00',
      usage: 'DS',
      serial: '1',
      role: 2,
    });
    expect(json.credentials[0]).not.to.have.property('cellUsage');
    expect(json.credentials[1].cellUsage).to.equal('management');
    expect(json.credentials[2].cellUsage).to.equal('prePaymentTopUp');
    expect(json.credentials[4]).not.to.have.property('privateKey');
  });

  it('writes atomically: no temporary file is left, and the file is readable by its owner only', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'));
    const file = join(sub, 'keystore.json');
    await writeFile(file, 'old content');
    await saveKeyStore(store, file);
    expect(await readdir(sub)).to.deep.equal(['keystore.json']);
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).credentials).to.have.length(5);
  });

  async function load(content: unknown, name: string): Promise<InMemoryKeyStore> {
    const file = join(dir, `${name}.json`);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return loadKeyStore(file);
  }

  function withEntry(index: number, change: Record<string, unknown>): unknown {
    const credentials = entries.map((e, i) => (i === index ? { ...e, ...change } : e));
    return { format: 'smets-harness-keystore', version: 1, credentials };
  }

  const bad: [string, () => Promise<unknown> | unknown, string, string][] = [
    ['not JSON', () => '{"format":', '', 'expected JSON, but it does not parse'],
    ['top level not an object', () => [], '', 'expected an object {"format":"smets-harness-keystore"'],
    [
      'wrong format',
      () => ({ format: 'other', version: 1, credentials: [] }),
      'format',
      'expected "smets-harness-keystore", got "other"',
    ],
    [
      'unknown version',
      () => ({ format: 'smets-harness-keystore', version: 2, credentials: [] }),
      'version',
      'expected 1',
    ],
    [
      'credentials not an array',
      () => ({ format: 'smets-harness-keystore', version: 1, credentials: {} }),
      'credentials',
      'expected an array',
    ],
    [
      'an unexpected field',
      () => withEntry(0, { colour: 'blue' }),
      'credentials[0]',
      'unexpected field "colour"',
    ],
    [
      'a bad EUI',
      () => withEntry(0, { eui: '90B3D51F3001' }),
      'credentials[0]',
      'eui: expected an EUI-64 as 16 hex digits',
    ],
    [
      'an unknown usage',
      () => withEntry(0, { usage: 'SIGN' }),
      'credentials[0]',
      'usage: expected one of DS, KA, XML, got "SIGN"',
    ],
    [
      'a serial that is not a decimal integer',
      () => withEntry(0, { serial: 1 }),
      'credentials[0]',
      'serial: expected a certificate serial number as a decimal integer, got 1',
    ],
    [
      'a certificate that is not PEM',
      () => withEntry(0, { certificate: 'not a certificate' }),
      'credentials[0]',
      'certificate: expected one PEM certificate',
    ],
    [
      'a private key that is not PKCS#8 PEM',
      () =>
        withEntry(0, { privateKey: '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n' }),
      'credentials[0]',
      'privateKey: expected an unencrypted PKCS#8 PEM private key',
    ],
    [
      'a private key for another certificate',
      async () => withEntry(0, { privateKey: privateKeyPem((await generateKeys()).privateKey) }),
      'credentials[0]',
      "privateKey: expected the private key for the certificate's public key",
    ],
    [
      'a serial that is not the certificate serial',
      () => withEntry(0, { serial: '77' }),
      'credentials[0]',
      "serial: expected the certificate's serial number 1, got 77",
    ],
    [
      'a missing role',
      () => withEntry(0, { role: undefined }),
      'credentials[0]',
      'role: expected a remote party role number, an integer 0-255, got nothing',
    ],
    [
      'a missing name',
      () => withEntry(0, { name: undefined }),
      'credentials[0]',
      'name: expected a non-empty string naming the credential, got nothing',
    ],
    [
      'a cell usage on DS',
      () => withEntry(0, { cellUsage: 'management' }),
      'credentials[0]',
      'cellUsage: expected nothing',
    ],
    [
      'a duplicate certificate',
      () => ({ format: 'smets-harness-keystore', version: 1, credentials: [entries[0], entries[0]] }),
      'credentials[1]',
      'serial: expected a certificate not already in the key store',
    ],
  ];
  for (const [what, content, path, problem] of bad) {
    it(`refuses ${what}, naming the file, the path and what was expected`, async () => {
      const name = what.replace(/\W+/g, '-');
      const error = await load(await content(), name).then(
        () => expect.fail('loaded a bad file'),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(InvalidFileError);
      const e = error as InvalidFileError;
      expect(e.file).to.equal(join(dir, `${name}.json`));
      expect(e.path).to.equal(path);
      expect(e.problem.startsWith(problem), e.problem).to.equal(true);
    });
  }

  it('refuses a missing file', async () => {
    await expectRejection(
      loadKeyStore(join(dir, 'absent.json')),
      InvalidFileError,
      `${join(dir, 'absent.json')}: cannot be read`,
    );
  });

  it('leaves an existing store unchanged when a file is bad, and replaces it when the file is good', async () => {
    const target = new InMemoryKeyStore();
    const only = await makeCredentialFields({ eui: '90B3D51F30020000', usage: 'DS', serial: 99n });
    await target.add(only);
    const before = keyStoreToJson(await target.list());
    const file = join(dir, 'half-bad.json');
    await writeFile(file, JSON.stringify(withEntry(3, { serial: 'x' })));
    await expectRejection(
      loadKeyStore(file, { into: target }),
      InvalidFileError,
      `${file} at credentials[3]: serial:`,
    );
    expect(keyStoreToJson(await target.list())).to.deep.equal(before);

    const good = join(dir, 'good.json');
    await saveKeyStore(store, good);
    expect(await loadKeyStore(good, { into: target })).to.equal(target);
    expect(keyStoreToJson(await target.list())).to.deep.equal(keyStoreToJson(await store.list()));
  });
});
