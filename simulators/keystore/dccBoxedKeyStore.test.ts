/**
 * Compatibility with DCC Boxed's real keystore.json, from the GPL devDependency
 * @smartdcc/dccboxed-keystore: used here, by tests only, as data.
 */
import { diffieHellman, sign, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError, UnknownCredentialError } from '../core/errors.ts';
import type { Credential } from './Credential.ts';
import {
  type DccBoxedKeyStoreJson,
  exportDccBoxedKeyStore,
  importDccBoxedKeyStore,
  saveDccBoxedKeyStore,
} from './dccBoxedKeyStore.ts';
import { InMemoryKeyStore } from './InMemoryKeyStore.ts';
import { keyStoreToJson, loadKeyStore, saveKeyStore } from './keyStoreFile.ts';
import {
  expectRejection,
  makeCredentialFields,
  makeIssuer,
  } from './testSupport.ts';

const DCC_BOXED_FILE = createRequire(import.meta.url).resolve('@smartdcc/dccboxed-keystore/keystore.json');
const SUPPLIER = Eui.parse('90B3D51F30010000');
const ACB = Eui.parse('90B3D51F30000002');
const NETWORK_OPERATOR = Eui.parse('90B3D51F30020000');

describe('DCC Boxed keystore', () => {
  let text: string;
  let original: DccBoxedKeyStoreJson;
  let store: InMemoryKeyStore;
  let dir: string;

  before(async () => {
    text = await readFile(DCC_BOXED_FILE, 'utf8');
    original = JSON.parse(text);
    store = await importDccBoxedKeyStore({ file: DCC_BOXED_FILE }, { clock: new SimulatedClock() });
    dir = await mkdtemp(join(tmpdir(), 'dccboxed-keystore-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });


  describe('import', () => {
    it('reads every entry of the real file', async () => {
      const count = Object.values(original)
        .flatMap((byUsage) => Object.values(byUsage))
        .reduce((n, bySerial) => n + Object.keys(bySerial ?? {}).length, 0);
      expect(store.size).to.equal(count).and.to.be.greaterThan(30);
    });

    it('finds the supplier’s DS, KA and XML credentials; at the harness epoch the choice is Z1b', async () => {
      const ds = await store.lookup(SUPPLIER, 'DS');
      const ka = await store.lookup(SUPPLIER, 'KA');
      const xml = await store.lookup(SUPPLIER, 'XML');
      expect([ds.name, ds.role]).to.deep.equal(['Z1b-supplier-ds', 2]);
      expect([ka.name, ka.cellUsage]).to.deep.equal(['Z1b-supplier-ka', 'management']);
      expect([xml.name, xml.role]).to.deep.equal(['xml-sign-90B3D51F30010000-ds', 135]);
      expect(xml.x509.subject).to.match(/^OU=87,/);
    });

    it('finds the prepayment top-up key agreement key only when asked for it', async () => {
      const topUp = await store.lookup(SUPPLIER, 'KA', { cellUsage: 'prePaymentTopUp' });
      expect([topUp.name, topUp.cellUsage]).to.deep.equal(['Z1b-supplierPP-ka', 'prePaymentTopUp']);
    });

    it('finds the DSP XML signing key under the ACB EUI', async () => {
      const dsp = await store.lookup(ACB, 'XML');
      expect([dsp.name, dsp.role]).to.deep.equal(['dsp-xml-sign-90B3D51F30000002-ds', 137]);
      expect((await store.lookup(ACB, 'DS')).role).to.equal(4);
    });

    it('picks Z1 before Z1b was issued, and either by serial', async () => {
      const early = await importDccBoxedKeyStore(
        { json: original },
        { clock: new SimulatedClock('2015-11-01T00:00:00Z') },
      );
      expect((await early.lookup(SUPPLIER, 'DS')).name).to.equal('Z1-supplier-ds');
      const z1 = await store.lookup(SUPPLIER, 'DS', { serial: 105986833131214866166891566273223584671n });
      expect(z1.name).to.equal('Z1-supplier-ds');
    });

    it('has signing keys that sign and certificates that verify, for DS and XML', async () => {
      const data = Buffer.from('<sr:Request>…</sr:Request>');
      const signers: Credential[] = [
        await store.lookup(SUPPLIER, 'DS'),
        await store.lookup(SUPPLIER, 'XML'),
        await store.lookup(ACB, 'XML'),
        await store.lookup(NETWORK_OPERATOR, 'XML'),
      ];
      for (const c of signers) {
        const signature = sign('sha256', data, c.privateKey);
        expect(verify('sha256', data, c.publicKey, signature), c.label).to.equal(true);
        expect(verify('sha256', Buffer.from('tampered'), c.publicKey, signature), c.label).to.equal(false);
      }
    });

    it('has key agreement keys that agree on a shared secret', async () => {
      const supplier = await store.lookup(SUPPLIER, 'KA');
      const acb = await store.lookup(ACB, 'KA');
      const one = diffieHellman({ privateKey: supplier.privateKey, publicKey: acb.publicKey });
      const other = diffieHellman({ privateKey: acb.privateKey, publicKey: supplier.publicKey });
      expect(one.equals(other)).to.equal(true);
    });

    it('throws UnknownCredentialError for an EUI it does not hold', async () => {
      await expectRejection(
        store.lookup(Eui.parse('0011223344556677'), 'XML'),
        UnknownCredentialError,
        'no XML credential for EUI 00-11-22-33-44-55-66-77 in the key store',
      );
    });

    it('resolves an XML signer by issuer and serial as XML-DSig names it', async () => {
      const xml = await store.lookup(SUPPLIER, 'XML');
      expect(await store.findBySerial('CN=Z1,OU=07', xml.serial)).to.equal(xml);
      expect(await store.findBySerial(undefined, xml.serial)).to.equal(xml);
    });
  });

  describe('export', () => {
    it('round-trips the real file: import then export deep-equals the original', async () => {
      expect(await exportDccBoxedKeyStore(store)).to.deep.equal(original);
    });

    it('writes a file byte-identical to the original', async () => {
      const file = join(dir, 'keystore.json');
      await saveDccBoxedKeyStore(store, file);
      expect(await readFile(file, 'utf8')).to.equal(text);
    });

    it('survives the harness format in between', async () => {
      const file = join(dir, 'harness.json');
      await saveKeyStore(store, file);
      expect(await exportDccBoxedKeyStore(await loadKeyStore(file))).to.deep.equal(original);
    });

    it('exports a store built from plain PEMs so that it imports back the same', async () => {
      const issuer = await makeIssuer('OU=07, CN=TEST');
      const built = new InMemoryKeyStore();
      const eui = '90B3D51F300100AA';
      await built.add(
        await makeCredentialFields({ eui, usage: 'DS', serial: 101n, issuer, name: 'test-supplier-ds' }),
      );
      await built.add(
        await makeCredentialFields({ eui, usage: 'KA', serial: 102n, issuer, name: 'test-supplier-ka' }),
      );
      await built.add(
        await makeCredentialFields({
          eui,
          usage: 'KA',
          serial: 103n,
          issuer,
          name: 'test-supplierPP-ka',
          cellUsage: 'prePaymentTopUp',
        }),
      );
      await built.add(
        await makeCredentialFields({
          eui,
          usage: 'XML',
          serial: 104n,
          issuer,
          role: 135,
          name: `xml-sign-${eui}-ds`,
        }),
      );
      await built.add(
        await makeCredentialFields({
          eui: '90B3D51F300000BB',
          usage: 'XML',
          serial: 105n,
          role: 137,
          name: 'dsp-signing',
        }),
      );
      await built.add(
        await makeCredentialFields({
          eui: '00DB1234567800CC',
          usage: 'DS',
          serial: 106n,
          certificateOnly: true,
          name: 'device-ds',
        }),
      );

      const exported = await exportDccBoxedKeyStore(built);
      expect(Object.keys(exported)).to.deep.equal([
        '90b3d51f300100aa',
        '90b3d51f300000bb',
        '00db1234567800cc',
      ]);
      expect(exported['90b3d51f300100aa']?.digitalSignature?.['104']?.role).to.equal(135);
      const file = join(dir, 'built.json');
      await writeFile(file, JSON.stringify(exported, null, 2));
      const back = await importDccBoxedKeyStore({ file });
      // DCC Boxed groups by EUI then usage, so compare regardless of order.
      const bySerial = (a: { serial: string }, b: { serial: string }) => Number(a.serial) - Number(b.serial);
      expect(keyStoreToJson(await back.list()).credentials.sort(bySerial)).to.deep.equal(
        keyStoreToJson(await built.list()).credentials.sort(bySerial),
      );
      const topUp = await back.lookup(Eui.parse(eui), 'KA', { cellUsage: 'prePaymentTopUp' });
      expect(topUp.serial).to.equal(103n);
    });

    it('refuses a credential DCC Boxed would read back as another usage', async () => {
      const xmlAsDs = new InMemoryKeyStore();
      await xmlAsDs.add(
        await makeCredentialFields({
          eui: SUPPLIER.hex,
          usage: 'XML',
          serial: 201n,
          role: 2,
          name: 'signer',
        }),
      );
      await expectRejection(
        exportDccBoxedKeyStore(xmlAsDs),
        InvalidInputError,
        'credential 90-B3-D5-1F-30-01-00-00 XML serial 201 (signer): expected a role and name that DCC Boxed',
      );
      const unmarkedTopUp = new InMemoryKeyStore();
      await unmarkedTopUp.add(
        await makeCredentialFields({
          eui: SUPPLIER.hex,
          usage: 'KA',
          serial: 202n,
          cellUsage: 'prePaymentTopUp',
          name: 'topup',
        }),
      );
      await expectRejection(
        exportDccBoxedKeyStore(unmarkedTopUp),
        InvalidInputError,
        'credential 90-B3-D5-1F-30-01-00-00 KA serial 202',
      );
    });
  });

});
