import { describe, it } from 'node:test';
import { expect } from 'chai';
import { isBase64 } from './isBase64.ts';

/** The grouped pattern isBase64 stands in for. */
const GROUPED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

describe('isBase64', () => {
  it('takes what Buffer writes, with and without padding, and the empty string', () => {
    for (let n = 0; n < 40; n++) {
      const text = Buffer.alloc(n, n * 37).toString('base64');
      expect(isBase64(text), text).to.equal(true);
    }
  });

  it('refuses bad lengths, padding inside or too long, whitespace and other alphabets', () => {
    for (const text of ['A', 'AB', 'ABC', 'A===', '====', 'AB=C', 'AB==AB==', 'AAAAA===', 'AB C', 'AB\nC', 'AB-_', 'ABCÉ', 'AAAA=']) {
      expect(isBase64(text), text).to.equal(false);
    }
  });

  it('agrees with the grouped pattern on every string of up to 5 characters over a small alphabet', () => {
    const alphabet = ['A', '/', '=', '-', ' '];
    let strings = [''];
    for (let length = 0; length <= 5; length++) {
      for (const text of strings) expect(isBase64(text), JSON.stringify(text)).to.equal(GROUPED.test(text));
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    }
  });
});
