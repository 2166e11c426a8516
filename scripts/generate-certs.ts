/**
 * `npm run certs [-- --out DIR]`: regenerates the default estate's test PKI into certs/ (or DIR).
 * Keys, serials, subjects and EUIs derive from the estate seed, so every run gives the same ones.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCertsDirectory } from '../simulators/estate/certsDirectory.ts';
import { DEFAULT_CERTS_DIR } from '../simulators/estate/defaultEstate.ts';
import { buildEstate } from '../simulators/estate/Estate.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? DEFAULT_CERTS_DIR);
const estate = await buildEstate();
await writeCertsDirectory(estate, out);
const credentials = await estate.keyStore.list();
console.log(
  `certs: ${estate.parties.parties.length} parties, ${credentials.length} credentials written to ${out}`,
);
