import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { parseCertificate, parsePrivateKey } from './parse.ts';
import { Smki } from './Smki.ts';
import { referenceKeyFile, referenceSkip } from './testSupport.ts';

const smki = new Smki('parse-tests');
const credential = smki.issueOrganisationCertificate({
  eui: Eui.parse('90-B3-D5-1F-30-01-00-00'),
  role: 'supplier',
  usage: 'DS',
});
const publicJwk = credential.publicKey.export({ format: 'jwk' });

describe('parseCertificate', () => {
  it('reads PEM, bare base64 (as DUIS embeds it), base64 with line breaks, and DER', () => {
    const wrapped = credential.pem.split('\n').slice(1, -2).join('\n');
    for (const input of [
      credential.pem,
      credential.base64,
      wrapped,
      credential.der,
      `  ${credential.pem}\n\n`,
    ]) {
      expect(parseCertificate(input).serialNumber.toUpperCase()).to.equal(credential.serial);
    }
  });

  it('says when the text is neither PEM nor base64', () => {
    expect(() => parseCertificate('not a certificate', 'DigitalSigningCertificate')).to.throw(
      InvalidInputError,
      /^DigitalSigningCertificate: expected a PEM certificate \(-----BEGIN CERTIFICATE-----\), base64 DER or DER bytes, got "not a certificate"$/,
    );
  });

  it('names the wrong PEM label', () => {
    expect(() => parseCertificate(credential.privateKeyPem)).to.throw(
      InvalidInputError,
      /^certificate: expected a PEM CERTIFICATE block, got "a PEM PRIVATE KEY block"$/,
    );
  });

  it('says when the PEM body is not base64', () => {
    const broken = credential.pem.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!');
    expect(() => parseCertificate(broken)).to.throw(
      InvalidInputError,
      /expected base64 inside the PEM CERTIFICATE block/,
    );
  });

  it('says when the bytes are not a certificate', () => {
    expect(() => parseCertificate(Buffer.from('3003020101', 'hex'))).to.throw(
      InvalidInputError,
      /^certificate: expected a DER-encoded X\.509 certificate, got "5 bytes that are not one/,
    );
    expect(() => parseCertificate(Buffer.from('hello world').toString('base64'))).to.throw(
      InvalidInputError,
      /expected a DER-encoded X\.509 certificate/,
    );
  });

  it('refuses an unterminated block, two blocks, mismatched END, nothing and non-strings', () => {
    expect(() => parseCertificate(credential.pem.split('-----END')[0])).to.throw(/without its -----END line/);
    expect(() => parseCertificate(credential.pem + credential.pem)).to.throw(
      /expected exactly one PEM block, got "2 PEM blocks"/,
    );
    expect(() => parseCertificate(credential.pem.replace('END CERTIFICATE', 'END X509 CRL'))).to.throw(
      /ending -----END CERTIFICATE-----/,
    );
    expect(() => parseCertificate('')).to.throw(InvalidInputError, /got an empty string/);
    expect(() => parseCertificate(new Uint8Array())).to.throw(InvalidInputError, /got "no bytes"/);
    expect(() => parseCertificate(42)).to.throw(InvalidInputError, /got 42/);
  });
});

describe('parsePrivateKey', () => {
  it('reads PKCS#8 PEM, SEC 1 PEM and DER, giving the same key', () => {
    const sec1 = credential.privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    const der = credential.privateKey.export({ format: 'der', type: 'pkcs8' });
    for (const input of [credential.privateKeyPem, sec1, der, der.toString('base64')]) {
      expect(parsePrivateKey(input).export({ format: 'jwk' })).to.include({ x: publicJwk.x, y: publicJwk.y });
    }
  });

  it('reads the RTDS .key files, matching their certificates', { skip: referenceSkip }, () => {
    const key = parsePrivateKey(referenceKeyFile('90b3d51f30010000-ds.key'));
    const certificate = parseCertificate(referenceKeyFile('90b3d51f30010000-ds.pem'));
    const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
    expect(spki.equals(Buffer.from(certificate.publicKey.rawData))).to.equal(true);
  });

  it('refuses a key that is not P-256, a certificate, and bytes that are no key', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => parsePrivateKey(p384.toString(), 'XmlSigningKey')).to.throw(
      InvalidInputError,
      /^XmlSigningKey: expected a P-256 \(prime256v1\) EC private key, got "an EC key on secp384r1"$/,
    );
    expect(() => parsePrivateKey(credential.pem)).to.throw(
      /expected a PEM PRIVATE KEY block or a PEM EC PRIVATE KEY block, got "a PEM CERTIFICATE block"/,
    );
    expect(() => parsePrivateKey(credential.der)).to.throw(/expected a PKCS#8 or SEC 1 private key/);
  });
});
