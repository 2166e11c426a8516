import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import {
  acknowledgement,
  buildDuisResponse,
  dccAlert,
  deviceAlert,
  deviceResponse,
  type DuisResponseInput,
  errorResponse,
  inventoryResponse,
  preCommandResponse,
  securityCredentialsUpdatedAlert,
} from '../duis/index.ts';
import { C14N, DS_NS } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { stripElementContentWhitespace } from './elementContentWhitespace.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { plainCanonicalForm } from './plainCanonicalForm.ts';
import { signDuis } from './signDuis.ts';
import { generate, random } from './plainFormSamples.ts';
import { credential, DSP_XML, noKeystore, rtdsRequests } from './testFixtures.ts';
import { verifyDuis } from './verifyDuis.ts';

/** What signDuis digests, the DOM way: parse, drop signatures, strip whitespace between elements, C14N. */
function domForm(xml: string): { canonical: string; rootName: string } {
  const doc = parseXmlStrict(xml);
  const root = doc.documentElement;
  for (const old of Array.from(doc.getElementsByTagNameNS(DS_NS, 'Signature'))) old.parentNode?.removeChild(old);
  stripElementContentWhitespace(root);
  return { canonical: canonicalize(root, C14N), rootName: root.tagName };
}

/** Agrees with the DOM path wherever it answers; returns whether it answered. */
function agrees(xml: string): boolean {
  const plain = plainCanonicalForm(xml);
  if (plain === undefined) return false;
  let dom: { canonical: string; rootName: string };
  try {
    dom = domForm(xml);
  } catch (error) {
    throw new Error(`plainCanonicalForm read XML the DOM path refuses (${String(error)}): ${JSON.stringify(xml)}`, { cause: error });
  }
  expect(plain, JSON.stringify(xml)).to.deep.equal(dom);
  return true;
}

const USER = Eui.parse('90-B3-D5-1F-30-01-00-00');
const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
const AT = new Date('2026-01-01T10:00:00.123Z');
const REQUEST = RequestId.of(USER, ESME, 1200n);
const SRV = Srv.parse('6.15.1');
const GBCS = Buffer.from('df09010000000000000004b000', 'hex');

/** One response or alert of each kind the DSP writes. */
const RESPONSES: DuisResponseInput[] = [
  acknowledgement({ requestId: REQUEST, srv: SRV, responseDateTime: AT }),
  errorResponse({ requestId: REQUEST, srv: SRV, responseCode: 'E4', responseDateTime: AT }),
  errorResponse({ srv: { serviceReference: '11.2', serviceReferenceVariant: '11.2' }, responseCode: 'E12', responseDateTime: AT }),
  preCommandResponse({ requestId: REQUEST, srv: SRV, gbcsVersion: '4.0', gbcsPayload: GBCS, responseDateTime: AT }),
  deviceResponse({ requestId: REQUEST, srv: SRV, gbcsPayload: GBCS, responseDateTime: AT }),
  inventoryResponse({
    requestId: RequestId.of(USER, Eui.parse('90-B3-D5-1F-30-00-00-02'), 7n),
    responseDateTime: AT,
    devices: [
      {
        deviceId: ESME,
        deviceType: 'ESME',
        deviceStatus: 'Commissioned',
        deviceManufacturer: 'AB01',
        deviceModel: '010A030B',
        smetsChtsVersion: 'SMETS V1.58',
        propertyFilter: { postCode: 'SW1A 1AA', addressIdentifier: '10 <&> "Rose" Cottage' },
      },
    ],
  }),
  deviceAlert({ alertCode: '8F70', gbcsPayload: GBCS, responseId: RequestId.of(ESME, USER, 7n), responseDateTime: AT }),
  securityCredentialsUpdatedAlert({
    deviceId: ESME,
    remotePartyRole: 'NetworkOperator',
    certificates: [{ certificateType: 'DigitalSigning', certificateHash: Buffer.alloc(20, 1) }],
    responseDateTime: AT,
  }),
  dccAlert({
    dccAlertCode: 'N27',
    alert: { kind: 'CommandFailure', commandRequestId: REQUEST, deviceId: ESME },
    responseDateTime: AT,
  }),
];

describe('plainCanonicalForm', () => {
  it('reads every kind of response and alert the DSP writes, exactly as the DOM path', () => {
    for (const input of RESPONSES) {
      const xml = buildDuisResponse(input, { allowCodesOutsideSchema: true });
      expect(agrees(xml), xml).to.equal(true);
    }
  });

  it('agrees with the DOM path on generated documents wherever it answers', () => {
    const rand = random(20260101);
    let answered = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) if (agrees(generate(rand))) answered++;
    // Enough of them are in the plain form for the comparison to mean something.
    expect(answered).to.be.greaterThan(total / 10);
  });

  it('leaves to the DOM path what is outside the plain form', () => {
    const outside = [
      '<r/>',
      '<a:r xmlns:a="urn:a"><!-- c --></a:r>',
      '<a:r xmlns:a="urn:a"><a:x><![CDATA[x]]></a:x></a:r>',
      '<a:r xmlns:a="urn:a"><?pi x?></a:r>',
      '<!DOCTYPE a:r><a:r xmlns:a="urn:a"/>',
      '\ufeff<a:r xmlns:a="urn:a"/>',
      '<a:r xmlns:a="urn:a">x\ry</a:r>',
      '<a:r xmlns:a="urn:a">x\u2028y</a:r>',
      '<a:r xmlns="urn:d" xmlns:a="urn:a"/>',
      '<a:r xmlns:a="urn:a"><b:x xmlns:b="urn:b"/></a:r>',
      '<a:r xmlns:a="urn:a" a:b="1"/>',
      '<a:r xmlns:a="urn:a" b=\'1\'/>',
      '<a:r xmlns:a="urn:a" b="x\ty"/>',
      `<a:r xmlns:a="urn:a" xmlns:ds="${DS_NS}"/>`,
      '<a:r xmlns:a="urn:a">x<a:y/></a:r>',
      '<a:r xmlns:a="urn:a">&nbsp;</a:r>',
      '<a:r xmlns:a="urn:a" >x</a:r>',
      '<a:r xmlns:a="urn:a">x</a:r >',
      '<a:r xmlns:a="urn:a"/><a:r/>',
      '<a:r xmlns:a="urn:a"/>x',
    ];
    for (const xml of outside) expect(plainCanonicalForm(xml), xml).to.equal(undefined);
  });

  it('reads RTDS requests only where the DOM path reads them the same', () => {
    for (const { xml } of rtdsRequests()) agrees(xml);
  });

  it('makes signDuis write what it wrote through the DOM, for every response kind', { skip: noKeystore }, async () => {
    const dsp = credential(DSP_XML);
    const withoutSignatureValue = (xml: string) => xml.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '');
    for (const input of RESPONSES) {
      const xml = buildDuisResponse(input, { allowCodesOutsideSchema: true });
      // A comment takes the document out of the plain form without changing its canonical form.
      const viaDom = xml.replace('?>', '?><!-- through the DOM -->');
      expect(plainCanonicalForm(viaDom)).to.equal(undefined);
      const fast = signDuis(xml, dsp);
      expect(withoutSignatureValue(fast)).to.equal(withoutSignatureValue(signDuis(viaDom, dsp)));
      const verdict = await verifyDuis(fast, () => dsp.certificate, { elementContentWhitespace: 'significant' });
      expect(verdict.ok, JSON.stringify(verdict.reasons)).to.equal(true);
    }
  });
});
