/**
 * Bad DCC Boxed keystore files, made by altering DCC Boxed's real keystore.json (the GPL
 * devDependency @smartdcc/dccboxed-keystore, used by tests only, as data): each is refused with
 * its path and what was expected, and changes nothing.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidFileError, } from '../core/errors.ts';
import {
  type DccBoxedKeyStoreJson,
  type DccBoxedUsageKey,
  exportDccBoxedKeyStore,
  importDccBoxedKeyStore,
  } from './dccBoxedKeyStore.ts';
import { InMemoryKeyStore } from './InMemoryKeyStore.ts';
import { keyStoreToJson, } from './keyStoreFile.ts';
import {
  expectRejection,
  generateKeys,
  makeCredentialFields,
  privateKeyPem,
} from './testSupport.ts';

const DCC_BOXED_FILE = createRequire(import.meta.url).resolve('@smartdcc/dccboxed-keystore/keystore.json');
const SUPPLIER = Eui.parse('90B3D51F30010000');

let text: string;
let original: DccBoxedKeyStoreJson;
let dir: string;

before(async () => {
  text = await readFile(DCC_BOXED_FILE, 'utf8');
  original = JSON.parse(text);
  dir = await mkdtemp(join(tmpdir(), 'dccboxed-keystore-bad-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fresh(): DccBoxedKeyStoreJson {
  return structuredClone(original);
}

describe('DCC Boxed keystore: bad input', () => {
  const supplierDs = [
    '90b3d51f30010000',
    'digitalSignature',
    '105986833131214866166891566273223584671',
  ] as const;
  const path = supplierDs.join('/');

  function entryOf(
    json: DccBoxedKeyStoreJson,
    [eui, usage, serial]: readonly [string, DccBoxedUsageKey, string] = supplierDs,
  ): Record<string, unknown> {
    const entry = json[eui]?.[usage]?.[serial];
    if (entry === undefined) throw new Error(`test data: no entry ${eui}/${usage}/${serial}`);
    return entry as unknown as Record<string, unknown>;
  }

  function changed(change: (json: DccBoxedKeyStoreJson) => void): DccBoxedKeyStoreJson {
    const json = fresh();
    change(json);
    return json;
  }

  async function importError(json: unknown): Promise<InvalidFileError> {
    const error = await importDccBoxedKeyStore({ json, source: 'keystore.json' }).then(
      () => expect.fail('imported bad input'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(InvalidFileError);
    expect((error as InvalidFileError).file).to.equal('keystore.json');
    return error as InvalidFileError;
  }

  it('refuses a file that is not JSON', async () => {
    const file = join(dir, 'not-json.json');
    await writeFile(file, text.slice(0, 100));
    await expectRejection(
      importDccBoxedKeyStore({ file }),
      InvalidFileError,
      `${file}: expected JSON, but it does not parse`,
    );
  });

  const cases: [string, () => unknown, string, string][] = [
    [
      'a top level that is not an object',
      () => [original],
      '',
      'expected an object mapping EUIs to {digitalSignature, keyAgreement}, got an array',
    ],
    [
      'an EUI key that is not 16 hex digits',
      () => ({ ...fresh(), '90-b3-d5-1f-30-01-00-00': {} }),
      '90-b3-d5-1f-30-01-00-00',
      'expected an EUI of 16 hex digits as the key',
    ],
    [
      'an EUI entry that is not an object',
      () => ({ ...fresh(), '90b3d51f300100ff': 'x' }),
      '90b3d51f300100ff',
      'expected an object with digitalSignature and/or keyAgreement',
    ],
    [
      'an unknown usage key',
      () =>
        changed((j) => {
          j['90b3d51f30010000'] = { ...j['90b3d51f30010000'], xmlSigning: {} } as never;
        }),
      '90b3d51f30010000/xmlSigning',
      'expected the usage key digitalSignature or keyAgreement, got "xmlSigning"',
    ],
    [
      'a serial key that is not a decimal integer',
      () =>
        changed((j) => {
          const ds = j['90b3d51f30010000']!.digitalSignature!;
          ds['0x4FBC'] = ds[supplierDs[2]]!;
        }),
      '90b3d51f30010000/digitalSignature/0x4FBC',
      'serial key: expected a certificate serial number as a decimal integer, got "0x4FBC"',
    ],
    [
      'a certificate that is not PEM',
      () =>
        changed((j) => {
          entryOf(j).certificate = 'MIIBfzCCASWgAwIBAgIQ';
        }),
      path,
      'certificate: expected one PEM certificate (-----BEGIN CERTIFICATE-----), got "MIIBfzCCASWgAwIBAgIQ"',
    ],
    [
      'a private key that is not PKCS#8 PEM',
      () =>
        changed((j) => {
          const e = entryOf(j);
          e.privateKey = createPrivateKey(e.privateKey as string).export({ type: 'sec1', format: 'pem' });
        }),
      path,
      'privateKey: expected an unencrypted PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----), got "-----BEGIN EC PRIVATE KEY-----',
    ],
    [
      'a private key that does not match the certificate',
      () =>
        changed((j) => {
          entryOf(j).privateKey =
            j['90b3d51f30010000']!.keyAgreement!['78705613441713544701898588866012598037']!.privateKey;
        }),
      path,
      "privateKey: expected the private key for the certificate's public key",
    ],
    [
      'a serial key that is not the certificate serial',
      () =>
        changed((j) => {
          const ds = j['90b3d51f30010000']!.digitalSignature!;
          ds['12345'] = ds[supplierDs[2]]!;
          delete ds[supplierDs[2]];
        }),
      '90b3d51f30010000/digitalSignature/12345',
      "serial: expected the certificate's serial number 105986833131214866166891566273223584671, got 12345",
    ],
    [
      'an entry filed under the wrong EUI',
      () =>
        changed((j) => {
          j['90b3d51f300100ff'] = { digitalSignature: { [supplierDs[2]]: entryOf(j) as never } };
          delete j['90b3d51f30010000']!.digitalSignature![supplierDs[2]];
        }),
      `90b3d51f300100ff/digitalSignature/${supplierDs[2]}`,
      "eui: expected the EUI in the certificate's subject x500UniqueIdentifier, 90-B3-D5-1F-30-01-00-00",
    ],
    [
      'a missing role',
      () =>
        changed((j) => {
          delete entryOf(j).role;
        }),
      path,
      'role: expected a remote party role number, an integer 0-255, got nothing',
    ],
    [
      'a missing name',
      () =>
        changed((j) => {
          delete entryOf(j).name;
        }),
      path,
      'name: expected a non-empty string naming the credential, got nothing',
    ],
    [
      'an unexpected field',
      () =>
        changed((j) => {
          entryOf(j).roles = 2;
        }),
      path,
      'unexpected field "roles"',
    ],
    [
      'an entry that is not an object',
      () =>
        changed((j) => {
          j['90b3d51f30010000']!.digitalSignature![supplierDs[2]] = [] as never;
        }),
      path,
      'expected an object with certificate, privateKey, name and role, got an array',
    ],
    [
      'a key agreement certificate under digitalSignature',
      () =>
        changed((j) => {
          const ka = j['90b3d51f30020000']!.keyAgreement!;
          const ds = j['90b3d51f30020000']!.digitalSignature!;
          ds['166664806900671809568065378664384496053'] = ka['166664806900671809568065378664384496053']!;
          delete ka['166664806900671809568065378664384496053'];
        }),
      '90b3d51f30020000/digitalSignature/166664806900671809568065378664384496053',
      'certificate: expected a certificate whose key usage includes digitalSignature',
    ],
  ];
  for (const [what, json, errorPath, problem] of cases) {
    it(`refuses ${what}, naming the path and what was expected`, async () => {
      const error = await importError(json());
      expect(error.path).to.equal(errorPath);
      expect(error.problem.startsWith(problem), error.problem).to.equal(true);
    });
  }

  it('leaves an existing store unchanged when the file is bad', async () => {
    const target = new InMemoryKeyStore();
    await target.add(await makeCredentialFields({ eui: SUPPLIER.hex, usage: 'DS', serial: 301n }));
    const before = keyStoreToJson(await target.list());
    const bad = changed((j) => {
      delete entryOf(j, ['90b3d51f30020000', 'keyAgreement', '100975650324440424410683132663933689085'])
        .name;
    });
    await expectRejection(
      importDccBoxedKeyStore({ json: bad }, { into: target }),
      InvalidFileError,
      'DCC Boxed keystore JSON at 90b3d51f30020000/keyAgreement/100975650324440424410683132663933689085: name:',
    );
    expect(keyStoreToJson(await target.list())).to.deep.equal(before);
    await importDccBoxedKeyStore({ json: original }, { into: target });
    expect(await exportDccBoxedKeyStore(target)).to.deep.equal(original);
  });

  it('refuses a placeholder private key, and a freshly generated key for another key pair', async () => {
    const error = await importError(
      changed((j) => {
        entryOf(j).privateKey = 'placeholder';
      }),
    );
    expect(error.problem).to.match(/^privateKey: expected an unencrypted PKCS#8/);
    const other = privateKeyPem((await generateKeys()).privateKey);
    const mismatch = await importError(
      changed((j) => {
        entryOf(j).privateKey = other;
      }),
    );
    expect(mismatch.path).to.equal(path);
  });
});
