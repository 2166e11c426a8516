/**
 * Decision 0009: in process, the DSP seals the response value it wrote each answer from, and the User
 * takes it instead of parsing the text again. That holds only if the value is exactly what the text
 * parses to – checked here for every response and alert an overnight batch with every cause sends.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { type DuisText, parseDuisResponse, textOf } from '../duis/index.ts';
import { InProcessSigning } from '../duis/InProcessSigning.ts';
import { runBatch } from '../postcommissioning/batch.ts';
import { SCENARIO_NAMES } from '../postcommissioning/scenarios.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';

/** As JSON sees it: absent and undefined properties alike, value objects by their text. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));

describe('the response value the DSP seals in process', () => {
  it('is what its XML parses to, for every answer, response and alert of a batch with every cause', async () => {
    const sealed: { text: DuisText; reading: unknown }[] = [];
    const sign = InProcessSigning.prototype.sign;
    InProcessSigning.prototype.sign = function (this: InProcessSigning, signer, text, reading) {
      if (reading !== undefined) sealed.push({ text, reading });
      return sign.call(this, signer, text, reading);
    };
    try {
      await runBatch({
        devices: 40,
        mix: Object.fromEntries(SCENARIO_NAMES.filter((name) => name !== 'clean').map((name) => [name, 0.09])),
        assignment: 'exact',
        seed: 3,
        suppliers: [{ name: 'Aurora Energy', share: 1 }, { name: 'Cirrus Energy', share: 1 }],
        signing: 'in-process',
      });
    } finally {
      InProcessSigning.prototype.sign = sign;
    }
    const kinds = new Set(sealed.map(({ reading }) => JSON.stringify([(reading as { body: { kind: string } }).body.kind, (reading as { header: { responseCode: string } }).header.responseCode])));
    expect(sealed.length, 'responses sealed').to.be.greaterThan(300);
    expect(kinds.size, `kinds of response and codes: ${[...kinds].join(' ')}`).to.be.greaterThan(5);
    for (const { text, reading } of sealed) {
      // In process the DSP leaves the text to be written when read: read here, as a User would.
      expect(plain(reading), textOf(text)).to.deep.equal(plain(parseDuisResponse(parseXmlStrict(textOf(text), { dom: 'lite' }))));
    }
  });
});
