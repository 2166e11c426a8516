import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { normaliseName, sameName } from './distinguishedName.ts';

describe('distinguished names', () => {
  const certificateOrder = normaliseName('OU=07, CN=Z1');

  it('matches the same name in RFC 4514 order, certificate order, with OIDs, odd spacing or case', () => {
    for (const spelling of [
      'CN=Z1,OU=07',
      'OU=07, CN=Z1',
      '2.5.4.3=Z1, 2.5.4.11=07',
      'cn=z1,ou=07',
      'CN = Z1, OU = 07',
    ]) {
      expect(sameName(normaliseName(spelling), certificateOrder), spelling).to.equal(true);
    }
  });

  it('does not match a different name or a shuffled longer one', () => {
    expect(sameName(normaliseName('CN=Z2, OU=07'), certificateOrder)).to.equal(false);
    expect(sameName(normaliseName('OU=07'), certificateOrder)).to.equal(false);
    expect(sameName(normaliseName('C=GB, CN=Z1, OU=07'), normaliseName('CN=Z1, C=GB, OU=07'))).to.equal(
      false,
    );
  });

  it('refuses text that is not a distinguished name', () => {
    for (const text of ['', 'garbage', '=x']) {
      expect(() => normaliseName(text), text).to.throw(
        InvalidInputError,
        /^issuer: expected a distinguished name/,
      );
    }
  });
});
