import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { C14N } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { SIGNED_XML_DECLARATION, signDuis } from './signDuis.ts';
import {
  credential,
  DSP_XML,
  noKeystore,
  noRtds,
  noXmllint,
  rtdsRequests,
  SUPPLIER_XML,
  validateAgainstDuisSchema,
  withoutSignature,
  xmlSignerFor,
} from './testFixtures.ts';
import { XmlRefusedError } from './XmlRefusedError.ts';

const skip = noRtds || noKeystore;

/** The signature DCC's tool writes, with the values that vary left open. */
const DCC_TOOL_SIGNATURE = new RegExp(
  '^<ds:Signature( xmlns:ds="http://www\\.w3\\.org/2000/09/xmldsig#")?><ds:SignedInfo>' +
    '<ds:CanonicalizationMethod Algorithm="http://www\\.w3\\.org/2001/10/xml-exc-c14n#"/>' +
    '<ds:SignatureMethod Algorithm="http://www\\.w3\\.org/2001/04/xmldsig-more#ecdsa-sha256"/>' +
    '<ds:Reference URI=""><ds:Transforms>' +
    '<ds:Transform Algorithm="http://www\\.w3\\.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>' +
    '<ds:DigestMethod Algorithm="http://www\\.w3\\.org/2001/04/xmlenc#sha256"/>' +
    '<ds:DigestValue>([A-Za-z0-9+/]{43}=)</ds:DigestValue></ds:Reference></ds:SignedInfo>' +
    '<ds:SignatureValue>([A-Za-z0-9+/]{76})&#13;\n([A-Za-z0-9+/]{10}==)</ds:SignatureValue>' +
    '<ds:KeyInfo><ds:X509Data><ds:X509IssuerSerial><ds:X509IssuerName>([^<]*)</ds:X509IssuerName>' +
    '<ds:X509SerialNumber>([0-9]+)</ds:X509SerialNumber></ds:X509IssuerSerial></ds:X509Data></ds:KeyInfo>' +
    '</ds:Signature></sr:Request>$',
);

function signatureOf(signed: string): string {
  return signed.slice(signed.indexOf('<ds:Signature'));
}

describe('signDuis', { skip }, () => {
  const requests = rtdsRequests();
  const cs02c = requests.find((r) => r.name.startsWith('CS02c'))!;

  it("appends the signature last, in exactly the shape DCC's tool writes", () => {
    for (const { name, xml } of requests) {
      const signer = xmlSignerFor(xml);
      const signed = signDuis(xml, signer);
      expect(signed.startsWith(`${SIGNED_XML_DECLARATION}<sr:Request `), name).to.equal(true);
      const match = DCC_TOOL_SIGNATURE.exec(signatureOf(signed));
      expect(match, `${name}: ${signatureOf(signed)}`).to.not.equal(null);
      expect(match![1], 'the root declares ds:, so the signature does not').to.equal(undefined);
      expect(match![5]).to.equal('CN=Z1,OU=07');
      expect(BigInt(match![6]!)).to.equal(BigInt(`0x${signer.certificate.serialNumber}`));
      const value = Buffer.from(`${match![3]}${match![4]}`, 'base64');
      expect(value.length, 'raw r‖s').to.equal(64);
    }
  });

  it('drops the placeholder signature and the whitespace between elements, keeping the content', () => {
    const signed = signDuis(cs02c.xml, credential(SUPPLIER_XML));
    expect(signed.match(/<ds:Signature[ >]/g)).to.have.length(1);
    expect(signed).to.not.include('ZGVmYXVsdA==');
    expect(signed).to.not.include('<!--');
    expect(signed).to.not.match(/>\s+</);
    const body = signed.slice(SIGNED_XML_DECLARATION.length, signed.indexOf('<ds:Signature'));
    expect(body).to.include(
      '<sr:Body><sr:IssueSecurityCredentials><sr:CredentialType>Digital Signature</sr:CredentialType>',
    );
  });

  it('digests the canonical document without its signature (what a verifier recomputes)', () => {
    const signed = signDuis(cs02c.xml, credential(SUPPLIER_XML));
    const doc = parseXmlStrict(signed);
    const signature = doc.documentElement.lastChild!;
    doc.documentElement.removeChild(signature);
    const canonical = canonicalize(doc.documentElement, C14N);
    expect(signed).to.equal(
      `${SIGNED_XML_DECLARATION}${canonical.replace(/<\/sr:Request>$/, '')}${signatureOf(signed)}`,
    );
  });

  it('declares ds: on the signature when the root does not', () => {
    const xml = withoutSignature(cs02c.xml).replace(' xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', '');
    const signed = signDuis(xml, credential(SUPPLIER_XML));
    expect(DCC_TOOL_SIGNATURE.exec(signatureOf(signed))?.[1]).to.equal(
      ' xmlns:ds="http://www.w3.org/2000/09/xmldsig#"',
    );
  });

  it('produces the same document, digest included, every time; only the ECDSA value varies', () => {
    const signer = credential(DSP_XML);
    const [a, b] = [signDuis(cs02c.xml, signer), signDuis(cs02c.xml, signer)];
    const strip = (s: string) => s.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '');
    expect(strip(a)).to.equal(strip(b));
    expect(a).to.not.equal(b);
  });

  it('refuses a key that is not ECDSA P-256, or not the certificate’s', () => {
    const { certificate } = credential(SUPPLIER_XML);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => signDuis(cs02c.xml, { privateKey: rsa, certificate })).to.throw(
      InvalidInputError,
      /signer\.privateKey: expected an ECDSA P-256 private key/,
    );
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(() => signDuis(cs02c.xml, { privateKey: p384, certificate })).to.throw(InvalidInputError);
    const other = credential(DSP_XML).privateKey;
    expect(() => signDuis(cs02c.xml, { privateKey: other, certificate })).to.throw(
      InvalidInputError,
      /signer\.certificate: expected the certificate of the signer's private key/,
    );
  });

  it('refuses XML that parseXmlStrict refuses', () => {
    expect(() => signDuis('<!DOCTYPE r><r/>', credential(SUPPLIER_XML))).to.throw(XmlRefusedError, /doctype/);
  });
});

describe('signDuis output against the DUIS 5.4 schema (xmllint)', { skip: skip || noXmllint }, () => {
  for (const { name, xml } of rtdsRequests()) {
    it(`${name} signed is still a valid DUIS 5.4 request`, () => {
      const result = validateAgainstDuisSchema(signDuis(xml, xmlSignerFor(xml)));
      expect(result.ok, result.output).to.equal(true);
    });
  }
});
