import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { InvalidFileError } from '../core/errors.ts';
import { loadDccBoxedEstate } from './dccBoxedEstate.ts';

// DCC Boxed's published keystore (a GPL devDependency, read here as test data only).
const keystoreFile = createRequire(import.meta.url).resolve('@smartdcc/dccboxed-keystore/keystore.json');
const clock = new SimulatedClock();

describe('the dccboxed profile', () => {
  it("uses DCC Boxed's own keys for its identities, so DCC Boxed clients' signatures verify", async () => {
    const estate = await loadDccBoxedEstate({ keystoreFile, clock });
    const supplierXml = await estate.keyStore.lookup(Eui.parse('90B3D51F30010000'), 'XML');
    expect(supplierXml.name).to.equal('xml-sign-90B3D51F30010000-ds');
    const dsp = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
    expect(dsp.name).to.equal('dsp-xml-sign-90B3D51F30000002-ds');
    expect(estate.parties.networkOperatorFor(13)?.eui.hex).to.equal('90B3D51F30020000');
  });

  it('issues from the test SMKI only what the file lacks (supplier 2 has no XML key in DCC Boxed)', async () => {
    const estate = await loadDccBoxedEstate({ keystoreFile, clock });
    const xml = await estate.keyStore.lookup(Eui.parse('90B3D51F30030000'), 'XML');
    expect(xml.name).to.equal('xml-sign-90B3D51F30030000-ds');
    expect(xml.certificate.issuer).to.contain('Z1');
  });

  it('refuses a file that is not a DCC Boxed keystore, naming it', async () => {
    let error: unknown;
    try {
      await loadDccBoxedEstate({ keystoreFile: import.meta.filename, clock });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(InvalidFileError);
    expect((error as Error).message).to.contain('dccBoxedEstate.test.ts');
  });
});
