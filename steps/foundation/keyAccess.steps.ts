import { sign, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Eui } from '../../simulators/core/Eui.ts';
import type { CredentialUsage } from '../../simulators/core/roles.ts';
import { exportDccBoxedKeyStore, importDccBoxedKeyStore } from '../../simulators/keystore/index.ts';
import type { HarnessWorld } from '../world.ts';

const MESSAGE = Buffer.from('GBCS grouping header bytes, or a DUIS SignedInfo');

When(
  '{string} signs a message with its {usage} key',
  async function (this: HarnessWorld, name: string, usage: CredentialUsage) {
    const credential = await this.estate.keyStore.lookup(this.party(name).eui, usage);
    this.result = { credential, signature: sign('sha256', MESSAGE, credential.privateKey) };
  },
);

Then(
  'the signature verifies with the public key of its {usage} certificate',
  function (this: HarnessWorld, usage: CredentialUsage) {
    const { credential, signature } = this.result as {
      credential: { publicKey: import('node:crypto').KeyObject; usage: string };
      signature: Buffer;
    };
    expect(credential.usage).to.equal(usage);
    expect(verify('sha256', MESSAGE, credential.publicKey, signature)).to.equal(true);
  },
);

When(
  'the key store is exported as a DCC Boxed keystore.json and imported again',
  async function (this: HarnessWorld) {
    const json = await exportDccBoxedKeyStore(this.estate.keyStore);
    this.otherKeyStore = await importDccBoxedKeyStore(
      { json: JSON.parse(JSON.stringify(json)) },
      { clock: this.clock },
    );
  },
);

Then('the imported key store holds the same credentials', async function (this: HarnessWorld) {
  const summary = async (store: NonNullable<HarnessWorld['otherKeyStore']>) =>
    (await store.list())
      .map(
        (c) =>
          `${c.eui.hex} ${c.usage} ${c.cellUsage ?? ''} ${c.serial} ${c.role} ${c.certificatePem === '' ? '' : 'cert'}`,
      )
      .sort();
  expect(await summary(this.otherKeyStore!)).to.deep.equal(await summary(this.estate.keyStore));
});

When("DCC Boxed's published keystore.json is imported", async function (this: HarnessWorld) {
  const file = createRequire(import.meta.url).resolve('@smartdcc/dccboxed-keystore/keystore.json');
  this.otherKeyStore = await importDccBoxedKeyStore({ file }, { clock: this.clock });
});

Then(
  'the DS credential of {eui} is found with role {int}',
  async function (this: HarnessWorld, eui: Eui, role: number) {
    expect((await this.otherKeyStore!.lookup(eui, 'DS')).role).to.equal(role);
  },
);

Then('the XML credential of {eui} is found', async function (this: HarnessWorld, eui: Eui) {
  expect((await this.otherKeyStore!.lookup(eui, 'XML')).hasPrivateKey).to.equal(true);
});

When(
  'the {usage} credential of {eui} is looked up',
  async function (this: HarnessWorld, usage: CredentialUsage, eui: Eui) {
    await this.attempt(() => this.estate.keyStore.lookup(eui, usage));
  },
);
