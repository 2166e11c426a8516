import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { describe, it } from 'node:test';
import * as x509 from '@peculiar/x509';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { checkDeviceCertificate, checkOrganisationCertificate } from './check.ts';
import { contextConstructed, objectIdentifier, octetString, sequence, tlv } from './der.ts';
import { DEVICE_HW_TYPE_OID, DEVICE_POLICY_OID, OID, ORGANISATION_POLICY_OID } from './profile.ts';
import { Smki } from './Smki.ts';
import type { SmkiCredential } from './SmkiCredential.ts';

/**
 * Deliberately wrong certificates, made with @peculiar/x509 directly (not with the SMKI's own
 * issuance code), each rejected with its specific reason code and nothing else.
 */

const clock = new SimulatedClock(); // 2026-01-01
const smki = new Smki('check-tests');
const SUPPLIER_UID = '2.5.4.45=#03090090B3D51F30010000';
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const { KeyUsageFlags } = x509;

async function signingKeyOf(credential: SmkiCredential): Promise<CryptoKey> {
  const pkcs8 = credential.privateKey.export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', pkcs8, ECDSA_P256, false, ['sign']);
}

/** subjectAltName value with one hardwareModuleName otherName. */
function sanValue(hwType = DEVICE_HW_TYPE_OID, serial = '00DB1234567890A0'): Buffer {
  const hardwareModuleName = sequence(objectIdentifier(hwType), octetString(Buffer.from(serial, 'hex')));
  return sequence(
    contextConstructed(
      0,
      Buffer.concat([objectIdentifier(OID.hardwareModuleName), contextConstructed(0, hardwareModuleName)]),
    ),
  );
}

interface Variant {
  issuer?: string;
  subject?: string;
  notBefore?: Date;
  notAfter?: Date;
  curve?: 'P-256' | 'P-384';
  keyUsage?: number | null;
  keyUsageCritical?: boolean;
  policies?: string[] | null;
  policiesCritical?: boolean;
  san?: Buffer | null;
  sanCritical?: boolean;
  ca?: boolean;
  hash?: 'SHA-256' | 'SHA-384';
  signer?: CryptoKey;
}

async function make(kind: 'organisation' | 'device', variant: Variant = {}): Promise<x509.X509Certificate> {
  const organisation = kind === 'organisation';
  const keys = await webcrypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: variant.curve ?? 'P-256' },
    true,
    ['sign', 'verify'],
  );
  const keyUsage = variant.keyUsage === undefined ? KeyUsageFlags.digitalSignature : variant.keyUsage;
  const policies =
    variant.policies === undefined
      ? [organisation ? ORGANISATION_POLICY_OID : DEVICE_POLICY_OID]
      : variant.policies;
  const san = variant.san === undefined ? (organisation ? null : sanValue()) : variant.san;
  const extensions: x509.Extension[] = [
    ...(keyUsage === null ? [] : [new x509.KeyUsagesExtension(keyUsage, variant.keyUsageCritical ?? true)]),
    ...(san === null
      ? []
      : [new x509.Extension(OID.subjectAltName, variant.sanCritical ?? true, new Uint8Array(san))]),
    ...(policies === null
      ? []
      : [new x509.CertificatePolicyExtension(policies, variant.policiesCritical ?? true)]),
    ...(variant.ca ? [new x509.BasicConstraintsExtension(true, undefined, true)] : []),
  ];
  return x509.X509CertificateGenerator.create({
    serialNumber: '4fbc525201a1d7586c1bc1c4734deb9f',
    issuer: variant.issuer ?? (organisation ? 'OU=07, CN=Z1' : 'CN=E357'),
    subject: variant.subject ?? (organisation ? `OU=02, ${SUPPLIER_UID}` : ''),
    notBefore: variant.notBefore ?? new Date('2025-01-01T00:00:00Z'),
    notAfter: variant.notAfter ?? new Date('2030-12-31T23:59:59Z'),
    publicKey: keys.publicKey,
    signingKey: variant.signer ?? (await signingKeyOf(organisation ? smki.organisationCa : smki.deviceCa)),
    signingAlgorithm: { name: 'ECDSA', hash: variant.hash ?? 'SHA-256' },
    extensions,
  });
}

const organisationCodes = async (
  variant: Variant,
  options: Partial<Parameters<typeof checkOrganisationCertificate>[1]> = {},
) =>
  checkOrganisationCertificate(await make('organisation', variant), {
    clock,
    issuer: smki.organisationCa,
    ...options,
  }).reasons.map((r) => r.code);
const deviceCodes = async (
  variant: Variant,
  options: Partial<Parameters<typeof checkDeviceCertificate>[1]> = {},
) =>
  checkDeviceCertificate(await make('device', variant), {
    clock,
    issuer: smki.deviceCa,
    ...options,
  }).reasons.map((r) => r.code);

describe('checkOrganisationCertificate on deliberately wrong certificates', () => {
  it('accepts the control certificate (the profile, made with @peculiar/x509)', async () => {
    expect(
      await organisationCodes({}, { expectedEui: Eui.parse('90B3D51F30010000'), expectedRole: 'supplier' }),
    ).to.deep.equal([]);
  });

  const cases: [string, Variant, string, Partial<Parameters<typeof checkOrganisationCertificate>[1]>?][] = [
    ['another issuer', { issuer: 'OU=07, CN=Z9' }, 'wrong-issuer'],
    [
      'another issuer, no issuer certificate given',
      { issuer: 'CN=Z1' },
      'wrong-issuer',
      { issuer: undefined },
    ],
    ['no unique identifier', { subject: 'OU=02' }, 'missing-unique-identifier'],
    [
      'a 7-byte unique identifier',
      { subject: 'OU=02, 2.5.4.45=#03080090B3D51F300100' },
      'bad-unique-identifier',
    ],
    ['a unique identifier as text', { subject: 'OU=02, 2.5.4.45=90B3D51F30010000' }, 'bad-unique-identifier'],
    ['another Entity ID', {}, 'wrong-eui', { expectedEui: Eui.parse('90B3D51F30020000') }],
    ['no OU', { subject: SUPPLIER_UID }, 'missing-role'],
    ['an OU that is no role number', { subject: `OU=supplier, ${SUPPLIER_UID}` }, 'bad-role'],
    ['another role', {}, 'wrong-role', { expectedRole: 'networkOperator' }],
    ['key usage keyEncipherment', { keyUsage: KeyUsageFlags.keyEncipherment }, 'wrong-key-usage'],
    [
      'key usage DS and KA together',
      { keyUsage: KeyUsageFlags.digitalSignature | KeyUsageFlags.keyAgreement },
      'wrong-key-usage',
    ],
    ['no key usage', { keyUsage: null }, 'wrong-key-usage'],
    ['DS where KA is expected', {}, 'wrong-key-usage', { expectedUsage: 'KA' }],
    ['non-critical key usage', { keyUsageCritical: false }, 'key-usage-not-critical'],
    ['a P-384 key', { curve: 'P-384' }, 'not-p256'],
    ['a SHA-384 signature', { hash: 'SHA-384' }, 'wrong-signature-algorithm', { issuer: undefined }],
    ['notAfter in the past', { notAfter: new Date('2025-06-30T23:59:59Z') }, 'expired'],
    ['notBefore in the future', { notBefore: new Date('2026-06-01T00:00:00Z') }, 'not-yet-valid'],
    ['no certificate policies', { policies: null }, 'missing-policy'],
    ['the device policy only', { policies: [DEVICE_POLICY_OID] }, 'missing-policy'],
    ['non-critical certificate policies', { policiesCritical: false }, 'policy-not-critical'],
    ['basicConstraints cA', { ca: true }, 'unexpected-ca'],
  ];
  for (const [label, variant, code, options] of cases) {
    it(`rejects ${label} with ${code}`, async () => {
      expect(await organisationCodes(variant, options)).to.deep.equal([code]);
    });
  }

  it('rejects a signature by another key with bad-signature, when given the issuer certificate', async () => {
    const stranger = await webcrypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
    expect(await organisationCodes({ signer: stranger.privateKey })).to.deep.equal(['bad-signature']);
    expect(await organisationCodes({ signer: stranger.privateKey }, { issuer: undefined })).to.deep.equal([]);
  });

  it('lists every problem of a certificate with several, with readable messages', async () => {
    const certificate = await make('organisation', {
      notAfter: new Date('2025-06-30T23:59:59Z'),
      keyUsageCritical: false,
      policies: null,
      subject: 'OU=03',
    });
    const verdict = checkOrganisationCertificate(certificate, { clock, expectedRole: 'supplier' });
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons).to.deep.equal([
      { code: 'expired', message: 'expired at 2025-06-30T23:59:59.000Z; it is now 2026-01-01T00:00:00.000Z' },
      { code: 'key-usage-not-critical', message: 'the keyUsage extension is not marked critical' },
      {
        code: 'missing-policy',
        message: 'there is no certificatePolicies extension; expected policy 1.2.826.0.1.8641679.1.2.1.4',
      },
      { code: 'missing-unique-identifier', message: 'the subject has no x500UniqueIdentifier (2.5.4.45)' },
      { code: 'wrong-role', message: 'the subject OU is "03" (networkOperator), expected "02" (supplier)' },
    ]);
  });

  it('names issuer and key in its messages', async () => {
    const [wrongIssuer] = checkOrganisationCertificate(
      await make('organisation', { issuer: 'OU=07, CN=Z9' }),
      { clock },
    ).reasons;
    expect(wrongIssuer?.message).to.equal('issued by "OU=07, CN=Z9", expected "OU=07, CN=Z1"');
    const [p384] = checkOrganisationCertificate(await make('organisation', { curve: 'P-384' }), {
      clock,
    }).reasons;
    expect(p384?.message).to.equal(
      'the subject public key is an EC key on secp384r1, expected an EC key on P-256 (prime256v1)',
    );
  });

  it('rejects a device certificate as an organisation certificate', () => {
    const device = smki.issueDeviceCertificate({ eui: Eui.parse('00DB1234567890A0'), usage: 'DS' });
    expect(checkOrganisationCertificate(device, { clock }).reasons.map((r) => r.code)).to.deep.equal([
      'wrong-issuer',
      'missing-policy',
      'missing-unique-identifier',
      'missing-role',
    ]);
  });

  it('answers malformed-certificate for bytes that are not a certificate', () => {
    const verdict = checkOrganisationCertificate(tlv(0x30, Buffer.from([0x02, 0x01, 0x01])), { clock });
    expect(verdict.reasons.map((r) => r.code)).to.deep.equal(['malformed-certificate']);
  });
});

describe('checkDeviceCertificate on deliberately wrong certificates', () => {
  it('accepts the control certificate', async () => {
    expect(
      await deviceCodes({}, { expectedEui: Eui.parse('00DB1234567890A0'), expectedUsage: 'DS' }),
    ).to.deep.equal([]);
  });

  const cases: [string, Variant, string, Partial<Parameters<typeof checkDeviceCertificate>[1]>?][] = [
    ['no subjectAltName', { san: null }, 'missing-hardware-module-name'],
    [
      'a SAN without hardwareModuleName',
      { san: sequence(tlv(0x82, Buffer.from('meter.example'))) },
      'missing-hardware-module-name',
    ],
    [
      'a 7-byte hwSerialNum',
      { san: sanValue(DEVICE_HW_TYPE_OID, '00DB1234567890') },
      'bad-hardware-module-name',
    ],
    ['another hwType', { san: sanValue('1.2.3.4') }, 'bad-hardware-module-name'],
    ['a non-critical SAN', { sanCritical: false }, 'san-not-critical'],
    ['another device ID', {}, 'wrong-eui', { expectedEui: Eui.parse('00DB1234567890A1') }],
    ['a subject', { subject: 'CN=meter' }, 'unexpected-subject'],
    ['the organisation policy', { policies: [ORGANISATION_POLICY_OID] }, 'missing-policy'],
    ['issuer Z1', { issuer: 'OU=07, CN=Z1' }, 'wrong-issuer'],
    [
      'key usage keyAgreement where DS is expected',
      { keyUsage: KeyUsageFlags.keyAgreement },
      'wrong-key-usage',
      { expectedUsage: 'DS' },
    ],
    ['non-critical key usage', { keyUsageCritical: false }, 'key-usage-not-critical'],
    ['a P-384 key', { curve: 'P-384' }, 'not-p256'],
  ];
  for (const [label, variant, code, options] of cases) {
    it(`rejects ${label} with ${code}`, async () => {
      expect(await deviceCodes(variant, options)).to.deep.equal([code]);
    });
  }

  it('rejects a device certificate signed by the organisation CA with bad-signature', async () => {
    expect(await deviceCodes({ signer: await signingKeyOf(smki.organisationCa) })).to.deep.equal([
      'bad-signature',
    ]);
  });
});
