import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InProcessSignature, InProcessSigning } from './InProcessSigning.ts';

const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00');
const BOREALIS = Eui.parse('90-B3-D5-1F-40-01-02-00');
const TEXT = '<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">Grüße 1</sr:Request>';

describe('InProcessSigning', () => {
  it("verifies the signer's signature over the same text, and over an equal copy of it", () => {
    const signing = new InProcessSigning();
    const signature = signing.sign(AURORA, TEXT);
    expect(signature).to.be.instanceOf(InProcessSignature);
    expect(signing.verify(AURORA, TEXT, signature)).to.equal(true);
    const copy = [...TEXT].join('');
    expect(signing.verify(AURORA, copy, signature)).to.equal(true);
  });

  it('refuses the signature when one character of the text changed, or whitespace was added', () => {
    const signing = new InProcessSigning();
    const signature = signing.sign(AURORA, TEXT);
    expect(signing.verify(AURORA, TEXT.replace('1</sr', '2</sr'), signature)).to.equal(false);
    expect(signing.verify(AURORA, `${TEXT}\n`, signature)).to.equal(false);
    expect(signing.verify(AURORA, TEXT.replace('ü', 'u'), signature)).to.equal(false);
  });

  it("refuses another signer's signature over the same text", () => {
    const signing = new InProcessSigning();
    const borealis = signing.sign(BOREALIS, TEXT);
    expect(signing.verify(AURORA, TEXT, borealis)).to.equal(false);
    expect(signing.verify(BOREALIS, TEXT, borealis)).to.equal(true);
  });

  it('refuses a missing or forged signature without throwing', () => {
    const signing = new InProcessSigning();
    const good = signing.sign(AURORA, TEXT);
    const forged: unknown[] = [
      undefined,
      null,
      '',
      42,
      'in-process signature of 90B3D51F40010100',
      { signer: AURORA.hex, text: TEXT },
      Object.create(InProcessSignature.prototype),
      { ...good },
      String(good),
    ];
    for (const signature of forged) {
      expect(signing.verify(AURORA, TEXT, signature), String(signature)).to.equal(false);
    }
  });

  it("refuses a signature another instance made: one estate's signing does not vouch for another's", () => {
    const a = new InProcessSigning();
    const b = new InProcessSigning();
    expect(a.verify(AURORA, TEXT, a.sign(AURORA, TEXT))).to.equal(true);
    expect(b.verify(AURORA, TEXT, a.sign(AURORA, TEXT))).to.equal(false);
  });

  it('cannot be made outside InProcessSigning.sign', () => {
    const signing = new InProcessSigning();
    expect(() => new InProcessSignature(signing, AURORA, TEXT, Symbol('InProcessSignature'), undefined)).to.throw(TypeError, /only InProcessSigning\.sign/);
  });

  it("gives back the signer's sealed reading only to its own signing, for its signer and exactly its text", () => {
    const a = new InProcessSigning();
    const reading = { said: 'I0' };
    const signature = a.sign(AURORA, TEXT, reading);
    expect(a.reading(AURORA, TEXT, signature)).to.equal(reading);
    expect(a.reading(AURORA, `${TEXT} `, signature), 'another text').to.equal(undefined);
    expect(a.reading(BOREALIS, TEXT, signature), 'another signer').to.equal(undefined);
    expect(new InProcessSigning().reading(AURORA, TEXT, signature), "another estate's signing").to.equal(undefined);
    expect(a.reading(AURORA, TEXT, { ...signature }), 'a copy').to.equal(undefined);
    expect(a.reading(AURORA, TEXT, a.sign(AURORA, TEXT)), 'signed without one').to.equal(undefined);
  });

  it('names its signer, never the text, when printed', () => {
    const text = String(new InProcessSigning().sign(AURORA, TEXT));
    expect(text).to.contain(AURORA.hex);
    expect(text).to.not.contain('Request');
  });
});
