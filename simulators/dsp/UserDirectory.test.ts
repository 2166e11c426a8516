import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DEFAULT_PARTIES } from '../estate/defaultParties.ts';
import { PartyDirectory } from '../estate/PartyDirectory.ts';
import { ACB, AURORA, NO_12 } from './testSupport.ts';
import { PartyUserDirectory } from './UserDirectory.ts';

describe('PartyUserDirectory', () => {
  const parties = new PartyDirectory(DEFAULT_PARTIES);

  it('holds the parties with User Roles, all active, and not the DCC\'s own roles', () => {
    const users = new PartyUserDirectory(parties);
    expect(users.get(AURORA)).to.deep.include({ name: 'Aurora Energy', roles: ['IS', 'GS'], status: 'active' });
    expect(users.get(NO_12)?.roles).to.deep.equal(['ED']);
    expect(users.get(ACB)).to.equal(undefined);
    expect(users.list()).to.have.length(parties.parties.filter((p) => p.userRoles.length > 0).length);
  });

  it('sets status and response URL, and refuses unknown Users and bad values', () => {
    const users = new PartyUserDirectory(parties, { responseUrls: [[AURORA, 'http://localhost:8080/responses']] });
    expect(users.get(AURORA)?.responseUrl).to.equal('http://localhost:8080/responses');
    expect(users.setStatus(AURORA, 'suspended').status).to.equal('suspended');
    expect(users.get(AURORA)?.status).to.equal('suspended');
    expect(() => users.setStatus(ACB, 'active')).to.throw(/User/);
    expect(() => users.setStatus(AURORA, 'asleep' as 'active')).to.throw(/active, suspended/);
    expect(() => users.setResponseUrl(AURORA, 'ftp://x')).to.throw(/http/);
  });
});
