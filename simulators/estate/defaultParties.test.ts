import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { DEFAULT_PARTIES } from './defaultParties.ts';
import { PartyDirectory } from './PartyDirectory.ts';

const directory = new PartyDirectory(DEFAULT_PARTIES);

describe('the default estate parties', () => {
  it('has at least three import suppliers, one of them small', () => {
    const suppliers = directory.withUserRole('IS');
    expect(suppliers.length).to.be.at.least(3);
    expect(suppliers.some((p) => p.small)).to.equal(true);
  });

  it('has a network operator for every DNO distributor ID 10-23 and at least two IDNOs', () => {
    for (let id = 10; id <= 23; id++) {
      const no = directory.networkOperatorFor(id);
      expect(no?.userRoles, `distributor ${id}`).to.deep.equal(['ED']);
      expect(no?.eui.toString()).to.equal(`90-B3-D5-1F-40-02-${id}-00`);
    }
    const idnos = directory.ofKind('networkOperator').filter((p) => (p.distributorId ?? 0) >= 24);
    expect(idnos.length).to.be.at.least(2);
  });

  it('has a gas supplier and at least four gas transporters holding the networkOperator role', () => {
    expect(directory.withUserRole('GS').length).to.be.at.least(1);
    const gts = directory.withUserRole('GT');
    expect(gts.length).to.be.at.least(4);
    for (const gt of gts) expect(gt.remotePartyRole).to.equal('networkOperator');
  });

  it('has the DCC roles, with the DSP XML signer under the ACB', () => {
    for (const role of ['recovery', 'accessControlBroker', 'transitionalCoS', 'wanProvider'] as const) {
      expect(
        DEFAULT_PARTIES.filter((p) => p.remotePartyRole === role && p.userRoles.length === 0),
      ).to.have.length(1);
    }
    expect(directory.dspSigner().remotePartyRole).to.equal('accessControlBroker');
  });

  it('gives suppliers a prepayment top-up KA credential and every User an XML-signing one', () => {
    for (const p of directory.withUserRole('IS')) {
      expect(p.credentials.some((c) => c.usage === 'KA' && c.cellUsage === 'prePaymentTopUp')).to.equal(true);
    }
    for (const p of DEFAULT_PARTIES.filter((x) => x.userRoles.length > 0)) {
      expect(
        p.credentials.some((c) => c.usage === 'XML'),
        p.name,
      ).to.equal(true);
    }
  });
});

describe('PartyDirectory', () => {
  it('finds parties by EUI and by name in any case', () => {
    const aurora = directory.byName('aurora energy');
    expect(directory.byEui(Eui.parse('90B3D51F40010100'))).to.equal(aurora);
  });

  it('names the known parties when a name is unknown', () => {
    expect(() => directory.byName('Nobody Energy')).to.throw(
      InvalidInputError,
      /party: expected one of the estate's parties \(DCC Recovery, /,
    );
  });

  it('refuses duplicate EUIs and two network operators for one distributor', () => {
    const [first] = DEFAULT_PARTIES;
    expect(() => new PartyDirectory([first!, { ...first!, name: 'Copy' }])).to.throw(
      InvalidInputError,
      /unique EUIs/,
    );
    const no = directory.networkOperatorFor(12)!;
    const twin = { ...no, eui: Eui.parse('90B3D51F40029900'), name: 'Twin' };
    expect(() => new PartyDirectory([no, twin])).to.throw(
      InvalidInputError,
      /one network operator per distributor ID/,
    );
  });
});
