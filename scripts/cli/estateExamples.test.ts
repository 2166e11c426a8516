/** The estate files the README points suppliers at: they read, and give what their comments promise. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Harness } from '../../simulators/harness/index.ts';
import { readEstateFile } from './estateFile.ts';

describe('docs/examples estate files', () => {
  it('installed-meters.yaml: Cirrus Energy’s meters, installed for its own 8.1.1', async () => {
    const population = await readEstateFile(new URL('../../docs/examples/installed-meters.yaml', import.meta.url).pathname);
    expect(population.meters).to.equal('installed');
    expect(population.homes.map((h) => [h.number, h.supplier, h.smets])).to.deep.equal([
      [9001, 'Cirrus Energy', 'SMETS2'],
      [9002, 'Cirrus Energy', 'SMETS2'],
    ]);
    // `up --estate` installs it: the meters wait for Cirrus Energy's 8.1.1.
    const h = await Harness.start({ population });
    try {
      const meters = h.inventory.devices().filter((d) => d.deviceType === 'ESME');
      expect(meters.map((d) => [d.deviceId.toString(), d.status])).to.deep.equal([
        ['00-DB-40-00-90-01-00-01', 'InstalledNotCommissioned'],
        ['00-DB-40-00-90-02-00-01', 'InstalledNotCommissioned'],
      ]);
    } finally {
      await h.close();
    }
  });
});
