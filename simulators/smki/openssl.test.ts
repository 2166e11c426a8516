import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { DEVICE_POLICY_OID, ORGANISATION_POLICY_OID } from './profile.ts';
import { Smki } from './Smki.ts';
import type { SmkiCredential } from './SmkiCredential.ts';
import { openssl, opensslSkip, withTempFiles } from './testSupport.ts';

/** openssl as an independent judge of what the SMKI issues. */

const smki = new Smki('openssl-tests');
const SUPPLIER = Eui.parse('90B3D51F30010000');
const NETWORK_OPERATOR = Eui.parse('90B3D51F30020000');
const ACB = Eui.parse('90B3D51F30000002');
const METER = Eui.parse('00DB1234567890A0');

const organisation: [string, SmkiCredential][] = [
  [
    'supplier DS',
    smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'supplier', usage: 'DS', name: 'ACME' }),
  ],
  ['supplier KA', smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'supplier', usage: 'KA' })],
  [
    'NO DS',
    smki.issueOrganisationCertificate({ eui: NETWORK_OPERATOR, role: 'networkOperator', usage: 'DS' }),
  ],
  [
    'NO KA',
    smki.issueOrganisationCertificate({ eui: NETWORK_OPERATOR, role: 'networkOperator', usage: 'KA' }),
  ],
  ['ACB DS', smki.issueOrganisationCertificate({ eui: ACB, role: 'accessControlBroker', usage: 'DS' })],
  ['supplier XML', smki.issueXmlSigningCertificate({ eui: SUPPLIER, role: 'supplier' })],
];
const device: [string, SmkiCredential][] = [
  ['device DS', smki.issueDeviceCertificate({ eui: METER, usage: 'DS' })],
  ['device KA', smki.issueDeviceCertificate({ eui: METER, usage: 'KA' })],
];

function verify(credential: SmkiCredential, extra: readonly string[] = [], ca: Smki = smki) {
  return withTempFiles(
    {
      'root.pem': ca.root.pem,
      'untrusted.pem': ca.organisationCa.pem + ca.deviceCa.pem,
      'cert.pem': credential.pem,
    },
    (paths) =>
      openssl([
        'verify',
        '-x509_strict',
        ...extra,
        '-CAfile',
        paths['root.pem']!,
        '-untrusted',
        paths['untrusted.pem']!,
        paths['cert.pem']!,
      ]),
  );
}

function text(credential: SmkiCredential): string {
  return withTempFiles({ 'cert.pem': credential.pem }, (paths) => {
    const result = openssl(['x509', '-in', paths['cert.pem']!, '-noout', '-text']);
    expect(result.status, result.stderr).to.equal(0);
    return result.stdout;
  });
}

describe('openssl accepts the test SMKI', { skip: opensslSkip }, () => {
  for (const [label, credential] of [...organisation, ...device]) {
    it(`verifies the ${label} certificate up to root ZA`, () => {
      const result = verify(credential);
      expect(result.stdout.trim(), result.stderr).to.match(/: OK$/);
    });
  }

  it('verifies under the policies: organisation certificates under the ZAZ1 policy, device ones under the device policy', () => {
    for (const [, credential] of organisation) {
      const result = verify(credential, ['-explicit_policy', '-policy', ORGANISATION_POLICY_OID]);
      expect(result.stdout.trim(), result.stderr).to.match(/: OK$/);
    }
    for (const [, credential] of device) {
      const result = verify(credential, ['-explicit_policy', '-policy', DEVICE_POLICY_OID]);
      expect(result.stdout.trim(), result.stderr).to.match(/: OK$/);
    }
  });

  it('rejects a certificate from an SMKI with another seed (same CA names, other keys)', () => {
    const stranger = new Smki('someone-else').issueOrganisationCertificate({
      eui: SUPPLIER,
      role: 'supplier',
      usage: 'DS',
    });
    const result = verify(stranger);
    expect(result.status).to.not.equal(0);
    expect(result.stdout + result.stderr).to.match(
      /unable to get local issuer certificate|signature failure/,
    );
  });

  it('shows the organisation profile in `openssl x509 -text`', () => {
    const shown = text(organisation[0]![1]);
    expect(shown).to.include('Issuer: OU = 07, CN = Z1');
    expect(shown).to.include('Subject: CN = ACME, OU = 02, x500UniqueIdentifier = #03090090B3D51F30010000');
    expect(shown).to.match(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(shown).to.match(
      /X509v3 Certificate Policies: critical\s+Policy: 1\.2\.826\.0\.1\.8641679\.1\.2\.1\.4\n/,
    );
    expect(shown).to.match(/X509v3 Subject Key Identifier: \n\s+(?:[0-9A-F]{2}:){7}[0-9A-F]{2}\n/);
    expect(shown).to.match(/X509v3 Authority Key Identifier: \n\s+(?:[0-9A-F]{2}:){7}[0-9A-F]{2}\n/);
    expect(shown).to.include('ASN1 OID: prime256v1');
    expect(shown).to.include('Signature Algorithm: ecdsa-with-SHA256');
    expect(text(organisation[1]![1])).to.match(/X509v3 Key Usage: critical\s+Key Agreement\n/);
  });

  it('shows the device profile in `openssl x509 -text`: empty subject, critical SAN hardwareModuleName', () => {
    const shown = text(device[0]![1]);
    expect(shown).to.include('Issuer: CN = E357');
    expect(shown).to.match(/Subject: \n/);
    expect(shown).to.match(
      /X509v3 Subject Alternative Name: critical\s+othername: 1\.3\.6\.1\.5\.5\.7\.8\.4::/,
    );
    expect(shown).to.match(
      /X509v3 Certificate Policies: critical\s+Policy: 1\.2\.826\.0\.1\.1800000\.1\.2\.1\.4\n/,
    );
    expect(shown).to.include('Not After : Dec 31 23:59:59 9999 GMT');
  });

  it('encodes the SAN exactly as the RTDS device certificates do (hwType 1.2.826.0.1.8641679.1.2.2.1)', () => {
    const asn1 = withTempFiles({ 'cert.pem': device[0]![1].pem }, (paths) =>
      openssl(['asn1parse', '-in', paths['cert.pem']!]),
    );
    // Copied from 00db1234567890a0-ds.pem: SEQUENCE { [0] { hardwareModuleName, [0] { SEQUENCE { hwType, OCTET STRING EUI } } } }
    expect(asn1.stdout).to.include(
      '[HEX DUMP]:3029A02706082B06010505070804A01B3019060D2A863A0001848FB90F01020201040800DB1234567890A0',
    );
  });
});
