import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import type { RemotePartyRole } from '../core/roles.ts';
import { checkDeviceCertificate, checkOrganisationCertificate } from './check.ts';
import { describeCertificate } from './describe.ts';
import { parseCertificate } from './parse.ts';
import { Smki } from './Smki.ts';
import {
  type ReferenceFile,
  referenceKeyCertificates,
  referenceSkip,
  rtdsEmbeddedCertificates,
} from './testSupport.ts';
import type { X509Certificate } from './x509.ts';

/**
 * The checker against the real thing: the RTDS ZAZ1 certificates in ../shared/reference/keys
 * (organisation ones issued 2015, expired 2025) and those embedded in the RTDS DUIS requests
 * (organisation ones valid 2025-09-01 to 2035-09-01, plus the Z1 CA certificate).
 */

/** Inside the validity of every reference certificate. */
const PINNED = () => new SimulatedClock('2025-10-01T00:00:00Z');

/** 90b3d51f30000007-ka.pem is a copy of 90b3d51f30030000-ka.pem. */
const EUI_QUIRKS: Record<string, string> = { '90b3d51f30000007-ka.pem': '90B3D51F30030000' };
const ROLE_BY_EUI: Record<string, RemotePartyRole> = {
  '90B3D51F30000001': 'recovery',
  '90B3D51F30000002': 'accessControlBroker',
  '90B3D51F30000004': 'transitionalCoS',
  '90B3D51F30000007': 'wanProvider',
  '90B3D51F30010000': 'supplier',
  '90B3D51F30020000': 'networkOperator',
  '90B3D51F30030000': 'supplier',
};

function expectationsFor({ file }: ReferenceFile) {
  const eui = Eui.parse(EUI_QUIRKS[file] ?? file.slice(0, 16));
  return {
    eui,
    usage: file.endsWith('ka.pem') ? ('KA' as const) : ('DS' as const),
    device: file.startsWith('00db'),
    role: ROLE_BY_EUI[eui.hex],
  };
}

const codes = (verdict: { reasons: readonly { code: string }[] }) => verdict.reasons.map((r) => r.code);

describe('reference certificates (RTDS keystore)', { skip: referenceSkip }, () => {
  const files = referenceSkip ? [] : referenceKeyCertificates();
  const rtdsZ1 = (): X509Certificate => {
    const z1 = rtdsEmbeddedCertificates().find((c) => c.element === 'Certificate');
    if (!z1) throw new Error('no Z1 certificate in the RTDS DUIS requests');
    return parseCertificate(z1.base64);
  };

  it('finds the organisation and device certificates', () => {
    expect(files.filter((f) => f.file.startsWith('90b3')).length).to.equal(16);
    expect(files.filter((f) => f.file.startsWith('00db')).length).to.equal(8);
  });

  for (const reference of files) {
    const { eui, usage, device, role } = expectationsFor(reference);
    it(`accepts ${reference.file} (clock pinned inside its validity) and describes it`, () => {
      const certificate = parseCertificate(reference.text, reference.file);
      const options = { clock: PINNED(), expectedEui: eui, expectedUsage: usage };
      const verdict = device
        ? checkDeviceCertificate(certificate, options)
        : checkOrganisationCertificate(certificate, { ...options, ...(role ? { expectedRole: role } : {}) });
      expect(verdict.reasons).to.deep.equal([]);
      const described = describeCertificate(certificate);
      expect(described.kind).to.equal(device ? 'device' : 'organisation');
      expect(described.eui?.hex).to.equal(eui.hex);
      expect(described.usage).to.equal(usage);
      expect(described.role).to.equal(role);
    });
  }

  it('reads OU=08 of 90b3d51f30010008 as role number 8, which GBCS does not name', () => {
    const described = describeCertificate(
      parseCertificate(files.find((f) => f.file === '90b3d51f30010008-ds.pem')!.text),
    );
    expect(described).to.deep.include({ roleNumber: 8, role: undefined, kind: 'organisation' });
  });

  it('reports only `expired` for the 2015 organisation certificates at the harness epoch', () => {
    const clock = new SimulatedClock(); // 2026-01-01
    for (const reference of files) {
      const certificate = parseCertificate(reference.text);
      if (reference.file.startsWith('00db')) {
        expect(checkDeviceCertificate(certificate, { clock }).ok, reference.file).to.equal(true);
      } else if (reference.file.startsWith('90b3d51f30010008')) {
        expect(checkOrganisationCertificate(certificate, { clock }).ok, reference.file).to.equal(true); // to 2118
      } else {
        const verdict = checkOrganisationCertificate(certificate, { clock });
        expect(codes(verdict), reference.file).to.deep.equal(['expired']);
        expect(verdict.reasons[0]!.message).to.match(
          /^expired at 2025-1[0-2]-\d\dT23:59:59\.000Z; it is now 2026-01-01T00:00:00\.000Z$/,
        );
      }
    }
  });

  it('reports `not-yet-valid` before the certificates were issued', () => {
    const clock = new SimulatedClock('2015-01-01T00:00:00Z');
    const certificate = parseCertificate(files.find((f) => f.file === '90b3d51f30020000-ds.pem')!.text);
    expect(codes(checkOrganisationCertificate(certificate, { clock }))).to.deep.equal(['not-yet-valid']);
  });

  it('verifies the signatures with the RTDS Z1 certificate, except 90b3d51f30010008 (another Z1 key)', () => {
    const issuer = rtdsZ1();
    for (const reference of files.filter((f) => f.file.startsWith('90b3'))) {
      const verdict = checkOrganisationCertificate(parseCertificate(reference.text), {
        clock: PINNED(),
        issuer,
      });
      const expected = reference.file.startsWith('90b3d51f30010008') ? ['bad-signature'] : [];
      expect(codes(verdict), reference.file).to.deep.equal(expected);
    }
  });

  it('tells the RTDS certificates from the harness ones: same issuer name, other key', () => {
    const certificate = parseCertificate(files.find((f) => f.file === '90b3d51f30010000-ds.pem')!.text);
    const verdict = checkOrganisationCertificate(certificate, {
      clock: PINNED(),
      issuer: new Smki().organisationCa,
    });
    expect(codes(verdict)).to.deep.equal(['bad-signature']);
  });
});

describe('reference certificates embedded in the RTDS DUIS requests', { skip: referenceSkip }, () => {
  const embedded = referenceSkip ? [] : rtdsEmbeddedCertificates();
  const z1 = embedded.find((c) => c.element === 'Certificate');

  it('finds organisation, device and CA certificates', () => {
    const elements = new Set(embedded.map((c) => c.element));
    for (const element of [
      'DigitalSigningCertificate',
      'KeyAgreementCertificate',
      'KeyAgreementTopUpCertificate',
      'DeviceCertificate',
      'Certificate',
    ]) {
      expect(elements.has(element), element).to.equal(true);
    }
    const described = describeCertificate(parseCertificate(z1!.base64));
    expect(described).to.deep.include({ kind: 'ca', subject: 'OU=07, CN=Z1', issuer: 'OU=00, CN=ZA' });
  });

  for (const certificate of embedded.filter((c) => c.element !== 'Certificate')) {
    it(`accepts ${certificate.element} of ${certificate.file}, and reports it expired after notAfter`, () => {
      const parsed = parseCertificate(certificate.base64, certificate.element);
      const usage = certificate.element.startsWith('KeyAgreement') ? ('KA' as const) : ('DS' as const);
      if (certificate.element === 'DeviceCertificate') {
        expect(
          checkDeviceCertificate(parsed, { clock: PINNED(), expectedUsage: usage }).reasons,
        ).to.deep.equal([]);
        return;
      }
      const issuer = parseCertificate(z1!.base64);
      const verdict = checkOrganisationCertificate(parsed, { clock: PINNED(), expectedUsage: usage, issuer });
      expect(verdict.reasons).to.deep.equal([]);
      const later = new SimulatedClock(new Date(parsed.notAfter.getTime() + 1000));
      expect(codes(checkOrganisationCertificate(parsed, { clock: later, issuer }))).to.deep.equal([
        'expired',
      ]);
    });
  }
});
