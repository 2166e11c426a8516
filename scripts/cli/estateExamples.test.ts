/** The estate files the README points suppliers at: they read, and give what their comments promise. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readEstateFile } from './estateFile.ts';

describe('docs/examples estate files', () => {
  it('installed-meters.yaml: Cirrus Energy’s meters, installed for its own 8.1.1', async () => {
    const population = await readEstateFile(new URL('../../docs/examples/installed-meters.yaml', import.meta.url).pathname);
    expect(population.meters).to.equal('installed');
    expect(population.homes.map((h) => [h.number, h.supplier, h.smets])).to.deep.equal([
      [9001, 'Cirrus Energy', 'SMETS2'],
      [9002, 'Cirrus Energy', 'SMETS2'],
    ]);
    expect(population.homes[1]!.mprn?.value).to.equal('7400009002');
  });
});
