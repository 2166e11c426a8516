import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { buildDuisRequest } from './buildDuisRequest.ts';
import { parseDuisRequest } from './parseDuisRequest.ts';
import type { RequestBody } from './requestBodies.ts';
import type { ServiceRequestInput } from './ServiceRequest.ts';
import {
  appendDummySignature,
  noRtds,
  noSchemaValidation,
  rtdsRequests,
  validateDuis,
} from './testSupport.ts';
import { replacementsFor } from './trustAnchorCells.ts';

const USER = Eui.parse('90-B3-D5-1F-30-01-00-00');
const DCC = Eui.parse('90-B3-D5-1F-30-00-00-02');
const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
const CERT_A = Buffer.from('3003020101', 'hex');
const CERT_B = Buffer.from('3003020102', 'hex');
const CERT_C = Buffer.from('3003020103', 'hex');

function request(srv: string, cv: number, body: RequestBody, target = ESME): ServiceRequestInput {
  return { header: { requestId: RequestId.of(USER, target, 42n), commandVariant: cv, srv }, body };
}

/** Requests for every body kind, including the SRVs the RTDS set has no file for. */
const BUILT: Record<string, ServiceRequestInput> = {
  '6.21 handover (NO cells)': request('6.21', 1, {
    kind: 'RequestHandoverOfDCCControlledDevice',
    remotePartyRole: 'NetworkOperator',
    remotePartyFloorSeqNumber: 0n,
    replacements: replacementsFor('NetworkOperator', { digitalSigning: CERT_A, keyAgreement: CERT_B }),
    certificationPathCertificates: [CERT_C],
    applyTimeBasedCpvChecks: true,
  }),
  '6.23 CoS, future-dated': request('6.23', 1, {
    kind: 'UpdateSecurityCredentialsCoS',
    executionDateTime: new Date('2030-01-02T00:00:00Z'),
    supplierFloorSeqNumber: 9_223_372_036_854_775_807n,
    supplierPrepaymentTopUpFloorSeqNumber: 5n,
    replacements: replacementsFor('Supplier', {
      digitalSigning: CERT_A,
      keyAgreement: CERT_B,
      keyAgreementTopUp: CERT_C,
    }),
    certificationPathCertificates: [CERT_C, CERT_B, CERT_A],
    applyTimeBasedCpvChecks: false,
    importMpxn: '1312345678333',
  }),
  '6.15.1 cancellation (ExecutionDateTime 3000-12-31)': request('6.15.1', 4, {
    kind: 'UpdateSecurityCredentialsKRP',
    executionDateTime: new Date('3000-12-31T00:00:00Z'),
    remotePartyRole: 'Supplier',
    replacements: [],
    certificationPathCertificates: [CERT_C],
    applyTimeBasedCpvChecks: true,
  }),
  '6.15.1 CV 5 SignedPreCommand': request('6.15.1', 5, {
    kind: 'SignedPreCommand',
    gbcsPayload: Buffer.from('df0901000000000000002a', 'hex'),
  }),
  '12.2 pre-notification': request(
    '12.2',
    8,
    {
      kind: 'DevicePrenotification',
      deviceId: ESME,
      deviceManufacturer: 'AB01',
      deviceModel: '010A030B',
      deviceType: 'ESME',
      smetsChtsVersion: 'SMETS V1.58',
      firmwareVersion: '0002012F',
      esmeVariant: 'AD',
      associatedGpfDeviceId: Eui.parse('00-DB-12-34-56-78-90-A3'),
    },
    DCC,
  ),
  '8.2 by MPxN': request(
    '8.2',
    8,
    { kind: 'ReadInventory', selector: { by: 'MPxN', mpxn: '1312345678333' } },
    DCC,
  ),
  '8.2 by UPRN': request(
    '8.2',
    8,
    { kind: 'ReadInventory', selector: { by: 'UPRN', uprn: '100023336956' } },
    DCC,
  ),
  '8.2 by property': request(
    '8.2',
    8,
    {
      kind: 'ReadInventory',
      selector: { by: 'PropertyFilter', propertyFilter: { postCode: 'SW1A 1AA', addressIdentifier: '10' } },
    },
    DCC,
  ),
  '8.4 status': request(
    '8.4',
    8,
    {
      kind: 'UpdateInventory',
      deviceId: ESME,
      update: { kind: 'UpdateDeviceStatusCH', status: 'Withdrawn' },
    },
    DCC,
  ),
  '8.4 details': request(
    '8.4',
    8,
    {
      kind: 'UpdateInventory',
      deviceId: ESME,
      update: { kind: 'UpdateDeviceDetails', details: { firmwareVersion: '00020130', esmeVariant: 'A' } },
    },
    DCC,
  ),
  '8.4 MPxN': request(
    '8.4',
    8,
    {
      kind: 'UpdateInventory',
      deviceId: ESME,
      update: { kind: 'UpdateMPxN', field: 'ExportMPAN', value: '1012345678901' },
    },
    DCC,
  ),
};

const rtds = rtdsRequests();

describe('buildDuisRequest', () => {
  describe('round trip of every RTDS request (parse → build → parse gives an equal value)', {
    skip: noRtds,
  }, () => {
    for (const [file, xml] of rtds) {
      it(file, () => {
        const first = parseDuisRequest(xml);
        const built = buildDuisRequest(first);
        expect(parseDuisRequest(built)).to.deep.equal(first);
      });
    }
  });

  describe('round trip of requests built here', () => {
    for (const [name, input] of Object.entries(BUILT)) {
      it(name, () => {
        const parsed = parseDuisRequest(buildDuisRequest(input));
        expect(parsed.body.kind).to.equal(input.body.kind);
        expect(parseDuisRequest(buildDuisRequest(parsed))).to.deep.equal(parsed);
        const { authorisingCell: _ignored, ...withoutDerived } = parsed.body as { authorisingCell?: unknown };
        expect(withoutDerived).to.deep.equal(input.body);
      });
    }
  });

  describe('output validates against duis-5.4.xsd', { skip: noSchemaValidation || noRtds }, () => {
    const all = [
      ...[...rtds].map(([f, xml]) => [`RTDS ${f}`, buildDuisRequest(parseDuisRequest(xml))] as const),
      ...Object.entries(BUILT).map(([name, input]) => [name, buildDuisRequest(input)] as const),
    ];
    for (const [name, xml] of all) {
      it(name, () => {
        const { valid, output } = validateDuis(xml);
        expect(valid, output).to.equal(true);
      });
    }
  });

  it('hands the finished XML to the signer hook, whose ds:Signature goes last in the root', {
    skip: noSchemaValidation,
  }, () => {
    const xml = buildDuisRequest(BUILT['8.2 by MPxN']!, { sign: appendDummySignature });
    expect(xml.trimEnd()).to.match(/<\/ds:Signature>\n<\/sr:Request>$/);
    expect(validateDuis(xml).valid).to.equal(true);
    expect(parseDuisRequest(xml).signatureElement?.localName).to.equal('Signature');
  });

  it('writes schemaVersion 5.4 by default and the DUIS namespace on the root', () => {
    expect(buildDuisRequest(BUILT['8.2 by MPxN']!)).to.include(
      '<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.4">',
    );
  });

  it('builds a deliberately incoherent request (wrong ServiceReference) for negative tests', () => {
    const input = BUILT['8.2 by MPxN']!;
    const xml = buildDuisRequest({ ...input, header: { ...input.header, serviceReference: '8.3' } });
    expect(xml).to.include('<sr:ServiceReference>8.3</sr:ServiceReference>');
    expect(() => parseDuisRequest(xml)).to.throw(InvalidInputError, /sr:ServiceReference: expected 8\.2/);
  });

  const refusals: [string, ServiceRequestInput, RegExp][] = [
    [
      'a tolerance period over 86400',
      request('8.1.1', 4, {
        kind: 'CommissionDeviceSynchroniseClock',
        currentDateTime: new Date(0),
        tolerancePeriod: 86401,
      }),
      /^sr:Request\/sr:Body\/sr:CommissionDeviceSynchroniseClock\/sr:TolerancePeriod: expected an integer from 0 to 86400/,
    ],
    [
      'four certification path certificates',
      request('6.15.1', 4, {
        kind: 'UpdateSecurityCredentialsKRP',
        remotePartyRole: 'Supplier',
        replacements: [],
        certificationPathCertificates: [CERT_A, CERT_B, CERT_C, CERT_A],
        applyTimeBasedCpvChecks: true,
      }),
      /sr:CertificationPathCertificates\/sr:Certificate: expected 1 to 3/,
    ],
    [
      'a handover without a DS certificate',
      request('6.21', 1, {
        kind: 'RequestHandoverOfDCCControlledDevice',
        remotePartyRole: 'Supplier',
        replacements: replacementsFor('Supplier', { keyAgreement: CERT_B }),
        certificationPathCertificates: [CERT_C],
        applyTimeBasedCpvChecks: true,
      }),
      /sr:ReplacementCertificates\/sr:DigitalSigningCertificate: expected a replacement for the DS cell/,
    ],
    [
      'a replacement aimed at another role’s cell',
      request('6.15.1', 4, {
        kind: 'UpdateSecurityCredentialsKRP',
        remotePartyRole: 'NetworkOperator',
        replacements: replacementsFor('Supplier', { digitalSigning: CERT_A }),
        certificationPathCertificates: [CERT_C],
        applyTimeBasedCpvChecks: true,
      }),
      /DigitalSigningCertificate: expected a target cell of role NetworkOperator, got "Supplier"/,
    ],
    [
      'an empty certificate',
      request('6.15.2', 4, { kind: 'UpdateSecurityCredentialsDevice', deviceCertificate: Buffer.alloc(0) }),
      /sr:DeviceCertificate: expected a DER certificate as base64 \(not empty\)/,
    ],
    [
      'an SRV outside the catalogue',
      {
        ...request('8.3', 8, { kind: 'DecommissionDevice', deviceId: ESME }),
        header: { requestId: RequestId.of(USER, DCC, 1), commandVariant: 8, srv: '11.2' },
      },
      /^sr:Request\/sr:Header\/sr:ServiceReferenceVariant: expected one of the SRVs in scope/,
    ],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what}, naming the element`, () => {
      expect(() => buildDuisRequest(input)).to.throw(InvalidInputError, message);
    });
  }
});
