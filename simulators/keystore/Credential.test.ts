import { createPrivateKey, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError, UnknownCredentialError } from '../core/errors.ts';
import { Credential } from './Credential.ts';
import { checkCredential } from './checkCredential.ts';
import { generateKeys, makeCredentialFields, makeIssuer, privateKeyPem } from './testSupport.ts';

const EUI = '90B3D51F30010000';

describe('Credential', () => {
  it('parses the certificate and keys on first use and caches them', async () => {
    const c = new Credential(await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 1000n }));
    expect(c.certificate).to.equal(c.certificate);
    expect(c.x509).to.equal(c.x509);
    expect(c.privateKey).to.equal(c.privateKey);
    const signature = sign('sha256', Buffer.from('hello'), c.privateKey);
    expect(verify('sha256', Buffer.from('hello'), c.publicKey, signature)).to.equal(true);
    expect(c.label).to.equal('90-B3-D5-1F-30-01-00-00 DS serial 1000 (test-ds-1000)');
  });

  it('gives KA credentials the management cell by default and DS credentials none', async () => {
    const ka = new Credential(await makeCredentialFields({ eui: EUI, usage: 'KA', serial: 1n }));
    const ds = new Credential(await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 2n }));
    expect(ka.cellUsage).to.equal('management');
    expect(ds.cellUsage).to.equal(undefined);
  });

  it('refuses a cell usage on a DS credential', async () => {
    const fields = await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 3n });
    expect(() => new Credential({ ...fields, cellUsage: 'prePaymentTopUp' })).to.throw(
      InvalidInputError,
      /^cellUsage: expected nothing: a cell usage applies only to KA credentials, not DS/,
    );
  });

  it('says which credential has no private key when one is asked for', async () => {
    const c = new Credential(
      await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 4n, certificateOnly: true }),
    );
    expect(c.hasPrivateKey).to.equal(false);
    expect(() => c.privateKey).to.throw(
      UnknownCredentialError,
      /no private key is held for 90-B3-D5-1F-30-01-00-00 DS serial 4/,
    );
  });

  it('refuses a certificate that is not PEM and a key that is not PKCS#8 PEM', async () => {
    const fields = await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 5n });
    expect(() => new Credential({ ...fields, certificatePem: 'MIIB...' })).to.throw(
      InvalidInputError,
      /^certificate: expected one PEM certificate \(-----BEGIN CERTIFICATE-----\), got "MIIB..."/,
    );
    const sec1 = createPrivateKey(fields.privateKeyPem!).export({ type: 'sec1', format: 'pem' }).toString();
    expect(() => new Credential({ ...fields, privateKeyPem: sec1 })).to.throw(
      InvalidInputError,
      /^privateKey: expected an unencrypted PKCS#8 PEM private key .* got "-----BEGIN EC PRIVATE KEY-----/,
    );
  });

  it('reports a PEM-shaped certificate that does not parse when it is first used', () => {
    const c = new Credential({
      eui: Eui.parse(EUI),
      usage: 'DS',
      serial: 6n,
      role: 2,
      name: 'broken',
      certificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    });
    expect(() => c.certificate).to.throw(
      InvalidInputError,
      /^certificate: expected PEM holding an X.509 certificate that parses/,
    );
  });
});

describe('checkCredential', () => {
  it('accepts a consistent credential', async () => {
    const issuer = await makeIssuer();
    for (const usage of ['DS', 'KA', 'XML'] as const) {
      checkCredential(new Credential(await makeCredentialFields({ eui: EUI, usage, serial: 10n, issuer })));
    }
  });

  it('refuses a serial that is not the certificate serial', async () => {
    const fields = await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 11n });
    expect(() => checkCredential(new Credential({ ...fields, serial: 12n }))).to.throw(
      InvalidInputError,
      /^serial: expected the certificate's serial number 11, got 12/,
    );
  });

  it('refuses a private key that is not the certificate key', async () => {
    const fields = await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 13n });
    const other = privateKeyPem((await generateKeys()).privateKey);
    expect(() => checkCredential(new Credential({ ...fields, privateKeyPem: other }))).to.throw(
      InvalidInputError,
      /^privateKey: expected the private key for the certificate's public key/,
    );
  });

  it('refuses an EUI that is not the one in the certificate subject', async () => {
    const fields = await makeCredentialFields({
      eui: EUI,
      usage: 'DS',
      serial: 14n,
      subjectEui: '90B3D51F30020000',
    });
    expect(() => checkCredential(new Credential(fields))).to.throw(
      InvalidInputError,
      /^eui: expected the EUI in the certificate's subject x500UniqueIdentifier, 90-B3-D5-1F-30-02-00-00, got "90-B3-D5-1F-30-01-00-00"/,
    );
  });

  it('refuses a key agreement certificate filed as DS', async () => {
    const fields = await makeCredentialFields({ eui: EUI, usage: 'DS', serial: 15n, keyUsage: 'KA' });
    expect(() => checkCredential(new Credential(fields))).to.throw(
      InvalidInputError,
      /^certificate: expected a certificate whose key usage includes digitalSignature, as a DS credential needs, got "key usage keyAgreement"/,
    );
  });
});
