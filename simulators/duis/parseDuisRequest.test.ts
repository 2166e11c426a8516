import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisRequest } from './buildDuisRequest.ts';
import { parseDuisRequest } from './parseDuisRequest.ts';
import { noRtds, rtdsRequests } from './testSupport.ts';

const rtds = rtdsRequests();
const rtdsFile = (name: string) => {
  const text = rtds.get(name);
  if (text === undefined) throw new Error(`RTDS file ${name} missing`);
  return text;
};

describe('parseDuisRequest on the RTDS requests', { skip: noRtds }, () => {
  it('reads the 6.15.1 NO-by-NO request: header, role, replacements with target cells, authorising cell', () => {
    const req = parseDuisRequest(rtdsFile('CS02bNOByNO_6.15.1_SUCCESS_REQUEST_DUIS.XML'));
    expect(req.schemaVersion).to.equal('5.4');
    expect(req.header.requestId.toString()).to.equal('90-B3-D5-1F-30-02-00-00:00-DB-12-34-56-78-90-A0:1200');
    expect(req.header.commandVariant).to.equal(4);
    expect(req.header.serviceReference).to.equal('6.15');
    expect(req.header.srv).to.equal(Srv.parse('6.15.1'));
    const body = req.body;
    if (body.kind !== 'UpdateSecurityCredentialsKRP') throw new Error(body.kind);
    expect(body.remotePartyRole).to.equal('NetworkOperator');
    expect(body.remotePartyFloorSeqNumber).to.equal(0n);
    expect(body).not.to.have.property('remotePartyPrepaymentTopUpFloorSeqNumber');
    expect(body).not.to.have.property('executionDateTime');
    expect(body.replacements.map((r) => r.targetCell)).to.deep.equal([
      { role: 'NetworkOperator', keyUsage: 'DS', cellUsage: 'management' },
      { role: 'NetworkOperator', keyUsage: 'KA', cellUsage: 'management' },
    ]);
    expect(body.authorisingCell).to.deep.equal({
      role: 'NetworkOperator',
      keyUsage: 'DS',
      cellUsage: 'management',
    });
    expect(body.applyTimeBasedCpvChecks).to.equal(true);
    // Certificates come out as DER: node:crypto reads them, and the NO's EUI is in the subject.
    const ds = new X509Certificate(body.replacements[0]!.certificate);
    expect(ds.subject).to.include('OU=03');
    expect(body.certificationPathCertificates).to.have.length(1);
    expect(new X509Certificate(body.certificationPathCertificates[0]!).subject).to.include('CN=Z1');
  });

  it('reads the supplier 6.15.1 request with its prepayment top-up certificate and floor', () => {
    const body = parseDuisRequest(
      rtdsFile('CS02bSupplierBySupplier_6.15.1_IMMEDIATE_SUCCESS_REQUEST_DUIS.XML'),
    ).body;
    if (body.kind !== 'UpdateSecurityCredentialsKRP') throw new Error(body.kind);
    expect(body.remotePartyPrepaymentTopUpFloorSeqNumber).to.equal(0n);
    expect(body.replacements.map((r) => `${r.targetCell.keyUsage}/${r.targetCell.cellUsage}`)).to.deep.equal([
      'DS/management',
      'KA/management',
      'KA/prePaymentTopUp',
    ]);
    expect(body.applyTimeBasedCpvChecks).to.equal(false);
  });

  it('reads the other SRVs in the RTDS set', () => {
    const bodyOf = (f: string) => parseDuisRequest(rtdsFile(f)).body;
    expect(bodyOf('CS02c_6.17_SUCCESS_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'IssueSecurityCredentials',
      credentialType: 'DS',
    });
    expect(bodyOf('CS02e_6.24.2_SUCCESS_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'RetrieveDeviceSecurityCredentialsDevice',
      credentialType: 'DS',
    });
    expect(bodyOf('CS02aMAC_6.24.1_SUCCESS_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'RetrieveDeviceSecurityCredentialsKRP',
      remotePartyRoles: ['Supplier', 'NetworkOperator'],
    });
    const d = bodyOf('CS02d_6.15.2_SUCCESS_REQUEST_DUIS.XML');
    if (d.kind !== 'UpdateSecurityCredentialsDevice') throw new Error(d.kind);
    expect(d.deviceCertificate[0]).to.equal(0x30);
    expect(bodyOf('ECS70Commission_8.1.1_SUCCESS_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'CommissionDeviceSynchroniseClock',
      currentDateTime: new Date('2014-12-31T23:59:10Z'),
      tolerancePeriod: 60,
    });
    expect(bodyOf('8.2_READ_INVENTORY_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'ReadInventory',
      selector: { by: 'DeviceID', deviceId: Eui.parse('00DB1234567890A2') },
    });
    expect(bodyOf('8.3_DECOMMISSION_DEVICE_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'DecommissionDevice',
      deviceId: Eui.parse('00DB1234567890A0'),
    });
    expect(bodyOf('8.4_UPDATE_INVENTORY_REQUEST_DUIS.XML')).to.deep.equal({
      kind: 'UpdateInventory',
      deviceId: Eui.parse('00DB1234567890A0'),
      update: { kind: 'DeleteDevice' },
    });
  });

  it('keeps the root element and the (unchecked) ds:Signature as non-enumerable handles', () => {
    const req = parseDuisRequest(rtdsFile('8.2_READ_INVENTORY_REQUEST_DUIS.XML'));
    expect(req.element.localName).to.equal('Request');
    expect(req.signatureElement?.localName).to.equal('Signature');
    expect(Object.keys(req)).to.deep.equal(['schemaVersion', 'header', 'body']);
    expect(JSON.parse(JSON.stringify(req)).header.requestId).to.equal(
      '90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000',
    );
  });
});

describe('parseDuisRequest on other well-formed input', () => {
  const header = (cv: number, srv: string, sr: string) =>
    '<sr:Header><sr:RequestID>90-b3-d5-1f-30-01-00-00:00-db-12-34-56-78-90-a0:7</sr:RequestID>' +
    `<sr:CommandVariant>${cv}</sr:CommandVariant><sr:ServiceReference>${sr}</sr:ServiceReference>` +
    `<sr:ServiceReferenceVariant>${srv}</sr:ServiceReferenceVariant></sr:Header>`;
  const NS = 'http://www.dccinterface.co.uk/ServiceUserGateway';

  it('reads a CV 5 request whose body is the SignedPreCommand, with an execution date-time', () => {
    const xml =
      `<sr:Request xmlns:sr="${NS}" schemaVersion="5.4">${header(5, '6.15.1', '6.15')}<sr:Body><sr:SignedPreCommand>` +
      '<sr:ExecutionDateTime>2030-01-02T00:00:00+01:00</sr:ExecutionDateTime>' +
      '<sr:GBCSPayload>3wkBAAAAAAAAAASw</sr:GBCSPayload></sr:SignedPreCommand></sr:Body></sr:Request>';
    const req = parseDuisRequest(xml);
    expect(req.header.requestId.counter).to.equal(7n);
    expect(req.body).to.deep.equal({
      kind: 'SignedPreCommand',
      executionDateTime: new Date('2030-01-01T23:00:00Z'),
      gbcsPayload: Buffer.from('df09010000000000000004b0', 'hex'),
    });
  });

  it('accepts another prefix or the default namespace, and the 5.x versions DCC Boxed clients send', () => {
    for (const [version, normalised] of [
      ['5.2', '5.2'],
      ['5.10', '5.1'],
      ['5', '5.0'],
    ]) {
      const xml =
        `<Request xmlns="${NS}" schemaVersion="${version}">${header(8, '8.3', '8.3').replace(/sr:/g, '')}` +
        '<Body><DecommissionDevice><DeviceID>00-DB-12-34-56-78-90-A0</DeviceID></DecommissionDevice></Body></Request>';
      expect(parseDuisRequest(xml).schemaVersion).to.equal(normalised);
    }
  });

  it('reads optional sequencing headers', () => {
    const xml = buildDuisRequest({
      header: {
        requestId: '90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:10',
        firstInSequence: true,
        precedingServiceRequestId: '90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:9',
        commandVariant: 8,
        srv: '8.3',
      },
      body: { kind: 'DecommissionDevice', deviceId: Eui.parse('00DB1234567890A0') },
    });
    const h = parseDuisRequest(xml).header;
    expect(h.firstInSequence).to.equal(true);
    expect(h.precedingServiceRequestId?.counter).to.equal(9n);
  });
});
