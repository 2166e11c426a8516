import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { REFERENCE } from '../duis/testSupport.ts';
import { validateAgainstDuisSchema } from '../xmldsig/testFixtures.ts';
import { buildSmets1Response } from './buildSmets1Response.ts';
import { countersign } from './countersignature.ts';
import type { Smets1ResponseContent } from './mmcContent.ts';
import type { S1sp } from './S1sp.ts';
import { AURORA, device, mpan12, NO_A, NO_B, request, type S1spWorld, s1spWorld } from './testSupport.ts';

const DUIS_XSD = join(REFERENCE, 'duis-schema/duis-5.4.xsd');
const MMC_XSD = join(REFERENCE, 'duis-schema/mmc-5.4.xsd');
const noXmllint = spawnSync('xmllint', ['--version']).error !== undefined;
const skip: string | false = noXmllint
  ? 'xmllint is not installed (Debian package libxml2-utils)'
  : !existsSync(MMC_XSD) || !existsSync(DUIS_XSD)
    ? `schemas not found under ${join(REFERENCE, 'duis-schema')}`
    : false;

function validate(xml: string, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), 's1sp-'));
  try {
    const file = join(dir, 'response.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
    return run.status === 0 ? 'valid' : `${run.stderr}${run.stdout}`.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ESME = device(1);
let world: S1spWorld;
let s1sp: S1sp;
const responses = new Map<string, string>();

describe('SMETS1 responses in the MMC format', { skip }, () => {
  before(async () => {
    world = await s1spWorld();
    s1sp = world.newS1sp('S1SP-A');
    s1sp.enrol({ deviceId: ESME, deviceType: 'ESME', mpxn: mpan12(1) }, {
      ...(await world.supplierSlots(AURORA)),
      ...(await world.noSlots(NO_B)),
    });
    const noA = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(NO_A, 'KA') };
    const bad = { ds: await world.cert(NO_A, 'DS'), ka: await world.cert(AURORA, 'KA') };
    const deviceSrv = request(AURORA, ESME, '6.17', 4, { kind: 'IssueSecurityCredentials', credentialType: 'DS' });
    const cases = {
      'not owner (6.15.1)': world.update(NO_A, ESME, 'NetworkOperator', noA),
      'bad certificate (6.15.1)': world.update(NO_B, ESME, 'NetworkOperator', bad),
      'accepted (6.15.1)': world.update(NO_B, ESME, 'NetworkOperator', noA),
      'read (6.24.1)': world.read(NO_A, ESME, ['Supplier', 'NetworkOperator', 'Root']),
      'not applicable (6.17)': countersign(deviceSrv, world.dsp),
    };
    for (const [name, req] of Object.entries(cases)) {
      const outcome = await s1sp.handle(req);
      responses.set(name, outcome.response!.xml);
    }
  });

  for (const name of [
    'not owner (6.15.1)',
    'bad certificate (6.15.1)',
    'accepted (6.15.1)',
    'read (6.24.1)',
    'not applicable (6.17)',
  ]) {
    it(`${name}: the signed sr:SMETS1SignedResponse validates against the DUIS 5.4 schema (which imports MMC 5.4)`, () => {
      const xml = responses.get(name)!;
      expect(xml).to.match(/<sr:SMETS1SignedResponse [^>]*schemaVersion="5.4"/);
      // libxml2 cannot check a 39-digit X509SerialNumber; the helper re-checks with a short one.
      const result = validateAgainstDuisSchema(xml);
      expect(result.ok, result.output).to.equal(true);
    });
  }

  it('an accepted 6.15.1 reports each slot: success, old and new owner, SHA-1 hashes', () => {
    const xml = responses.get('accepted (6.15.1)')!;
    expect(xml).to.contain(`<ra:BusinessOriginatorID>${ESME}</ra:BusinessOriginatorID>`);
    expect(xml).to.contain(`<ra:BusinessTargetID>${NO_B}</ra:BusinessTargetID>`);
    expect(xml.match(/<ra:ASN1Status>success<\/ra:ASN1Status>/g)).to.have.length(2);
    expect(xml).to.contain(`<ra:ExistingRemotePartyID>${NO_B}</ra:ExistingRemotePartyID>`);
    expect(xml).to.contain(`<ra:NewRemotePartyID>${NO_A}</ra:NewRemotePartyID>`);
    expect(xml).to.contain('<ra:NewCertificateHash>');
  });

  it('the same content under ra:GBCSResponse (no signature) validates against mmc-5.4.xsd alone', () => {
    const content: Smets1ResponseContent = {
      deviceId: ESME,
      userId: NO_A,
      counter: 1n,
      serviceReferenceVariant: '6.15.1',
      timestamp: new Date('2026-01-01T00:00:00Z'),
      smetsData: { kind: 'UpdateSecurityCredentialsKRPRsp', messageSuccess: false },
      debug: { responseCode: 9, error: 'x'.repeat(300) },
    };
    const xml = buildSmets1Response(content, { envelope: 'GBCSResponse' });
    expect(validate(xml, MMC_XSD)).to.equal('valid');
    const signedEnvelopeUnsigned = buildSmets1Response(content);
    expect(validate(signedEnvelopeUnsigned, DUIS_XSD)).to.contain(
      'Missing child element(s). Expected is ( {http://www.w3.org/2000/09/xmldsig#}Signature )',
    );
  });

  it('refuses a header value the schema would refuse (ServiceReferenceVariant)', () => {
    expect(() =>
      buildSmets1Response({
        deviceId: Eui.parse('00-DB-12-34-56-78-90-A0'),
        userId: NO_A,
        counter: 1n,
        serviceReferenceVariant: 'x',
        timestamp: new Date(),
      }),
    ).to.throw(/ra:ServiceReferenceVariant/);
  });
});
