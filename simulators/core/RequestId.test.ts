import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from './Eui.ts';
import { InvalidInputError } from './errors.ts';
import { MAX_REQUEST_COUNTER, RequestId } from './RequestId.ts';

const RTDS_DUIS = resolve(import.meta.dirname, '../../../shared/reference/rtds-duis');
const noRtds = existsSync(RTDS_DUIS) ? false : `RTDS request files not found at ${RTDS_DUIS}`;

const SAMPLE = '90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000';

describe('RequestId', () => {
  it('parses originator, target and counter', () => {
    const id = RequestId.parse(SAMPLE);
    expect(id.originator.hex).to.equal('90B3D51F30010000');
    expect(id.target.hex).to.equal('00DB1234567890A0');
    expect(id.counter).to.equal(1000n);
    expect(id.toString()).to.equal(SAMPLE);
    expect(JSON.stringify({ id })).to.equal(`{"id":"${SAMPLE}"}`);
  });

  it('accepts lower-case EUIs and surrounding whitespace, and formats upper-case', () => {
    expect(RequestId.parse(`  ${SAMPLE.toLowerCase()}\n`).toString()).to.equal(SAMPLE);
  });

  it('accepts counters 0 and 2^64-1', () => {
    expect(RequestId.parse(`${SAMPLE.slice(0, -4)}0`).counter).to.equal(0n);
    const max = RequestId.parse(`${SAMPLE.slice(0, -4)}18446744073709551615`);
    expect(max.counter).to.equal(MAX_REQUEST_COUNTER);
    expect(max.counter).to.equal(2n ** 64n - 1n);
  });

  it('compares by value', () => {
    expect(RequestId.parse(SAMPLE).equals(RequestId.parse(SAMPLE.toLowerCase()))).to.equal(true);
    expect(RequestId.parse(SAMPLE).equals(RequestId.parse(`${SAMPLE}1`))).to.equal(false);
    expect(RequestId.parse(SAMPLE).equals(undefined)).to.equal(false);
  });

  it('builds from parts with of()', () => {
    const originator = Eui.parse('90B3D51F30010000');
    const target = Eui.parse('00DB1234567890A0');
    expect(RequestId.of(originator, target, 1000).equals(RequestId.parse(SAMPLE))).to.equal(true);
    expect(RequestId.of(originator, target, 1000n).toString()).to.equal(SAMPLE);
  });

  for (const bad of [-1, -1n, 2n ** 64n, 1.5, Number.MAX_SAFE_INTEGER + 1]) {
    it(`of() refuses counter ${bad} naming the expected range`, () => {
      const eui = Eui.parse('90B3D51F30010000');
      expect(() => RequestId.of(eui, eui, bad)).to.throw(
        InvalidInputError,
        /^RequestID: expected a counter from 0 to 18446744073709551615/,
      );
    });
  }

  const badCounters = ['18446744073709551616', '0123', '-1', '+5', '1e3', '12a', '', ' 7'];
  for (const counter of badCounters) {
    it(`refuses counter ${JSON.stringify(counter)} naming the counter and its range`, () => {
      expect(() => RequestId.parse(`${SAMPLE.slice(0, -4)}${counter}`)).to.throw(
        InvalidInputError,
        /^RequestID: expected a counter after the second ':' as a decimal integer from 0 to 18446744073709551615 without leading zeros/,
      );
    });
  }

  const badOriginators = ['90B3D51F30010000', '90-B3-D5-1F-30-01-00', '90-B3-D5-1F-30-01-00-0G', ''];
  for (const originator of badOriginators) {
    it(`refuses originator ${JSON.stringify(originator)} naming the originator EUI`, () => {
      expect(() => RequestId.parse(`${originator}:00-DB-12-34-56-78-90-A0:1`)).to.throw(
        InvalidInputError,
        /^RequestID: expected the originator EUI before the first ':' as eight dash-separated hex pairs/,
      );
    });
  }

  it('refuses a bad target naming the target EUI', () => {
    expect(() => RequestId.parse('90-B3-D5-1F-30-01-00-00:00DB1234567890A0:1')).to.throw(
      InvalidInputError,
      /^RequestID: expected the target EUI between the two ':' as eight dash-separated hex pairs.*got "00DB1234567890A0"$/,
    );
  });

  for (const bad of ['', '90-B3-D5-1F-30-01-00-00:1000', `${SAMPLE}:1`, '90:B3:D5:1F:30:01:00:00']) {
    it(`refuses ${JSON.stringify(bad)} naming the three-part form`, () => {
      expect(() => RequestId.parse(bad, 'OriginalRequestID')).to.throw(
        InvalidInputError,
        /^OriginalRequestID: expected three parts originatorEUI:targetEUI:counter separated by ':'/,
      );
    });
  }

  it('refuses a non-string', () => {
    expect(() => RequestId.parse(1000)).to.throw(
      InvalidInputError,
      /^RequestID: expected originatorEUI:targetEUI:counter .* got 1000$/,
    );
  });

  it('parses and reproduces the RequestID of every RTDS request file', { skip: noRtds }, () => {
    const files = readdirSync(RTDS_DUIS).filter((f) => f.endsWith('_REQUEST_DUIS.XML'));
    expect(files).to.not.be.empty;
    for (const file of files) {
      const xml = readFileSync(join(RTDS_DUIS, file), 'utf8');
      const text = /<sr:RequestID>([^<]*)<\/sr:RequestID>/.exec(xml)?.[1];
      expect(text, file).to.be.a('string');
      expect(RequestId.parse(text).toString(), file).to.equal(text);
    }
  });
});
