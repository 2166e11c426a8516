import { describe, it } from 'node:test';
import { expect } from 'chai';
import { RegistrationCopy } from './RegistrationCopy.ts';
import { retrieveKrpBody } from './testBodies.ts';
import { BOREALIS, ESME, harness, MPAN_12 } from './testSupport.ts';

describe('RegistrationCopy: the DSP sees RDP changes only after a refresh', () => {
  it('a change of supplier takes effect at the DSP on refresh', async () => {
    const h = await harness();
    const copy = new RegistrationCopy(h.registrations);
    const request = (counter: number) => ({ from: BOREALIS, target: ESME, counter, cv: 1, srv: '6.24.1', body: retrieveKrpBody() });
    // A second DSP over the same estate holds the copy of the first harness's store.
    const lagging = await harness({ registrations: copy });
    h.registrations.changeOfSupplier(MPAN_12, BOREALIS, new Date('2025-12-01T00:00:00Z'));
    const dsp = lagging.dsp;
    const before = await dsp.receive('S', await lagging.signed(request(1)));
    expect(before.responseCode).to.equal('E4');
    expect(copy.refresh()).to.equal(h.registrations.version);
    const after = await dsp.receive('S', await lagging.signed(request(2)));
    expect(after.responseCode, after.reason).to.equal('I99');
  });
});
