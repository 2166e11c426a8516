import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisResponse } from './buildDuisResponse.ts';
import type { DuisResponseInput } from './DuisResponse.ts';
import { parseDuisResponse } from './parseDuisResponse.ts';
import {
  acknowledgement,
  dccAlert,
  deviceAlert,
  deviceResponse,
  errorResponse,
  inventoryResponse,
  preCommandResponse,
  responseMessage,
  securityCredentialsUpdatedAlert,
} from './responses.ts';
import { appendDummySignature, noSchemaValidation, validateDuis } from './testSupport.ts';

const USER = Eui.parse('90-B3-D5-1F-30-01-00-00');
const DCC = Eui.parse('90-B3-D5-1F-30-00-00-02');
const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
const AT = new Date('2026-01-01T10:00:00.123Z');
const DEVICE_REQUEST = RequestId.of(USER, ESME, 1200n);
const DCC_REQUEST = RequestId.of(USER, DCC, 1000n);
const GBCS = Buffer.from('df09010000000000000004b000', 'hex');
const SRV_6151 = Srv.parse('6.15.1');

const RESPONSES: Record<string, DuisResponseInput> = {
  'I99 acknowledgement (CV 5 accepted)': acknowledgement({
    requestId: DEVICE_REQUEST,
    srv: SRV_6151,
    responseDateTime: AT,
  }),
  'I99 answer to 8.3 Decommission': acknowledgement({
    requestId: DCC_REQUEST,
    srv: Srv.parse('8.3'),
    responseDateTime: AT,
  }),
  'I99 answer to 8.4 Update Inventory': acknowledgement({
    requestId: DCC_REQUEST,
    srv: Srv.parse('8.4'),
    responseDateTime: AT,
  }),
  'I99 answer to 12.2 Pre-notification': acknowledgement({
    requestId: DCC_REQUEST,
    srv: Srv.parse('12.2'),
    responseDateTime: AT,
  }),
  'E4 error': errorResponse({
    requestId: DEVICE_REQUEST,
    srv: SRV_6151,
    responseCode: 'E4',
    responseDateTime: AT,
  }),
  'E12 error for an SRV outside the catalogue, without RequestID': errorResponse({
    srv: { serviceReference: '11.2', serviceReferenceVariant: '11.2' },
    responseCode: 'E12',
    responseDateTime: AT,
  }),
  'SRV-specific error E061504': errorResponse({
    requestId: DEVICE_REQUEST,
    srv: SRV_6151,
    responseCode: 'E061504',
    responseDateTime: AT,
  }),
  'I0 PreCommand (CV 4 transform)': preCommandResponse({
    requestId: DEVICE_REQUEST,
    srv: SRV_6151,
    gbcsVersion: '4.3',
    gbcsPayload: GBCS,
    responseDateTime: AT,
  }),
  'I0 device response': deviceResponse({
    requestId: DEVICE_REQUEST,
    srv: SRV_6151,
    gbcsPayload: GBCS,
    responseDateTime: AT,
  }),
  'I0 local command': {
    header: { requestId: DEVICE_REQUEST, responseCode: 'I0', responseDateTime: AT },
    body: responseMessage(Srv.parse('6.24.1'), { kind: 'LocalCommand', gbcsPayload: GBCS }),
  },
  'future-dated outcome (8F66)': {
    header: {
      requestId: DEVICE_REQUEST,
      responseId: RequestId.of(ESME, USER, 1200n),
      responseCode: 'I0',
      responseDateTime: AT,
    },
    body: responseMessage(SRV_6151, {
      kind: 'FutureDatedDeviceAlertMessage',
      futureDatedAlertCode: '8F66',
      gbcsPayload: GBCS,
      instructionNumber: 1,
      totalCommandInstructions: 1,
    }),
  },
  'I0 8.2 inventory list': inventoryResponse({
    requestId: DCC_REQUEST,
    responseDateTime: AT,
    devices: [
      {
        deviceId: ESME,
        deviceType: 'ESME',
        deviceStatus: 'Commissioned',
        deviceManufacturer: 'AB01',
        deviceModel: '010A030B',
        smetsChtsVersion: 'SMETS V1.58',
        deviceFirmwareVersion: '0002012F',
        deviceFirmwareVersionStatus: 'Active',
        cplStatus: 'Active',
        dateCommissioned: '2025-12-01',
        importMpxn: '1312345678333',
        esmeVariant: 'AD',
        uprn: '100023336956',
        propertyFilter: { postCode: 'SW1A 1AA', addressIdentifier: '10' },
        cspRegion: 'North',
        deviceGbcsVersion: '4.3',
        hanVariant: '2.4GHz',
        connectivity: 'Cellular',
      },
      {
        deviceId: Eui.parse('00-DB-12-34-56-78-90-A2'),
        deviceType: 'CHF',
        deviceManufacturer: 'AB01',
        deviceModel: 'X',
      },
    ],
  }),
  'DeviceAlertMessage 8F70': deviceAlert({
    alertCode: '8F70',
    gbcsPayload: GBCS,
    responseId: RequestId.of(ESME, USER, 7n),
    responseDateTime: AT,
  }),
  'DCCAlertMessage SecurityCredentialsUpdated': securityCredentialsUpdatedAlert({
    deviceId: ESME,
    remotePartyRole: 'NetworkOperator',
    remotePartySeqNumberChange: { remotePartyFloorSeqNumber: 10n },
    certificates: [
      { certificateType: 'DigitalSigning', certificateHash: Buffer.alloc(20, 1) },
      { certificateType: 'KeyAgreement', certificateHash: Buffer.alloc(20, 2) },
    ],
    responseDateTime: AT,
  }),
  'DCCAlertMessage CommandFailure': dccAlert({
    dccAlertCode: 'N27',
    alert: { kind: 'CommandFailure', commandRequestId: DEVICE_REQUEST, deviceId: ESME },
    responseDateTime: AT,
  }),
};

describe('buildDuisResponse', () => {
  describe('round trip through parseDuisResponse', () => {
    for (const [name, input] of Object.entries(RESPONSES)) {
      it(name, () => {
        const parsed = parseDuisResponse(buildDuisResponse(input));
        expect(parsed).to.deep.equal({ schemaVersion: '5.4', ...input });
      });
    }
  });

  describe('output validates against duis-5.4.xsd', { skip: noSchemaValidation }, () => {
    for (const [name, input] of Object.entries(RESPONSES)) {
      it(name, () => {
        const { valid, output } = validateDuis(buildDuisResponse(input));
        expect(valid, output).to.equal(true);
      });
    }
    it('also with a (dummy) enveloped signature appended through the sign hook', () => {
      const xml = buildDuisResponse(RESPONSES['I0 device response']!, { sign: appendDummySignature });
      expect(validateDuis(xml).valid).to.equal(true);
      expect(parseDuisResponse(xml).signatureElement?.localName).to.equal('Signature');
    });
  });

  it('writes the device response ids as DCC Boxed does: ResponseID = device:originator:counter', () => {
    const xml = buildDuisResponse(RESPONSES['I0 device response']!);
    expect(xml).to.include(
      '<sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1200</sr:RequestID>',
    );
    expect(xml).to.include(
      '<sr:ResponseID>00-DB-12-34-56-78-90-A0:90-B3-D5-1F-30-01-00-00:1200</sr:ResponseID>',
    );
    expect(xml).to.include('<sr:ResponseDateTime>2026-01-01T10:00:00.123Z</sr:ResponseDateTime>');
  });

  it('refuses a response code the schema does not list unless told to write it anyway', () => {
    const input = errorResponse({ srv: SRV_6151, responseCode: 'E999001', responseDateTime: AT });
    expect(() => buildDuisResponse(input)).to.throw(
      InvalidInputError,
      /^sr:Response\/sr:Header\/sr:ResponseCode: expected a response code the DUIS 5\.4 schema lists/,
    );
    const xml = buildDuisResponse(input, { allowCodesOutsideSchema: true });
    expect(parseDuisResponse(xml).header.responseCode).to.equal('E999001');
    if (!noSchemaValidation) expect(validateDuis(xml).valid).to.equal(false);
  });

  it('refuses an empty inventory list (the schema needs 1 to 17 devices)', () => {
    expect(() =>
      buildDuisResponse(inventoryResponse({ requestId: DCC_REQUEST, devices: [], responseDateTime: AT })),
    ).to.throw(InvalidInputError, /sr:DSPInventory\/sr:Device: expected 1 to 17 devices/);
  });

  it('refuses a DCC alert code the schema does not list', () => {
    const input = dccAlert({
      dccAlertCode: 'N32',
      alert: { kind: 'CommandFailure', commandRequestId: DEVICE_REQUEST, deviceId: ESME },
      responseDateTime: AT,
    });
    expect(() => buildDuisResponse(input)).to.throw(
      InvalidInputError,
      /sr:DCCAlertCode: expected a DCC alert code/,
    );
  });
});

describe('parseDuisResponse', () => {
  it('reads a response as DCC Boxed writes it: other prefixes, no whitespace, schemaVersion 5.1', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?><sr:Response xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" ' +
      'xmlns:ns3="http://www.w3.org/2000/09/xmldsig#" schemaVersion="5.1"><sr:Header>' +
      '<sr:RequestID>90-B3-D5-1F-30-01-00-00:00-db-12-34-56-78-90-a0:5</sr:RequestID><sr:ResponseCode>E12</sr:ResponseCode>' +
      '<sr:ResponseDateTime>2026-01-01T10:00:00Z</sr:ResponseDateTime></sr:Header><sr:Body><sr:ResponseMessage>' +
      '<sr:ServiceReference>6.15</sr:ServiceReference><sr:ServiceReferenceVariant>6.15.1</sr:ServiceReferenceVariant>' +
      '</sr:ResponseMessage></sr:Body></sr:Response>';
    const r = parseDuisResponse(xml);
    expect(r.schemaVersion).to.equal('5.1');
    expect(r.header.responseCode).to.equal('E12');
    expect(r.header.requestId?.target.equals(ESME)).to.equal(true);
    expect(r.body).to.deep.equal({
      kind: 'ResponseMessage',
      serviceReference: '6.15',
      serviceReferenceVariant: '6.15.1',
    });
    expect(r.signatureElement).to.equal(undefined);
  });

  it('keeps content it does not model as XML text', () => {
    const xml = buildDuisResponse(
      acknowledgement({ requestId: DEVICE_REQUEST, srv: SRV_6151, responseDateTime: AT }),
    ).replace(
      '</sr:ServiceReferenceVariant>',
      '</sr:ServiceReferenceVariant><sr:DSPScheduleID>17</sr:DSPScheduleID>',
    );
    const body = parseDuisResponse(xml).body;
    if (body.kind !== 'ResponseMessage') throw new Error(body.kind);
    expect(body.content).to.deep.equal({
      kind: 'Unmodelled',
      name: 'DSPScheduleID',
      xml: '<sr:DSPScheduleID xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">17</sr:DSPScheduleID>',
    });
  });
});
