import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError, UnknownCredentialError } from '../core/errors.ts';
import { Credential } from './Credential.ts';
import { chooseCredential } from './chooseCredential.ts';
import { InMemoryKeyStore } from './InMemoryKeyStore.ts';
import {
  expectRejection,
  makeCredentialFields,
  makeIssuer,
  type TestCredentialOptions,
} from './testSupport.ts';

const SUPPLIER = Eui.parse('90B3D51F30010000');
const OTHER = Eui.parse('90B3D51F30020000');

async function credential(
  options: Omit<TestCredentialOptions, 'eui'> & { eui?: string },
): Promise<Credential> {
  return new Credential(await makeCredentialFields({ eui: SUPPLIER.hex, ...options }));
}

function window(from: string, to: string): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(from), notAfter: new Date(to) };
}

describe('chooseCredential', () => {
  it('prefers a credential valid at the time over a newer one not yet valid', async () => {
    const current = await credential({ usage: 'DS', serial: 1n, ...window('2024-01-01', '2027-01-01') });
    const future = await credential({ usage: 'DS', serial: 2n, ...window('2026-06-01', '2036-01-01') });
    expect(chooseCredential([future, current], new Date('2026-01-01'))).to.equal(current);
    expect(chooseCredential([future, current], new Date('2026-07-01'))).to.equal(future);
  });

  it('picks the latest notBefore among valid credentials', async () => {
    const older = await credential({ usage: 'DS', serial: 3n, ...window('2020-01-01', '2030-01-01') });
    const newer = await credential({ usage: 'DS', serial: 4n, ...window('2022-01-01', '2030-01-01') });
    expect(chooseCredential([newer, older], new Date('2026-01-01'))).to.equal(newer);
    expect(chooseCredential([older, newer], new Date('2026-01-01'))).to.equal(newer);
  });

  it('falls back to the latest notBefore when none is valid, and when there is no time', async () => {
    const z1 = await credential({ usage: 'DS', serial: 5n, ...window('2015-10-30', '2025-10-29') });
    const z1b = await credential({ usage: 'DS', serial: 6n, ...window('2016-01-10', '2026-01-09') });
    expect(chooseCredential([z1b, z1], new Date('2030-01-01'))).to.equal(z1b);
    expect(chooseCredential([z1, z1b])).to.equal(z1b);
    expect(chooseCredential([z1, z1b], new Date('2015-11-01'))).to.equal(z1);
  });

  it('breaks ties by notAfter, then by the larger serial, whatever the order', async () => {
    const a = await credential({ usage: 'DS', serial: 7n, ...window('2020-01-01', '2030-01-01') });
    const b = await credential({ usage: 'DS', serial: 8n, ...window('2020-01-01', '2030-01-01') });
    const c = await credential({ usage: 'DS', serial: 9n, ...window('2020-01-01', '2029-01-01') });
    expect(chooseCredential([a, b, c], new Date('2026-01-01'))).to.equal(b);
    expect(chooseCredential([c, b, a], new Date('2026-01-01'))).to.equal(b);
    expect(chooseCredential([])).to.equal(undefined);
  });
});

describe('InMemoryKeyStore', () => {
  it('looks credentials up by EUI and usage', async () => {
    const store = new InMemoryKeyStore();
    const ds = await credential({ usage: 'DS', serial: 10n });
    const ka = await credential({ usage: 'KA', serial: 11n });
    const xml = await credential({ usage: 'XML', serial: 12n });
    for (const c of [ds, ka, xml]) await store.add(c);
    expect(await store.lookup(SUPPLIER, 'DS')).to.equal(ds);
    expect(await store.lookup(SUPPLIER, 'KA')).to.equal(ka);
    expect(await store.lookup(SUPPLIER, 'XML')).to.equal(xml);
    expect(await store.list()).to.deep.equal([ds, ka, xml]);
    expect(store.size).to.equal(3);
  });

  it('throws UnknownCredentialError naming the EUI and usage, and says what it holds', async () => {
    const store = new InMemoryKeyStore();
    await store.add(await credential({ usage: 'DS', serial: 13n }));
    await expectRejection(
      store.lookup(OTHER, 'DS'),
      UnknownCredentialError,
      'no DS credential for EUI 90-B3-D5-1F-30-02-00-00 in the key store; it holds nothing for that EUI',
    );
    await expectRejection(
      store.lookup(SUPPLIER, 'XML'),
      UnknownCredentialError,
      'no XML credential for EUI 90-B3-D5-1F-30-01-00-00 in the key store; for that EUI it holds DS x1',
    );
    await expectRejection(
      store.lookup(SUPPLIER, 'DS', { serial: 99n }),
      UnknownCredentialError,
      'no DS credential for EUI 90-B3-D5-1F-30-01-00-00 with serial 99 in the key store',
    );
    expect(await store.find(OTHER, 'DS')).to.equal(undefined);
  });

  it('finds the prepayment top-up KA only when asked for its cell, or by serial', async () => {
    const store = new InMemoryKeyStore();
    const management = await credential({ usage: 'KA', serial: 14n, ...window('2020-01-01', '2030-01-01') });
    const topUp = await credential({
      usage: 'KA',
      serial: 15n,
      cellUsage: 'prePaymentTopUp',
      name: 'Z1-supplierPP-ka',
      ...window('2021-01-01', '2030-01-01'),
    });
    await store.add(management);
    await store.add(topUp);
    expect(await store.lookup(SUPPLIER, 'KA')).to.equal(management);
    expect(await store.lookup(SUPPLIER, 'KA', { cellUsage: 'management' })).to.equal(management);
    expect(await store.lookup(SUPPLIER, 'KA', { cellUsage: 'prePaymentTopUp' })).to.equal(topUp);
    expect(await store.lookup(SUPPLIER, 'KA', { serial: 15n })).to.equal(topUp);
    expect(await store.find(SUPPLIER, 'KA', { serial: 15n, cellUsage: 'management' })).to.equal(undefined);
  });

  it('filters by role and applies the choice rule at the clock time or the time asked for', async () => {
    const clock = new SimulatedClock('2026-01-01T00:00:00Z');
    const store = new InMemoryKeyStore({ clock });
    const current = await credential({ usage: 'DS', serial: 16n, ...window('2024-01-01', '2027-01-01') });
    const next = await credential({ usage: 'DS', serial: 17n, ...window('2026-06-01', '2036-01-01') });
    const other = await credential({
      usage: 'DS',
      serial: 18n,
      role: 127,
      ...window('2025-01-01', '2027-01-01'),
    });
    for (const c of [current, next, other]) await store.add(c);
    expect(await store.lookup(SUPPLIER, 'DS', { role: 2 })).to.equal(current);
    expect(await store.lookup(SUPPLIER, 'DS')).to.equal(other);
    expect(await store.lookup(SUPPLIER, 'DS', { role: 2, at: new Date('2026-07-01') })).to.equal(next);
    clock.set('2026-07-01T00:00:00Z');
    expect(await store.lookup(SUPPLIER, 'DS', { role: 2 })).to.equal(next);
  });

  it('finds a signer by issuer and serial, with the issuer in either order', async () => {
    const issuer = await makeIssuer('OU=07, CN=Z1');
    const otherIssuer = await makeIssuer('OU=07, CN=Z2');
    const store = new InMemoryKeyStore();
    const z1 = await credential({ usage: 'XML', serial: 20n, issuer });
    const z2 = await credential({ usage: 'XML', serial: 20n, issuer: otherIssuer, eui: OTHER.hex });
    await store.add(z1);
    expect(await store.findBySerial('CN=Z1,OU=07', 20n)).to.equal(z1);
    expect(await store.findBySerial('OU=07, CN=Z1', 20n)).to.equal(z1);
    expect(await store.findBySerial(undefined, 20n)).to.equal(z1);
    expect(await store.findBySerial('CN=Z2,OU=07', 20n)).to.equal(undefined);
    expect(await store.findBySerial('CN=Z1,OU=07', 21n)).to.equal(undefined);
    await store.add(z2);
    expect(await store.findBySerial('CN=Z2, OU=07', 20n)).to.equal(z2);
    await expectRejection(
      store.findBySerial(undefined, 20n),
      InvalidInputError,
      'issuer: expected an issuer name: serial 20 is held under several issuers',
    );
    await expectRejection(
      store.findBySerial('nonsense', 20n),
      InvalidInputError,
      'issuer: expected a distinguished name',
    );
  });

  it('refuses a second certificate with the same issuer and serial, and an inconsistent credential', async () => {
    const store = new InMemoryKeyStore();
    const fields = await makeCredentialFields({ eui: SUPPLIER.hex, usage: 'DS', serial: 30n });
    await store.add(fields);
    await expectRejection(
      store.add(fields),
      InvalidInputError,
      'serial: expected a certificate not already in the key store',
    );
    const other = await makeCredentialFields({ eui: SUPPLIER.hex, usage: 'DS', serial: 31n });
    await expectRejection(
      store.add({ ...other, serial: 32n }),
      InvalidInputError,
      "serial: expected the certificate's serial number 31, got 32",
    );
    expect(store.size).to.equal(1);
  });

  it('replaceWith swaps in another store’s credentials', async () => {
    const store = new InMemoryKeyStore();
    await store.add(await credential({ usage: 'DS', serial: 40n }));
    const fresh = new InMemoryKeyStore();
    const replacement = await credential({ usage: 'KA', serial: 41n });
    await fresh.add(replacement);
    store.replaceWith(fresh);
    expect(await store.list()).to.deep.equal([replacement]);
  });
});
