import { describe, it } from 'node:test';
import { expect } from 'chai';
import { issuerSerialResolver } from './issuerSerialResolver.ts';
import { credential, DSP_XML, NETWORK_OPERATOR_XML, noKeystore, SUPPLIER_XML } from './testFixtures.ts';

describe('issuerSerialResolver', { skip: noKeystore }, () => {
  const certificates = [SUPPLIER_XML, NETWORK_OPERATOR_XML, DSP_XML].map((n) => credential(n).certificate);
  const serial = (name: string) => BigInt(`0x${credential(name).certificate.serialNumber}`);

  it('finds a certificate by serial and issuer, however the issuer name is spaced', async () => {
    const resolve = issuerSerialResolver(certificates);
    for (const name of ['CN=Z1,OU=07', 'CN=Z1, OU=07', 'cn=Z1,ou=07']) {
      expect((await resolve(name, serial(NETWORK_OPERATOR_XML)))?.fingerprint256, name).to.equal(
        credential(NETWORK_OPERATOR_XML).certificate.fingerprint256,
      );
    }
  });

  it('finds nothing for an unknown serial, another issuer, or the RDNs in certificate order', async () => {
    const resolve = issuerSerialResolver(certificates);
    expect(await resolve('CN=Z1,OU=07', 1234567890n)).to.equal(undefined);
    expect(await resolve('CN=U1, OU=07', serial(SUPPLIER_XML))).to.equal(undefined);
    expect(await resolve('OU=07,CN=Z1', serial(SUPPLIER_XML))).to.equal(undefined);
    expect(await resolve('not a name', serial(SUPPLIER_XML))).to.equal(undefined);
  });

  it('can ignore the issuer name, as DCC’s tool does', async () => {
    const resolve = issuerSerialResolver(certificates, { matchIssuerName: false });
    expect((await resolve('CN=U1, OU=07', serial(DSP_XML)))?.fingerprint256).to.equal(
      credential(DSP_XML).certificate.fingerprint256,
    );
  });
});
