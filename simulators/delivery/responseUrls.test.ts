import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { resolveResponseUrl, responseUrlsFrom } from './responseUrls.ts';

const user = Eui.parse('90-B3-D5-1F-30-01-00-0A');

describe('response URL lookup', () => {
  it('finds a User whatever EUI notation the table uses', () => {
    const lookup = responseUrlsFrom(new Map([['90b3d51f3001000a', 'https://a.example/r']]));
    expect(resolveResponseUrl(lookup, user)).to.deep.equal({ ok: true, url: 'https://a.example/r' });
    expect(() => responseUrlsFrom({ 'not-an-eui': 'https://a.example/r' })).to.throw(InvalidInputError);
  });

  it('says why a User cannot be reached', () => {
    const reason = (found: string | undefined) => {
      const resolution = resolveResponseUrl(() => found, user);
      return resolution.ok ? resolution.url : resolution.reason;
    };
    expect(reason(undefined)).to.equal('no response URL registered for User 90-B3-D5-1F-30-01-00-0A');
    expect(reason('')).to.match(/^no response URL registered/);
    expect(reason('not a url')).to.match(/is not a URL: "not a url"/);
    expect(reason('ftp://a.example/r')).to.match(/is not http\(s\): ftp:/);
    const broken = resolveResponseUrl(() => {
      throw new Error('registration data unavailable');
    }, user);
    expect(broken).to.deep.equal({
      ok: false,
      reason: 'response URL lookup failed for User 90-B3-D5-1F-30-01-00-0A: registration data unavailable',
    });
  });
});
