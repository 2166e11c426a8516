import { defineParameterType, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Eui } from '../../simulators/core/Eui.ts';
import type { KeyUsage } from '../../simulators/core/roles.ts';
import {
  checkDeviceCertificate,
  checkOrganisationCertificate,
  describeCertificate,
  parseCertificate,
} from '../../simulators/smki/index.ts';
import {
  CERTIFICATE_FAULTS,
  type CertificateFault,
  makeFaultyCertificate,
} from '../support/faultyCertificates.ts';
import { embeddedCertificates, referenceAbsent, referenceFiles } from '../support/referenceData.ts';
import type { HarnessWorld } from '../world.ts';

defineParameterType({
  name: 'certificateFault',
  regexp: new RegExp(CERTIFICATE_FAULTS.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
  transformer: (text: string) => text as CertificateFault,
});

When(
  "the SMKI's {usage} certificate of {string} is checked against the organisation certificate profile",
  async function (this: HarnessWorld, usage: 'DS' | 'KA', name: string) {
    const party = this.party(name);
    const credential = await this.estate.keyStore.lookup(party.eui, usage);
    this.certificate = parseCertificate(credential.certificatePem);
    this.verdict = checkOrganisationCertificate(this.certificate, {
      clock: this.clock,
      issuer: this.estate.smki.organisationCa,
      expectedEui: party.eui,
      expectedRole: party.remotePartyRole,
      expectedUsage: usage,
    });
  },
);

When(
  'the SMKI issues a {usage} device certificate for device {eui}',
  function (this: HarnessWorld, usage: KeyUsage, eui: Eui) {
    this.certificate = this.estate.smki.issueDeviceCertificate({ eui, usage }).certificate;
  },
);

When(
  'a certificate for {string} is made with {certificateFault}',
  async function (this: HarnessWorld, name: string, fault: CertificateFault) {
    const party = this.party(name);
    this.certificate = await makeFaultyCertificate(party, this.estate.smki.organisationCa, fault);
    this.verdict = checkOrganisationCertificate(this.certificate, {
      clock: this.clock,
      issuer: this.estate.smki.organisationCa,
    });
  },
);

Then('the certificate is accepted', function (this: HarnessWorld) {
  expect(this.verdict?.reasons, 'reasons the profile check gave').to.deep.equal([]);
  expect(this.verdict?.ok).to.equal(true);
});

Then('the certificate is refused because of {string}', function (this: HarnessWorld, code: string) {
  expect(this.verdict?.ok).to.equal(false);
  expect(this.verdict?.reasons.map((r) => r.code)).to.include(code);
});

Then(
  'its subject OU is {string} and its unique identifier is the EUI of {string}',
  function (this: HarnessWorld, ou: string, name: string) {
    const described = describeCertificate(this.certificate!);
    expect(described.roleNumber?.toString(16).padStart(2, '0')).to.equal(ou);
    expect(described.eui?.hex).to.equal(this.party(name).eui.hex);
  },
);

Then('the certificate passes the device certificate profile check', function (this: HarnessWorld) {
  const verdict = checkDeviceCertificate(this.certificate!, {
    clock: this.clock,
    issuer: this.estate.smki.deviceCa,
  });
  expect(verdict.reasons).to.deep.equal([]);
});

Then('its hardwareModuleName is {eui}', function (this: HarnessWorld, eui: Eui) {
  expect(describeCertificate(this.certificate!).eui?.hex).to.equal(eui.hex);
});

Then(
  'every ZAZ1 organisation certificate of the RTDS keystore is accepted by the profile check',
  function (this: HarnessWorld) {
    const absent = referenceAbsent();
    if (absent) return 'skipped';
    const organisation = referenceFiles('keys', '.pem').filter((f) => f.file.startsWith('90b3'));
    expect(organisation.length).to.be.greaterThan(10);
    for (const { file, text } of organisation) {
      const verdict = checkOrganisationCertificate(parseCertificate(text, file), { clock: this.clock });
      expect(verdict.reasons, file).to.deep.equal([]);
    }
  },
);

Then(
  'every certificate embedded in the RTDS DUIS requests is accepted by its profile check',
  function (this: HarnessWorld) {
    if (referenceAbsent()) return 'skipped';
    let checked = 0;
    for (const { file, text } of referenceFiles('rtds-duis', '.XML')) {
      for (const base64 of embeddedCertificates(text)) {
        const certificate = parseCertificate(base64, file);
        const kind = describeCertificate(certificate).kind;
        if (kind === 'ca') continue;
        const check = kind === 'device' ? checkDeviceCertificate : checkOrganisationCertificate;
        expect(check(certificate, { clock: this.clock }).reasons, `${file} (${kind})`).to.deep.equal([]);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(5);
  },
);
