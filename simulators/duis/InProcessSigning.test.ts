import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InProcessSigning } from './InProcessSigning.ts';

const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00');
const BOREALIS = Eui.parse('90-B3-D5-1F-40-01-02-00');
const SECRET = Buffer.alloc(32, 7);
const TEXT = '<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">Grüße 1</sr:Request>';

describe('InProcessSigning', () => {
  it("signs as hex and verifies the signer's signature over the same text", () => {
    const signing = new InProcessSigning(SECRET);
    const signature = signing.sign(AURORA, TEXT);
    expect(signature).to.match(/^[0-9a-f]{64}$/);
    expect(signing.sign(AURORA, TEXT)).to.equal(signature);
    expect(signing.verify(AURORA, TEXT, signature)).to.equal(true);
  });

  it('refuses the signature when one byte of the text changed, or whitespace was added', () => {
    const signing = new InProcessSigning(SECRET);
    const signature = signing.sign(AURORA, TEXT);
    expect(signing.verify(AURORA, TEXT.replace('1</sr', '2</sr'), signature)).to.equal(false);
    expect(signing.verify(AURORA, `${TEXT}\n`, signature)).to.equal(false);
    expect(signing.verify(AURORA, TEXT.replace('ü', 'u'), signature)).to.equal(false);
  });

  it("refuses another signer's signature over the same text", () => {
    const signing = new InProcessSigning(SECRET);
    const borealis = signing.sign(BOREALIS, TEXT);
    expect(borealis).to.not.equal(signing.sign(AURORA, TEXT));
    expect(signing.verify(AURORA, TEXT, borealis)).to.equal(false);
    expect(signing.verify(BOREALIS, TEXT, borealis)).to.equal(true);
  });

  it('refuses a missing or malformed signature without throwing', () => {
    const signing = new InProcessSigning(SECRET);
    const good = signing.sign(AURORA, TEXT);
    const flipped = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;
    const malformed: (string | undefined)[] = [
      undefined,
      '',
      good.slice(0, 62),
      `${good}00`,
      `${good.slice(0, 63)}g`,
      ` ${good.slice(1)}`,
      flipped,
    ];
    for (const signature of malformed) {
      expect(signing.verify(AURORA, TEXT, signature), String(signature)).to.equal(false);
    }
    expect(signing.verify(AURORA, TEXT, 42 as unknown as string)).to.equal(false);
  });

  it('two instances agree with the same secret and disagree with different ones', () => {
    const a = new InProcessSigning(SECRET);
    const same = new InProcessSigning(Buffer.from(SECRET));
    const other = new InProcessSigning(Buffer.alloc(32, 8));
    const signature = a.sign(AURORA, TEXT);
    expect(same.sign(AURORA, TEXT)).to.equal(signature);
    expect(same.verify(AURORA, TEXT, signature)).to.equal(true);
    expect(other.sign(AURORA, TEXT)).to.not.equal(signature);
    expect(other.verify(AURORA, TEXT, signature)).to.equal(false);
  });

  it('keeps its own copy of the secret: changing the buffer afterwards changes nothing', () => {
    const secret = Buffer.from(SECRET);
    const signing = new InProcessSigning(secret);
    const before = signing.sign(AURORA, TEXT);
    secret.fill(0);
    expect(signing.sign(AURORA, TEXT)).to.equal(before);
  });

  it('makes a random secret when none is given: two such instances disagree', () => {
    const a = new InProcessSigning();
    const b = new InProcessSigning();
    expect(a.verify(AURORA, TEXT, a.sign(AURORA, TEXT))).to.equal(true);
    expect(b.verify(AURORA, TEXT, a.sign(AURORA, TEXT))).to.equal(false);
  });

  it('refuses a secret shorter than 16 bytes with a RangeError, and takes 16', () => {
    expect(() => new InProcessSigning(Buffer.alloc(15, 1))).to.throw(RangeError, /at least 16 bytes/);
    expect(() => new InProcessSigning(Buffer.alloc(0))).to.throw(RangeError, /at least 16 bytes/);
    const sixteen = new InProcessSigning(Buffer.alloc(16, 1));
    expect(sixteen.verify(AURORA, TEXT, sixteen.sign(AURORA, TEXT))).to.equal(true);
  });
});
