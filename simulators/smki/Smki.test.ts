import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { checkDeviceCertificate, checkOrganisationCertificate } from './check.ts';
import { describeCertificate } from './describe.ts';
import { parsePrivateKey } from './parse.ts';
import { Smki } from './Smki.ts';
import type { SmkiCredential } from './SmkiCredential.ts';

const clock = new SimulatedClock(); // 2026-01-01, the harness epoch
const SUPPLIER = Eui.parse('90-B3-D5-1F-30-01-00-00');
const NETWORK_OPERATOR = Eui.parse('90-B3-D5-1F-30-02-00-00');
const METER = Eui.parse('00-DB-12-34-56-78-90-A0');

function issueAll(smki: Smki): SmkiCredential[] {
  const parties: [Eui, RemotePartyRole][] = [
    [SUPPLIER, 'supplier'],
    [NETWORK_OPERATOR, 'networkOperator'],
  ];
  const usages: KeyUsage[] = ['DS', 'KA'];
  return [
    ...parties.flatMap(([eui, role]) =>
      usages.map((usage) => smki.issueOrganisationCertificate({ eui, role, usage })),
    ),
    smki.issueOrganisationCertificate({
      eui: SUPPLIER,
      role: 'supplier',
      usage: 'DS',
      name: 'GITTESTSUPPLIER',
    }),
    smki.issueXmlSigningCertificate({ eui: SUPPLIER, role: 'supplier' }),
    ...usages.map((usage) => smki.issueDeviceCertificate({ eui: METER, usage })),
  ];
}

const spki = (credential: SmkiCredential) =>
  credential.publicKey.export({ format: 'der', type: 'spki' }).toString('hex');

describe('Smki', () => {
  const smki = new Smki('smki-tests');

  it('builds root ZA, organisation CA Z1 and device CA E357', () => {
    expect(smki.root.certificate.subject).to.equal('OU=00, CN=ZA');
    expect(smki.root.certificate.issuer).to.equal('OU=00, CN=ZA');
    expect(smki.organisationCa.certificate.subject).to.equal('OU=07, CN=Z1');
    expect(smki.organisationCa.certificate.issuer).to.equal('OU=00, CN=ZA');
    expect(smki.deviceCa.certificate.subject).to.equal('CN=E357');
    expect(smki.deviceCa.certificate.issuer).to.equal('OU=00, CN=ZA');
    expect(describeCertificate(smki.organisationCa).kind).to.equal('ca');
  });

  it('issues organisation certificates that pass the profile check against Z1', () => {
    for (const [eui, role, usage] of [
      [SUPPLIER, 'supplier', 'DS'],
      [NETWORK_OPERATOR, 'networkOperator', 'KA'],
    ] as const) {
      const credential = smki.issueOrganisationCertificate({ eui, role, usage });
      const verdict = checkOrganisationCertificate(credential, {
        clock,
        issuer: smki.organisationCa,
        expectedEui: eui,
        expectedRole: role,
        expectedUsage: usage,
      });
      expect(verdict).to.deep.equal({ ok: true, reasons: [] });
    }
  });

  it('issues device certificates that pass the device profile check against the device CA', () => {
    const credential = smki.issueDeviceCertificate({ eui: METER, usage: 'KA' });
    const verdict = checkDeviceCertificate(credential, {
      clock,
      issuer: smki.deviceCa,
      expectedEui: METER,
      expectedUsage: 'KA',
    });
    expect(verdict).to.deep.equal({ ok: true, reasons: [] });
    expect(credential.certificate.subject).to.equal('');
    expect(credential.certificate.notAfter.toISOString()).to.equal('9999-12-31T23:59:59.000Z');
  });

  it('describes what it issued', () => {
    const named = smki.issueOrganisationCertificate({
      eui: SUPPLIER,
      role: 'supplier',
      usage: 'DS',
      name: 'ACME',
    });
    expect(describeCertificate(named)).to.deep.include({
      kind: 'organisation',
      role: 'supplier',
      roleNumber: 2,
      usage: 'DS',
      serial: named.serial,
      serialDecimal: BigInt(`0x${named.serial}`).toString(),
      issuer: 'OU=07, CN=Z1',
      subject: 'CN=ACME, OU=02, x500UniqueIdentifier=#03090090B3D51F30010000',
    });
    expect(describeCertificate(named).eui?.equals(SUPPLIER)).to.equal(true);
    const device = describeCertificate(smki.issueDeviceCertificate({ eui: METER, usage: 'DS' }));
    expect(device).to.deep.include({
      kind: 'device',
      role: undefined,
      usage: 'DS',
      issuer: 'CN=E357',
      subject: '',
    });
    expect(device.eui?.equals(METER)).to.equal(true);
  });

  it('makes the XML-signing credential distinct from the DS one: own key, serial and CN', () => {
    const ds = smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'supplier', usage: 'DS' });
    const xml = smki.issueXmlSigningCertificate({ eui: SUPPLIER, role: 'supplier' });
    expect(xml.kind).to.equal('xml-signing');
    expect(xml.serial).to.not.equal(ds.serial);
    expect(spki(xml)).to.not.equal(spki(ds));
    expect(xml.certificate.subject).to.equal(
      'CN=XMLSIGN-90B3D51F30010000, OU=87, 2.5.4.45=#03090090b3d51f30010000',
    );
    const dsp = smki.issueXmlSigningCertificate({
      eui: SUPPLIER,
      role: 'accessControlBroker',
      signer: 'dsp',
    });
    expect(dsp.certificate.subject).to.match(/OU=89/);
    expect(xml.certificate.issuer).to.equal(ds.certificate.issuer);
    const verdict = checkOrganisationCertificate(xml, {
      clock,
      issuer: smki.organisationCa,
      expectedUsage: 'DS',
    });
    expect(verdict.ok).to.equal(true);
  });

  it('is deterministic: the same seed gives the same subjects, EUIs, serials and public keys', () => {
    const first = issueAll(new Smki('determinism'));
    const second = issueAll(new Smki('determinism'));
    const summary = (credentials: SmkiCredential[]) =>
      credentials.map((c) => ({
        subject: c.certificate.subject,
        eui: c.eui?.hex,
        serial: c.serial,
        key: spki(c),
      }));
    expect(summary(second)).to.deep.equal(summary(first));
    const [a, b] = [new Smki('determinism'), new Smki('determinism')];
    expect(a.caCredentials.map(spki)).to.deep.equal(b.caCredentials.map(spki));
    expect(a.caCredentials.map((c) => c.serial)).to.deep.equal(b.caCredentials.map((c) => c.serial));
  });

  it('gives another seed other keys and serials', () => {
    const [a, b] = [issueAll(new Smki('seed-a')), issueAll(new Smki('seed-b'))];
    a.forEach((credential, i) => {
      expect(credential.serial).to.not.equal(b[i]!.serial);
      expect(spki(credential)).to.not.equal(spki(b[i]!));
    });
  });

  it('uses 16-byte positive serials, unique across kinds, usages and generations', () => {
    const credentials = [
      ...issueAll(smki),
      smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'supplier', usage: 'DS', generation: 1 }),
      ...smki.caCredentials,
    ];
    const serials = credentials.map((c) => c.serial);
    for (const serial of serials) expect(serial).to.match(/^[1-7][0-9A-F]{31}$/);
    // The named DS certificate shares key and serial with the unnamed one (same kind, EUI, usage, generation).
    expect(new Set(serials).size).to.equal(serials.length - 1);
  });

  it('gives a replacement (generation 1) a new key and serial', () => {
    const first = smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'supplier', usage: 'KA' });
    const second = smki.issueOrganisationCertificate({
      eui: SUPPLIER,
      role: 'supplier',
      usage: 'KA',
      generation: 1,
    });
    expect(second.serial).to.not.equal(first.serial);
    expect(spki(second)).to.not.equal(spki(first));
  });

  it('takes validity and serial overrides', () => {
    const credential = smki.issueOrganisationCertificate({
      eui: SUPPLIER,
      role: 'supplier',
      usage: 'KA',
      notBefore: new Date('2026-02-01T00:00:00Z'),
      notAfter: new Date('2027-02-01T00:00:00Z'),
      serial: '0x1234',
    });
    expect(credential.serial).to.equal('1234');
    expect(credential.certificate.notBefore.toISOString()).to.equal('2026-02-01T00:00:00.000Z');
    const verdict = checkOrganisationCertificate(credential, { clock });
    expect(verdict.reasons.map((r) => r.code)).to.deep.equal(['not-yet-valid']);
  });

  it('hands out the private key as KeyObject and PKCS#8 PEM, matching the certificate', () => {
    const credential = smki.issueDeviceCertificate({ eui: METER, usage: 'DS' });
    expect(credential.pem).to.match(
      /^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/,
    );
    expect(credential.privateKeyPem).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    const reparsed = parsePrivateKey(credential.privateKeyPem).export({ format: 'jwk' });
    expect(reparsed).to.include(credential.publicKey.export({ format: 'jwk' }));
    expect(Buffer.from(credential.certificate.publicKey.rawData).toString('hex')).to.equal(spki(credential));
    expect(credential.certificate.serialNumber.toUpperCase()).to.equal(credential.serial);
  });

  it('refuses bad parameters with InvalidInputError', () => {
    const bad = (f: () => unknown, pattern: RegExp) => expect(f).to.throw(InvalidInputError, pattern);
    bad(
      () => smki.issueDeviceCertificate({ eui: METER, usage: 'XML' as KeyUsage }),
      /^usage: expected DS or KA/,
    );
    bad(
      () => smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'dno' as RemotePartyRole, usage: 'DS' }),
      /^role: expected a remote party role/,
    );
    bad(
      () => smki.issueDeviceCertificate({ eui: '00DB1234567890A0' as unknown as Eui, usage: 'DS' }),
      /^eui: expected an Eui/,
    );
    bad(
      () =>
        smki.issueDeviceCertificate({
          eui: METER,
          usage: 'DS',
          notBefore: new Date('2030-01-01'),
          notAfter: new Date('2029-01-01'),
        }),
      /^notAfter: expected a date not before notBefore/,
    );
    bad(
      () => smki.issueDeviceCertificate({ eui: METER, usage: 'DS', serial: '-5' }),
      /^serial: expected a positive/,
    );
    bad(() => smki.issueDeviceCertificate({ eui: METER, usage: 'DS', generation: -1 }), /^generation:/);
    bad(() => smki.issueXmlSigningCertificate({ eui: SUPPLIER, role: 'supplier', name: ' ' }), /^name:/);
    bad(() => new Smki(''), /^seed: expected a non-empty string/);
  });
});
