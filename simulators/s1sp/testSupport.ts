/**
 * Test helpers for the S1SP (not used at run time): an estate with S1SP signing keys, parties by
 * their role in the SMETS1 story, devices and 6.15.1 / 6.24.1 requests countersigned by the DSP.
 */
import { X509Certificate } from 'node:crypto';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { Journal } from '../core/Journal.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { RequestId } from '../core/RequestId.ts';
import type { UserRole } from '../core/roles.ts';
import type { DuisRemotePartyRole, ServiceRequestInput } from '../duis/index.ts';
import { replacementsFor } from '../duis/index.ts';
import { buildEstate, type Estate } from '../estate/Estate.ts';
import type { Credential } from '../keystore/index.ts';
import type { DuisSigningCredential } from '../xmldsig/signDuis.ts';
import { CertificatePool } from './CertificatePool.ts';
import { countersign, type CountersignedRequest } from './countersignature.ts';
import { S1sp } from './S1sp.ts';

/** Network operators of the story: NO-A is registered (distributor 12), NO-B's certificate is wrongly in the slots. */
export const NO_A = Eui.parse('90-B3-D5-1F-40-02-12-00'); // UKPN London
export const NO_B = Eui.parse('90-B3-D5-1F-40-02-13-00'); // SPEN Merseyside & N Wales
export const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00'); // supplier (IS, GS)
export const BOREALIS = Eui.parse('90-B3-D5-1F-40-01-02-00'); // supplier (IS)
export const CADENT = Eui.parse('90-B3-D5-1F-40-04-01-00'); // gas transporter
export const SGN = Eui.parse('90-B3-D5-1F-40-04-03-00'); // gas transporter

/** S1SP identities **[assumed]**: the estate has no S1SP parties yet, so the tests issue their keys. */
export const S1SP_EUIS: Readonly<Record<string, Eui>> = {
  'S1SP-A': Eui.parse('90-B3-D5-1F-40-00-00-A1'),
  'S1SP-B': Eui.parse('90-B3-D5-1F-40-00-00-A2'),
  'S1SP-C': Eui.parse('90-B3-D5-1F-40-00-00-A3'),
};

/** An MPAN for distributor 12 (NO-A by the distributor rule) numbered `n`. */
export function mpan12(n: number): Mpan {
  return Mpan.withCheckDigit(`12${String(n).padStart(10, '0')}`);
}

export function mprn(n: number): Mprn {
  return Mprn.parse(`74${String(n).padStart(8, '0')}`);
}

export function device(n: number): Eui {
  const hex = n.toString(16).toUpperCase().padStart(4, '0');
  return Eui.parse(`00DB12345678${hex}`);
}

export interface S1spWorld {
  readonly estate: Estate;
  readonly clock: SimulatedClock;
  readonly journal: Journal;
  readonly pool: CertificatePool;
  readonly dsp: Credential;
  newS1sp(id: string): S1sp;
  /** A party's DS or KA certificate as DER. */
  cert(party: Eui, usage: 'DS' | 'KA'): Promise<Buffer>;
  /** A party's NO-slot certificates, ready for `enrol`. */
  noSlots(party: Eui): Promise<{ networkOperatorDS: Buffer; networkOperatorKA: Buffer }>;
  supplierSlots(party: Eui): Promise<{ supplierDS: Buffer; supplierKA: Buffer }>;
  /** 6.15.1 from `sender` placing `certs` in `role`'s slots of `deviceId`, countersigned by the DSP. */
  update(
    sender: Eui,
    deviceId: Eui,
    role: DuisRemotePartyRole,
    certs: { ds?: Buffer; ka?: Buffer },
    userRole?: UserRole,
  ): CountersignedRequest;
  read(sender: Eui, deviceId: Eui, roles: DuisRemotePartyRole[]): CountersignedRequest;
}

let counter = 1000;

export async function s1spWorld(): Promise<S1spWorld> {
  const clock = new SimulatedClock();
  const estate = await buildEstate({ clock });
  const journal = new Journal();
  const pool = new CertificatePool();
  const dsp = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
  const cert = async (party: Eui, usage: 'DS' | 'KA') =>
    Buffer.from((await estate.keyStore.lookup(party, usage)).certificate.raw);
  return {
    estate,
    clock,
    journal,
    pool,
    dsp,
    newS1sp: (id) =>
      new S1sp({
        id,
        clock,
        journal,
        pool,
        signingKey: s1spSigningKey(estate, id),
        dspCertificate: dsp.certificate,
        organisationCa: estate.smki.organisationCa,
        describeParty: (eui) => {
          const party = estate.parties.byEui(eui);
          return party === undefined ? eui.toString() : `${eui} (${party.name})`;
        },
      }),
    cert,
    noSlots: async (party) => ({
      networkOperatorDS: await cert(party, 'DS'),
      networkOperatorKA: await cert(party, 'KA'),
    }),
    supplierSlots: async (party) => ({ supplierDS: await cert(party, 'DS'), supplierKA: await cert(party, 'KA') }),
    update: (sender, deviceId, role, certs, userRole) =>
      countersign(
        request(sender, deviceId, '6.15.1', 4, {
          kind: 'UpdateSecurityCredentialsKRP',
          remotePartyRole: role,
          replacements: replacementsFor(role, { digitalSigning: certs.ds, keyAgreement: certs.ka }),
          certificationPathCertificates: [estate.smki.organisationCa.der],
          applyTimeBasedCpvChecks: false,
        }),
        dsp,
        userRole,
      ),
    read: (sender, deviceId, roles) =>
      countersign(
        request(sender, deviceId, '6.24.1', 1, { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: roles }),
        dsp,
      ),
  };
}

export function request(
  sender: Eui,
  deviceId: Eui,
  srv: string,
  cv: number,
  body: ServiceRequestInput['body'],
): ServiceRequestInput {
  return { header: { requestId: RequestId.of(sender, deviceId, counter++), commandVariant: cv, srv }, body };
}

/** The S1SP's XML-signing credential, issued by the estate's SMKI as a DSP-side signer (OU 89). */
export function s1spSigningKey(estate: Estate, id: string): DuisSigningCredential {
  const eui = S1SP_EUIS[id] ?? Eui.parse('90-B3-D5-1F-40-00-00-AF');
  const name = `XMLSIGN-${id}`;
  const issued = estate.smki.issueXmlSigningCertificate({ eui, role: 'other', signer: 'dsp', name });
  return { privateKey: issued.privateKey, certificate: new X509Certificate(issued.der) };
}
