import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from './errors.ts';
import {
  parseRemotePartyRole,
  parseUserRole,
  REMOTE_PARTY_ROLES,
  type RemotePartyRole,
  remotePartyRoleFromNumber,
  remotePartyRoleNumber,
  remotePartyRoleOu,
} from './roles.ts';

describe('parseUserRole', () => {
  for (const [text, role] of [
    ['IS', 'IS'],
    ['es', 'ES'],
    [' Gs ', 'GS'],
    ['ED', 'ED'],
    ['gt', 'GT'],
    ['OU', 'OU'],
  ] as const) {
    it(`parses ${JSON.stringify(text)} as ${role}`, () => {
      expect(parseUserRole(text)).to.equal(role);
    });
  }

  for (const bad of ['', 'XX', 'Import Supplier', 'I S', 'toString', 2, null, undefined]) {
    it(`refuses ${JSON.stringify(bad)} naming the field and the roles`, () => {
      expect(() => parseUserRole(bad)).to.throw(
        InvalidInputError,
        /^UserRole: expected one of IS, ES, GS, ED, GT, OU, got/,
      );
    });
  }

  it('uses the given field name', () => {
    expect(() => parseUserRole('NO', 'Party.role')).to.throw(
      InvalidInputError,
      /^Party\.role: expected one of/,
    );
  });
});

describe('remote party roles', () => {
  it('parses names', () => {
    for (const name of Object.keys(REMOTE_PARTY_ROLES) as RemotePartyRole[]) {
      expect(parseRemotePartyRole(name)).to.equal(name);
      expect(parseRemotePartyRole(` ${name} `)).to.equal(name);
    }
  });

  it('parses numbers', () => {
    expect(parseRemotePartyRole(0)).to.equal('root');
    expect(parseRemotePartyRole(2)).to.equal('supplier');
    expect(parseRemotePartyRole(3)).to.equal('networkOperator');
    expect(parseRemotePartyRole(4)).to.equal('accessControlBroker');
    expect(parseRemotePartyRole(127)).to.equal('other');
  });

  it('parses the two-hex-digit certificate OU in either case', () => {
    expect(parseRemotePartyRole('00')).to.equal('root');
    expect(parseRemotePartyRole('02')).to.equal('supplier');
    expect(parseRemotePartyRole('03')).to.equal('networkOperator');
    expect(parseRemotePartyRole('07')).to.equal('issuingAuthority');
    expect(parseRemotePartyRole('7F')).to.equal('other');
    expect(parseRemotePartyRole('7f')).to.equal('other');
  });

  it('formats the OU and number and round-trips every role', () => {
    expect(remotePartyRoleOu('supplier')).to.equal('02');
    expect(remotePartyRoleOu('other')).to.equal('7F');
    for (const role of Object.keys(REMOTE_PARTY_ROLES) as RemotePartyRole[]) {
      expect(parseRemotePartyRole(remotePartyRoleOu(role))).to.equal(role);
      expect(remotePartyRoleFromNumber(remotePartyRoleNumber(role))).to.equal(role);
    }
  });

  for (const bad of ['', 'Supplier', 'network operator', 'ZZ', '002', 'toString', null, true]) {
    it(`refuses ${JSON.stringify(bad)} naming the field, the names and the hex form`, () => {
      expect(() => parseRemotePartyRole(bad)).to.throw(
        InvalidInputError,
        /^RemotePartyRole: expected a remote party role name \(root, recovery, supplier, .*other\) or its two-hex-digit number, got/,
      );
    });
  }

  for (const bad of [8, 126, 128, -1, 2.5, '08', '80', '10']) {
    it(`refuses role number ${JSON.stringify(bad)} listing the valid numbers`, () => {
      expect(() => parseRemotePartyRole(bad, 'OU')).to.throw(
        InvalidInputError,
        /^OU: expected a GBCS remote party role number \(0, 1, 2, 3, 4, 5, 6, 7, 127\), got/,
      );
    });
  }
});
