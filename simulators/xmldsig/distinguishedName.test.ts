import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  distinguishedNameKey,
  distinguishedNameKeyOfDer,
  formatRfc2253,
  issuerMatches,
  issuerNameOf,
  serialNumberOf,
} from './distinguishedName.ts';
import { credential, DSP_XML, noKeystore, SUPPLIER_XML } from './testFixtures.ts';

/**
 * DER names and what Java 17's `X500Principal.getName()` (RFC 2253) prints for them – the
 * X509IssuerName DCC's signing tool writes. Recorded by running Java on each DER.
 */
const JAVA_RFC2253: readonly [string, string][] = [
  ['301a310b3009060355040b13023037310b3009060355040313025a31', 'CN=Z1,OU=07'],
  [
    '301e311c301a06035504030c13612c623d632b6422653c663e673b6823695c6a',
    'CN=a\\,b\\=c\\+d\\"e\\<f\\>g\\;h\\#i\\\\j',
  ],
  ['3021310f300d060355040a1306747261696c20310e300c06035504031305206c656164', 'CN=\\ lead,O=trail\\ '],
  [
    '302531123010060355040b0c097840795f7a2a283129310f300d06035504030c06237374617274',
    'CN=\\#start,OU=x@y_z*(1)',
  ],
  ['3025310b30090603550406130247423116301406035504030c0dc39c6ec3af636f646520e29c93', 'CN=Ünïcode ✓,C=GB'],
  [
    '3022310a300806035504031301783114301206092a864886f70d01090116056140622e63',
    '1.2.840.113549.1.9.1=#16056140622e63,CN=x',
  ],
  [
    '302131123010060355042d03090090b3d51f30010000310b3009060355040b13023837',
    'OU=87,2.5.4.45=#03090090b3d51f30010000',
  ],
  ['3022310a3008060355040a13017a3114300806035504031301783008060355040b130179', 'CN=x+OU=y,O=z'],
  [
    '306f310c300a06035504051303313233310e300c060355040c13057469746c65310a3008060355040713016c310b3009060355040813027374310a3008060355040913017331173015060a0992268993f22c64011916076578616d706c653111300f060a0992268993f22c640101130175',
    'UID=u,DC=example,STREET=s,ST=st,L=l,2.5.4.12=#13057469746c65,2.5.4.5=#1303313233',
  ],
  ['3010310e300c06035504030c057461620978', 'CN=tab\tx'],
  ['300e310c300a06035504030c03610062', 'CN=a\\00b'],
];

describe('formatRfc2253', () => {
  for (const [hex, java] of JAVA_RFC2253) {
    it(`writes ${JSON.stringify(java)} as Java does`, () => {
      expect(formatRfc2253(Buffer.from(hex, 'hex'))).to.equal(java);
    });
  }
});

describe('issuerNameOf / serialNumberOf', { skip: noKeystore }, () => {
  it("gives DCC Boxed's XML-signing certificates the issuer and serial DCC's tool writes", () => {
    const supplier = credential(SUPPLIER_XML).certificate;
    expect(issuerNameOf(supplier)).to.equal('CN=Z1,OU=07');
    expect(serialNumberOf(supplier)).to.equal(27572613927499351639968579586655397031n);
    expect(issuerNameOf(credential(DSP_XML).certificate)).to.equal('CN=Z1,OU=07');
  });
});

describe('distinguishedNameKey', () => {
  const z1 = distinguishedNameKeyOfDer(Buffer.from(JAVA_RFC2253[0]![0], 'hex'));

  for (const same of [
    'CN=Z1,OU=07',
    'CN=Z1, OU=07',
    ' cn = z1 ;ou=07 ',
    'CN="Z1",OU=07',
    'OID.2.5.4.3=Z1,2.5.4.11=07',
    'CN=#13025a31,OU=07',
    'CN=\\5A1,OU=07',
  ]) {
    it(`reads ${JSON.stringify(same)} as the name CN=Z1,OU=07`, () => {
      expect(distinguishedNameKey(same)).to.equal(z1);
    });
  }

  for (const other of ['OU=07,CN=Z1', 'CN=Z1', 'CN=Z2,OU=07', 'CN=Z1,OU=07,O=x', 'CN=Z1+OU=07']) {
    it(`tells ${JSON.stringify(other)} apart from CN=Z1,OU=07`, () => {
      expect(distinguishedNameKey(other)).to.not.equal(z1);
    });
  }

  it('orders the attributes of a multi-valued RDN', () => {
    expect(distinguishedNameKey('OU=y+CN=x,O=z')).to.equal(distinguishedNameKey('CN=x+OU=y,O=z'));
  });

  it('matches every Java rendering back to its DER name', () => {
    for (const [hex, java] of JAVA_RFC2253) {
      expect(distinguishedNameKey(java), java).to.equal(distinguishedNameKeyOfDer(Buffer.from(hex, 'hex')));
    }
  });

  for (const bad of ['CN', 'CN=a,', 'XX=1', 'CN=#12', 'CN="open', 'CN=a\\']) {
    it(`gives no key for the malformed ${JSON.stringify(bad)}`, () => {
      expect(distinguishedNameKey(bad)).to.equal(undefined);
    });
  }

  it('checks a certificate issuer against a written name', { skip: noKeystore }, () => {
    const supplier = credential(SUPPLIER_XML).certificate;
    expect(issuerMatches(supplier, 'CN=Z1, OU=07')).to.equal(true);
    expect(issuerMatches(supplier, 'CN=U1, OU=07')).to.equal(false);
  });
});
