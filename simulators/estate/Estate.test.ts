import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { checkOrganisationCertificate, describeCertificate } from '../smki/index.ts';
import { DEFAULT_PARTIES } from './defaultParties.ts';
import { buildEstate } from './Estate.ts';

const clock = new SimulatedClock();

describe('buildEstate', () => {
  it('issues every credential each party needs, each passing the organisation profile against the estate CA', async () => {
    const estate = await buildEstate({ clock });
    const credentials = await estate.keyStore.list();
    expect(credentials.length).to.equal(DEFAULT_PARTIES.reduce((n, p) => n + p.credentials.length, 0));
    for (const c of credentials) {
      const verdict = checkOrganisationCertificate(Buffer.from(c.certificate.raw), {
        clock,
        issuer: estate.smki.organisationCa,
        expectedEui: c.eui,
        expectedUsage: c.usage === 'XML' ? 'DS' : c.usage,
      });
      expect(verdict.reasons, c.name).to.deep.equal([]);
    }
  });

  it('is deterministic: the same seed gives the same serials and keys', async () => {
    const summary = async () =>
      (await (await buildEstate({ seed: 'same', clock })).keyStore.list()).map(
        (c) =>
          `${c.eui.hex}/${c.usage}/${c.cellUsage ?? '-'}/${c.serial}/${c.publicKey.export({ format: 'jwk' }).x}`,
      );
    expect(await summary()).to.deep.equal(await summary());
  });

  it('follows DCC Boxed for XML signing: role 135 (OU 87) for Users, 137 (OU 89) for the DSP', async () => {
    const estate = await buildEstate({ clock });
    const aurora = estate.parties.byName('Aurora Energy');
    const userXml = await estate.keyStore.lookup(aurora.eui, 'XML');
    expect(userXml.role).to.equal(135);
    expect(describeCertificate(Buffer.from(userXml.certificate.raw)).roleNumber).to.equal(0x87);
    const dspXml = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
    expect(dspXml.role).to.equal(137);
    expect(dspXml.name).to.match(/^dsp-xml-sign-/);
  });

  it('issues only what a given key store lacks', async () => {
    const first = await buildEstate({ clock });
    const again = await buildEstate({ clock, keyStore: first.keyStore });
    expect((await again.keyStore.list()).length).to.equal((await first.keyStore.list()).length);
  });
});
