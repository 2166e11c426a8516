import { beforeEach, describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { issuerSerialResolver } from '../xmldsig/issuerSerialResolver.ts';
import { verifyDuis } from '../xmldsig/verifyDuis.ts';
import { parseDuisRequest } from '../duis/index.ts';
import { countersign, countersignForS1sp } from './countersignature.ts';
import type { S1sp } from './S1sp.ts';
import type { S1spOutcome } from './S1spOutcome.ts';
import {
  AURORA,
  BOREALIS,
  CADENT,
  device,
  mpan12,
  mprn,
  NO_A,
  NO_B,
  request,
  type S1spWorld,
  s1spSigningKey,
  s1spWorld,
  SGN,
} from './testSupport.ts';

const ESME = device(1);
const GSME = device(2);

let world: S1spWorld;
let s1sp: S1sp;

function owners(s: S1sp, deviceId = ESME): Record<string, string> {
  return Object.fromEntries(Object.entries(s.slots(deviceId)).map(([slot, held]) => [slot, held.owner.toString()]));
}

function slotEntries(): number {
  return world.journal.entries({ where: (e) => e.kind === 'slot-replacement' }).length;
}

async function signedByS1sp(outcome: S1spOutcome): Promise<boolean> {
  const key = s1spSigningKey(world.estate, 'S1SP-A');
  const verdict = await verifyDuis(outcome.response!.xml, issuerSerialResolver([key.certificate]));
  return verdict.ok;
}

beforeEach(async () => {
  world ??= await s1spWorld();
  s1sp = world.newS1sp('S1SP-A');
  // The baseline SMETS1 story: the meter point is NO-A's (MPAN starts 12), NO-B's certificates sit in the NO slots.
  s1sp.enrol(
    { deviceId: ESME, deviceType: 'ESME', mpxn: mpan12(1) },
    { ...(await world.supplierSlots(AURORA)), ...(await world.noSlots(NO_B)) },
  );
  s1sp.enrol(
    { deviceId: GSME, deviceType: 'GSME', mpxn: mprn(2) },
    { ...(await world.supplierSlots(AURORA)), ...(await world.noSlots(SGN)) },
  );
});

describe('S1SP: the baseline SMETS1 story (NO-B certificate on a meter registered to NO-A)', () => {
  it("refuses NO-A's 6.15.1: NO-A does not own the certificate in the network operator DS slot", async () => {
    const before = owners(s1sp);
    const entries = slotEntries();
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const outcome = await s1sp.handle(world.update(NO_A, ESME, 'NetworkOperator', certs, 'ED'));
    expect(outcome.ok).to.equal(false);
    expect(outcome.ok || outcome.code).to.equal('not-certificate-owner');
    expect(outcome.reasons[0]!.message).to.equal(
      `${NO_A} (UK Power Networks (London)) does not own the certificate in the network operator DS slot of ${ESME}; ` +
        `it belongs to ${NO_B} (SP Energy Networks (Merseyside & N Wales))`,
    );
    expect(owners(s1sp)).to.deep.equal(before);
    expect(slotEntries()).to.equal(entries);
    expect(outcome.response?.messageSuccess).to.equal(false);
    expect(outcome.response?.xml).to.contain('MessageSuccess="false"').and.contain('ResponseCode="9"');
    expect(await signedByS1sp(outcome)).to.equal(true);
  });

  it("accepts NO-B's 6.15.1 placing NO-A's certificates: the block is the DSP's RDP check (E4), not the S1SP", async () => {
    const entries = slotEntries();
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const outcome = await s1sp.handle(world.update(NO_B, ESME, 'NetworkOperator', certs, 'ED'));
    expect(outcome.ok, outcome.reasons.map((r) => r.message).join()).to.equal(true);
    expect(outcome.responseCode).to.equal('I0');
    expect(owners(s1sp)).to.deep.include({ networkOperatorDS: NO_A.toString(), networkOperatorKA: NO_A.toString() });
    expect(owners(s1sp)).to.deep.include({ supplierDS: AURORA.toString(), supplierKA: AURORA.toString() });
    expect(outcome.changes.map((c) => [c.slot, c.before?.owner.toString(), c.after.owner.toString()])).to.deep.equal([
      ['networkOperatorDS', NO_B.toString(), NO_A.toString()],
      ['networkOperatorKA', NO_B.toString(), NO_A.toString()],
    ]);
    expect(slotEntries()).to.equal(entries + 2);
    expect(outcome.response?.xml).to.contain('NetworkOperatorByNetworkOperator').and.contain('MessageSuccess="true"');
    expect(await signedByS1sp(outcome)).to.equal(true);
    // Now NO-A owns the slots, so NO-A's own later 6.15.1 passes the S1SP too.
    const again = await s1sp.handle(world.update(NO_A, ESME, 'NetworkOperator', certs));
    expect(again.ok).to.equal(true);
  });
});

describe('S1SP: supplier slots', () => {
  it('accepts a replacement by the supplier that owns the supplier DS slot', async () => {
    const certs = { ds: await world.cert(BOREALIS, 'DS'), ka: await world.cert(BOREALIS, 'KA') };
    const outcome = await s1sp.handle(world.update(AURORA, ESME, 'Supplier', certs, 'IS'));
    expect(outcome.ok).to.equal(true);
    expect(owners(s1sp)).to.deep.include({ supplierDS: BOREALIS.toString(), supplierKA: BOREALIS.toString() });
    expect(outcome.response?.xml).to.contain('SupplierBySupplier');
  });

  it('refuses a supplier that does not own the supplier DS slot, and changes nothing', async () => {
    const before = owners(s1sp);
    const certs = { ds: await world.cert(BOREALIS, 'DS') };
    const outcome = await s1sp.handle(world.update(BOREALIS, ESME, 'Supplier', certs, 'IS'));
    expect(outcome.ok || outcome.code).to.equal('not-certificate-owner');
    expect(outcome.reasons[0]!.message).to.contain('does not own the certificate in the supplier DS slot');
    expect(owners(s1sp)).to.deep.equal(before);
  });
});

describe('S1SP: replacement certificates are checked first, all or nothing', () => {
  it('refuses the whole request when one certificate has the wrong role, and changes nothing', async () => {
    const before = owners(s1sp);
    const entries = slotEntries();
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(AURORA, 'KA') };
    const outcome = await s1sp.handle(world.update(NO_B, ESME, 'NetworkOperator', certs));
    expect(outcome.ok || outcome.code).to.equal('bad-certificate');
    expect(outcome.reasons.map((r) => r.code)).to.deep.equal(['wrong-role']);
    expect(outcome.reasons[0]!.message).to.match(/^certificate for the network operator KA slot: the subject OU is "02"/);
    expect(owners(s1sp)).to.deep.equal(before);
    expect(slotEntries()).to.equal(entries);
    expect(outcome.response?.xml).to.contain('badCertificate');
  });

  it('refuses a DS certificate offered for a KA slot (key usage)', async () => {
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'DS') };
    const outcome = await s1sp.handle(world.update(NO_B, ESME, 'NetworkOperator', certs));
    expect(outcome.ok || outcome.code).to.equal('bad-certificate');
    expect(outcome.reasons.map((r) => r.code)).to.deep.equal(['wrong-key-usage']);
    expect(owners(s1sp)).to.deep.include({ networkOperatorDS: NO_B.toString() });
  });

  it('refuses a cell SMETS1 has no slot for (supplier top-up KA)', async () => {
    const outcome = await s1sp.handle(
      countersign(
        request(AURORA, ESME, '6.15.1', 4, {
          kind: 'UpdateSecurityCredentialsKRP',
          remotePartyRole: 'Supplier',
          replacements: [{ certificate: await world.cert(AURORA, 'KA'), targetCell: { role: 'Supplier', keyUsage: 'KA', cellUsage: 'prePaymentTopUp' } }],
          certificationPathCertificates: [world.estate.smki.organisationCa.der],
          applyTimeBasedCpvChecks: false,
        }),
        world.dsp,
      ),
    );
    expect(outcome.ok || outcome.code).to.equal('no-such-slot');
  });
});

describe("S1SP: only the DSP's countersignature opens the door", () => {
  it('refuses a request signed by the User instead of the DSP, with no response and no change', async () => {
    const before = owners(s1sp);
    const userKey = await world.estate.keyStore.lookup(NO_B, 'XML');
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const dspSigned = world.update(NO_B, ESME, 'NetworkOperator', certs);
    const outcome = await s1sp.handle(countersign(dspSigned.xml, userKey));
    expect(outcome.ok || outcome.code).to.equal('not-countersigned');
    expect(outcome.reasons.map((r) => r.code)).to.deep.equal(['unknown-signer']);
    expect(outcome.response).to.equal(undefined);
    expect(owners(s1sp)).to.deep.equal(before);
  });

  it('accepts what the DSP forwards with countersignForS1sp (the CV 4 form of a CV 5 request)', async () => {
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const cv4 = parseDuisRequest(world.update(NO_B, ESME, 'NetworkOperator', certs).xml);
    const forwarded = countersignForS1sp({ ...cv4.header, body: cv4.body }, world.dsp, 'ED');
    const outcome = await s1sp.handle(forwarded);
    expect(outcome.ok).to.equal(true);
    expect(outcome.userRole).to.equal('ED');
  });

  it('refuses an unsigned request and one changed after the DSP signed it', async () => {
    const certs = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const signed = world.update(NO_A, ESME, 'NetworkOperator', certs).xml;
    const unsigned = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    const tampered = signed.replace(`${NO_A}:`, `${NO_B}:`);
    expect((await s1sp.handle({ xml: unsigned })).reasons.map((r) => r.code)).to.deep.equal(['unsigned']);
    const outcome = await s1sp.handle({ xml: tampered });
    expect(outcome.ok || outcome.code).to.equal('not-countersigned');
    expect(outcome.reasons.map((r) => r.code)).to.include('digest-mismatch');
    expect(owners(s1sp)).to.deep.include({ networkOperatorDS: NO_B.toString() });
  });
});

describe('S1SP: other SRVs', () => {
  it('6.24.1 returns the slots, for MMC and as values', async () => {
    const outcome = await s1sp.handle(world.read(NO_A, ESME, ['NetworkOperator', 'ACB']));
    expect(outcome.ok && outcome.kind).to.equal('credentials-read');
    expect(outcome.ok && outcome.slots.networkOperatorDS?.owner.toString()).to.equal(NO_B.toString());
    expect(outcome.response?.xml).to.contain('RetrieveDeviceSecurityCredentialsKRPRsp').and.contain('trustAnchorNotFound');
  });

  it('6.15.2 is not applicable to SMETS1 (E11)', async () => {
    const req = request(AURORA, ESME, '6.15.2', 4, { kind: 'UpdateSecurityCredentialsDevice', deviceCertificate: await world.cert(AURORA, 'DS') });
    const outcome = await s1sp.handle(countersign(req, world.dsp));
    expect(outcome.ok || outcome.code).to.equal('not-applicable-to-smets1');
    expect(outcome.responseCode).to.equal('E11');
    expect(outcome.reasons[0]!.message).to.contain('not applicable to SMETS1');
  });

  it('a device not enrolled here is unknown (E19)', async () => {
    const outcome = await s1sp.handle(world.read(NO_A, device(99), ['Supplier']));
    expect(outcome.ok || outcome.code).to.equal('unknown-device');
    expect(outcome.responseCode).to.equal('E19');
  });
});

describe('S1SP: gas meters hold the gas transporter in the NO slots', () => {
  it('refuses the registered GT while another GT owns the slots, accepts the owning GT', async () => {
    const cadent = { ds: await world.cert(CADENT, 'DS'), ka: await world.cert(CADENT, 'KA') };
    const refused = await s1sp.handle(world.update(CADENT, GSME, 'NetworkOperator', cadent, 'GT'));
    expect(refused.ok || refused.code).to.equal('not-certificate-owner');
    const accepted = await s1sp.handle(world.update(SGN, GSME, 'NetworkOperator', cadent, 'GT'));
    expect(accepted.ok).to.equal(true);
    expect(owners(s1sp, GSME)).to.deep.include({ networkOperatorDS: CADENT.toString() });
  });
});

describe('S1SP: enrolment', () => {
  it('refuses a certificate of the wrong role for a slot, and an MPRN for an ESME', async () => {
    expect(() => s1sp.enrol({ deviceId: device(3), deviceType: 'ESME', mpxn: mpan12(3) }, { networkOperatorDS: world.pool.intern(s1sp.slots(ESME).supplierDS!) }))
      .to.throw(InvalidInputError, /networkOperatorDS: expected a networkOperator DS certificate/);
    expect(() => s1sp.enrol({ deviceId: device(4), deviceType: 'ESME', mpxn: mprn(4) })).to.throw(InvalidInputError, /an MPAN/);
  });

  it('shares certificate objects between devices', async () => {
    expect(s1sp.slots(ESME).supplierDS).to.equal(s1sp.slots(GSME).supplierDS);
  });
});
