import { sign, type X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Verdict } from '../core/verdict.ts';
import { C14N, ENVELOPED_SIGNATURE, EXC_C14N } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { issuerSerialResolver } from './issuerSerialResolver.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { signDuis } from './signDuis.ts';
import {
  credential,
  DSP_XML,
  dccBoxedXmlCredentials,
  NETWORK_OPERATOR_XML,
  noKeystore,
  noRtds,
  rtdsRequests,
  SUPPLIER_XML,
  signWithXmlCrypto,
  withoutSignature,
  xmlSignerFor,
} from './testFixtures.ts';
import {
  type DuisSignatureVerdict,
  type IssuerSerialResolver,
  verifyDuis,
  verifyDuisDocument,
} from './verifyDuis.ts';
import { XmlRefusedError } from './XmlRefusedError.ts';

const skip = noRtds || noKeystore;

function codes(verdict: DuisSignatureVerdict): string[] {
  return verdict.reasons.map((r) => r.code);
}

/** Replaces exactly one occurrence of `from` (so a test cannot silently change nothing). */
function tamper(xml: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(from) ?? []).length;
  expect(found, `${String(from)} occurs once`).to.equal(1);
  return xml.replace(from, to);
}

const SIGNATURE = /<ds:Signature[ >][\s\S]*<\/ds:Signature>/;

describe('verifyDuis', { skip }, () => {
  const requests = rtdsRequests();
  const cs02c = requests.find((r) => r.name.startsWith('CS02c'))!;
  const supplier = credential(SUPPLIER_XML);
  const resolve = issuerSerialResolver([...dccBoxedXmlCredentials().values()].map((c) => c.certificate));
  const signed = signDuis(cs02c.xml, supplier);

  it("verifies every RTDS request signed with its originator's XML-signing key, naming the signer", async () => {
    for (const { name, xml } of requests) {
      const signer = xmlSignerFor(xml);
      const verdict = await verifyDuis(signDuis(xml, signer), resolve);
      expect(verdict.ok, `${name}: ${JSON.stringify(verdict.reasons)}`).to.equal(true);
      expect(verdict.signer?.fingerprint256, name).to.equal(signer.certificate.fingerprint256);
    }
    expect(requests.some((r) => xmlSignerFor(r.xml).name === NETWORK_OPERATOR_XML)).to.equal(true);
  });

  it('asks the resolver for the issuer name as written and the serial, and accepts a promise', async () => {
    const asked: [string, bigint][] = [];
    const spy: IssuerSerialResolver = async (issuerName, serial) => {
      asked.push([issuerName, serial]);
      return supplier.certificate;
    };
    const verdict = await verifyDuis(signed, spy);
    const asVerdict: Verdict = verdict;
    expect(asVerdict.ok).to.equal(true);
    expect(asked).to.deep.equal([['CN=Z1,OU=07', BigInt(`0x${supplier.certificate.serialNumber}`)]]);
    expect(verdict.keyInfo).to.deep.equal({ issuerName: 'CN=Z1,OU=07', serial: asked[0]![1] });
  });

  it('leaves a pre-parsed document as it found it', async () => {
    const doc = parseXmlStrict(signed);
    const before = canonicalize(doc.documentElement, C14N);
    expect((await verifyDuisDocument(doc, resolve)).ok).to.equal(true);
    expect(canonicalize(doc.documentElement, C14N)).to.equal(before);
  });

  it('refuses an altered body as digest-mismatch (the SignedInfo still verifies)', async () => {
    const altered = tamper(signed, 'Digital Signature', 'Key Agreement');
    const verdict = await verifyDuis(altered, resolve);
    expect(codes(verdict)).to.deep.equal(['digest-mismatch']);
    expect(verdict.reasons[0]!.message).to.match(/the document was changed after it was signed/);
  });

  it('refuses an altered attribute or an added element as digest-mismatch', async () => {
    expect(
      codes(await verifyDuis(tamper(signed, 'schemaVersion="5.4"', 'schemaVersion="5.3"'), resolve)),
    ).to.deep.equal(['digest-mismatch']);
    expect(codes(await verifyDuis(tamper(signed, '</sr:Body>', '<sr:X/></sr:Body>'), resolve))).to.deep.equal(
      ['digest-mismatch'],
    );
  });

  it('refuses an altered SignatureValue as bad-signature (the digest still matches)', async () => {
    const value = /<ds:SignatureValue>([A-Za-z0-9+/])/.exec(signed)![1]!;
    const altered = tamper(
      signed,
      `<ds:SignatureValue>${value}`,
      `<ds:SignatureValue>${value === 'A' ? 'B' : 'A'}`,
    );
    const verdict = await verifyDuis(altered, resolve);
    expect(codes(verdict)).to.deep.equal(['bad-signature']);
    expect(verdict.reasons[0]!.message).to.match(/issuer "CN=Z1,OU=07", serial \d+/);
  });

  it("refuses another party's valid signature over the same document as bad-signature", async () => {
    const byDsp = signDuis(cs02c.xml, credential(DSP_XML));
    const dspValue = /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/.exec(byDsp)![0];
    const forged = tamper(signed, /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, dspValue);
    expect(codes(await verifyDuis(forged, resolve))).to.deep.equal(['bad-signature']);
  });

  it('refuses a changed DigestValue as both', async () => {
    const digest = /<ds:DigestValue>([^<]*)</.exec(signed)![1]!;
    const other = Buffer.alloc(32, 7).toString('base64');
    const verdict = await verifyDuis(tamper(signed, digest, other), resolve);
    expect(codes(verdict)).to.deep.equal(['digest-mismatch', 'bad-signature']);
  });

  it('refuses an unknown serial, or a known serial under another issuer, as unknown-signer', async () => {
    const noSupplier = issuerSerialResolver([credential(DSP_XML).certificate]);
    const verdict = await verifyDuis(signed, noSupplier);
    expect(codes(verdict)).to.deep.equal(['unknown-signer']);
    expect(verdict.reasons[0]!.message).to.match(
      /no certificate is known for issuer "CN=Z1,OU=07", serial \d+/,
    );
    const wrongIssuer = tamper(signed, 'CN=Z1,OU=07', 'CN=U1, OU=07');
    expect(codes(await verifyDuis(wrongIssuer, resolve))).to.deep.equal(['unknown-signer']);
    const otherSerial = signed.replace(/(<ds:X509SerialNumber>)[0-9]+/, '$11234567890');
    expect(codes(await verifyDuis(otherSerial, resolve))).to.deep.equal(['unknown-signer']);
  });

  it('refuses a document without a signature as unsigned', async () => {
    const verdict = await verifyDuis(withoutSignature(cs02c.xml), resolve);
    expect(codes(verdict)).to.deep.equal(['unsigned']);
    expect(verdict.keyInfo).to.equal(undefined);
  });

  it('refuses a signature that is not the last child of the root', async () => {
    const signature = SIGNATURE.exec(signed)![0];
    const first = signed.replace(signature, '').replace('<sr:Header>', `${signature}<sr:Header>`);
    expect(codes(await verifyDuis(first, resolve))).to.deep.equal(['signature-not-last-child']);
    const inBody = signed.replace(signature, '').replace('</sr:Body>', `${signature}</sr:Body>`);
    const verdict = await verifyDuis(inBody, resolve);
    expect(codes(verdict)).to.deep.equal(['signature-not-last-child']);
    expect(verdict.reasons[0]!.message).to.match(/not a child of the root/);
    const textAfter = signed.replace('</ds:Signature>', '</ds:Signature>trailing');
    expect(codes(await verifyDuis(textAfter, resolve))).to.deep.equal(['signature-not-last-child']);
  });

  it('accepts whitespace and comments after the signature', async () => {
    const after = signed.replace('</ds:Signature>', '</ds:Signature>\n  <!-- c -->\n');
    expect((await verifyDuis(after, resolve)).ok).to.equal(true);
  });

  it('refuses two signatures as multiple-signatures', async () => {
    const signature = SIGNATURE.exec(signed)![0];
    const twice = signed.replace('</sr:Request>', `${signature}</sr:Request>`);
    expect(codes(await verifyDuis(twice, resolve))).to.deep.equal(['multiple-signatures']);
  });

  it('resists signature wrapping: the signed original hidden in a forged request is refused', async () => {
    const original = parseXmlStrict(signed).documentElement;
    const innerChildren = signed.slice(signed.indexOf('<sr:Header>'), signed.lastIndexOf('</sr:Request>'));
    const forgedHeader = signed
      .slice(signed.indexOf('<sr:Header>'), signed.indexOf('</sr:Header>') + '</sr:Header>'.length)
      .replace(':1000<', ':1001<');
    const root = signed.slice(
      signed.indexOf('<sr:Request'),
      signed.indexOf('>', signed.indexOf('<sr:Request')) + 1,
    );
    const wrapped = `${root}${forgedHeader}<sr:Body><sr:Wrapper>${innerChildren}</sr:Wrapper></sr:Body></sr:Request>`;
    expect(original.localName).to.equal('Request');
    expect(codes(await verifyDuis(wrapped, resolve))).to.deep.equal(['signature-not-last-child']);
    const signature = SIGNATURE.exec(signed)![0];
    const moved = `${root}${forgedHeader}<sr:Body><sr:Wrapper>${innerChildren.replace(signature, '')}</sr:Wrapper></sr:Body>${signature}</sr:Request>`;
    expect(codes(await verifyDuis(moved, resolve))).to.deep.equal(['digest-mismatch']);
  });

  for (const [what, from, to] of [
    ['an RSA signature method', 'xmldsig-more#ecdsa-sha256', 'xmldsig-more#rsa-sha256'],
    ['inclusive C14N for SignedInfo', '2001/10/xml-exc-c14n#', 'TR/2001/REC-xml-c14n-20010315'],
    ['a SHA-1 digest', 'xmlenc#sha256', 'xmldsig#sha1'],
    [
      'an XPath transform',
      '</ds:Transforms>',
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>/</ds:XPath></ds:Transform></ds:Transforms>',
    ],
    ['no transforms', /<ds:Transforms>.*<\/ds:Transforms>/, ''],
    [
      'InclusiveNamespaces on the canonicalisation',
      'xml-exc-c14n#"/>',
      'xml-exc-c14n#"><ec:InclusiveNamespaces xmlns:ec="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList="sr"/></ds:CanonicalizationMethod>',
    ],
  ] as const) {
    it(`refuses ${what} as wrong-algorithm`, async () => {
      const verdict = await verifyDuis(tamper(signed, from, to), resolve);
      expect(codes(verdict)).to.include('wrong-algorithm');
      expect(new Set(codes(verdict))).to.deep.equal(new Set(['wrong-algorithm']));
    });
  }

  for (const [what, from, to, message] of [
    ['a Reference to an element', 'URI=""', 'URI="#body"', /URI="#body"; DUIS signs the whole document/],
    ['a Reference without URI', 'URI=""', '', /no URI/],
    [
      'a second Reference',
      '</ds:Reference>',
      '</ds:Reference><ds:Reference URI=""><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference>',
      /exactly one Reference/,
    ],
    [
      'a certificate in KeyInfo',
      '</ds:X509IssuerSerial>',
      '</ds:X509IssuerSerial><ds:X509Certificate>AA==</ds:X509Certificate>',
      /X509Data must hold exactly X509IssuerSerial; found X509IssuerSerial, X509Certificate/,
    ],
    [
      'an Object',
      '</ds:KeyInfo>',
      '</ds:KeyInfo><ds:Object>x</ds:Object>',
      /found SignedInfo, SignatureValue, KeyInfo, Object/,
    ],
    [
      'no KeyInfo',
      /<ds:KeyInfo>.*<\/ds:KeyInfo>/,
      '',
      /must hold exactly SignedInfo, SignatureValue, KeyInfo/,
    ],
    [
      'a hexadecimal serial',
      /<ds:X509SerialNumber>[0-9]+/,
      '<ds:X509SerialNumber>14BE4AD2',
      /expected a decimal integer/,
    ],
    ['a short SignatureValue', /<ds:SignatureValue>[^<]*/, '<ds:SignatureValue>AAAA', /3 bytes; expected 64/],
    [
      'a SignatureValue that is not base64',
      /<ds:SignatureValue>[^<]*/,
      '<ds:SignatureValue>!!',
      /not base64/,
    ],
  ] as const) {
    it(`refuses ${what} as malformed-signature`, async () => {
      const verdict = await verifyDuis(tamper(signed, from, to), resolve);
      expect(codes(verdict)).to.include('malformed-signature');
      expect(verdict.reasons.map((r) => r.message).join('; ')).to.match(message);
    });
  }

  it('refuses a DER-encoded ECDSA value, saying DUIS wants raw r‖s', async () => {
    const doc = parseXmlStrict(signed);
    const signedInfo = doc
      .getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'SignedInfo')
      .item(0)!;
    const der = sign('sha256', Buffer.from(canonicalize(signedInfo, EXC_C14N)), supplier.privateKey).toString(
      'base64',
    );
    const verdict = await verifyDuis(
      tamper(signed, /<ds:SignatureValue>[^<]*/, `<ds:SignatureValue>${der}`),
      resolve,
    );
    expect(codes(verdict)).to.deep.equal(['malformed-signature']);
    expect(verdict.reasons[0]!.message).to.match(/decodes to 7\d bytes; expected 64 \(raw r‖s, not DER\)/);
  });

  it('throws XmlRefusedError (E12) for a DOCTYPE or entity declaration, signed or not', async () => {
    const withDoctype = signed.replace('?>', '?><!DOCTYPE sr:Request [<!ENTITY x "y">]>');
    const error = await verifyDuis(withDoctype, resolve).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(XmlRefusedError);
    expect((error as XmlRefusedError).responseCode).to.equal('E12');
    const withEntity = signed.replace('<sr:Header>', '<sr:Header><!ENTITY x "y">');
    expect(await verifyDuis(withEntity, resolve).catch((e: unknown) => e)).to.be.instanceOf(XmlRefusedError);
  });

  describe('against an independent signer (xml-crypto SignedXml)', () => {
    const certificate = (c: { certificate: X509Certificate }) => c.certificate;

    it('verifies what a standard XML-DSig library signs, indentation included', async () => {
      const xml = signWithXmlCrypto(withoutSignature(cs02c.xml), supplier, { issuerName: 'CN=Z1, OU=07' });
      expect(xml).to.match(/\n {2}<sr:Body>/);
      const only = issuerSerialResolver([certificate(supplier)]);
      expect((await verifyDuis(xml, only)).ok).to.equal(true);
      expect((await verifyDuis(xml, only, { elementContentWhitespace: 'significant' })).ok).to.equal(true);
      const ignoring = await verifyDuis(xml, only, { elementContentWhitespace: 'ignorable' });
      expect(codes(ignoring)).to.deep.equal(['digest-mismatch']);
      expect(ignoring.reasons[0]!.message).to.match(/\(whitespace between elements ignored\)$/);
    });

    it('accepts enveloped-signature followed by exclusive C14N as the Reference transforms', async () => {
      const xml = signWithXmlCrypto(withoutSignature(cs02c.xml), supplier, {
        transforms: [ENVELOPED_SIGNATURE, EXC_C14N],
      });
      expect((await verifyDuis(xml, resolve)).ok).to.equal(true);
    });
  });

  describe('whitespace between elements', () => {
    const indented = signed
      .replace(/></g, '>\n  <')
      .replace(/>\n {2}<\/ds:SignatureValue>/, '></ds:SignatureValue>');

    it('accepts a signed document indented afterwards by default, as DCC’s tool does', async () => {
      expect((await verifyDuis(indented, resolve)).ok).to.equal(true);
      expect((await verifyDuis(indented, resolve, { elementContentWhitespace: 'ignorable' })).ok).to.equal(
        true,
      );
    });

    it("refuses it when told whitespace is significant (XML-DSig's own reading)", async () => {
      const verdict = await verifyDuis(indented, resolve, { elementContentWhitespace: 'significant' });
      expect(codes(verdict)).to.deep.equal(['digest-mismatch', 'bad-signature']);
    });

    it('still refuses changed text however whitespace is read', async () => {
      const altered = tamper(indented, 'Digital Signature', 'Key Agreement');
      expect(codes(await verifyDuis(altered, resolve))).to.deep.equal(['digest-mismatch']);
      expect(
        codes(await verifyDuis(altered, resolve, { elementContentWhitespace: 'ignorable' })),
      ).to.deep.equal(['digest-mismatch']);
    });
  });
});
