import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { parseDuisRequest } from './parseDuisRequest.ts';
import { parseDuisResponse } from './parseDuisResponse.ts';

const NS = 'http://www.dccinterface.co.uk/ServiceUserGateway';
const ID = '90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000';

function request({
  root = 'sr:Request',
  ns = NS,
  version = '5.4',
  requestId = `<sr:RequestID>${ID}</sr:RequestID>`,
  cv = '8',
  sr = '8.3',
  srv = '8.3',
  body = '<sr:DecommissionDevice><sr:DeviceID>00-DB-12-34-56-78-90-A0</sr:DeviceID></sr:DecommissionDevice>',
} = {}): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns:sr="${ns}" schemaVersion="${version}"><sr:Header>${requestId}` +
    `<sr:CommandVariant>${cv}</sr:CommandVariant><sr:ServiceReference>${sr}</sr:ServiceReference>` +
    `<sr:ServiceReferenceVariant>${srv}</sr:ServiceReferenceVariant></sr:Header><sr:Body>${body}</sr:Body></${root}>`
  );
}

const krpBody = (cert: string) =>
  '<sr:UpdateSecurityCredentialsKRP><sr:RemotePartyRole>NetworkOperator</sr:RemotePartyRole><sr:ReplacementCertificates>' +
  `<sr:SupplierOrNetworkOperatorCertificates><sr:DigitalSigningCertificate>${cert}</sr:DigitalSigningCertificate>` +
  '</sr:SupplierOrNetworkOperatorCertificates></sr:ReplacementCertificates><sr:CertificationPathCertificates>' +
  '<sr:Certificate>MAMCAQE=</sr:Certificate></sr:CertificationPathCertificates>' +
  '<sr:ApplyTimeBasedCPVChecks>true</sr:ApplyTimeBasedCPVChecks></sr:UpdateSecurityCredentialsKRP>';

/** [what, xml, the message must match] – each message starts with the element path. */
const CASES: [string, string, RegExp][] = [
  ['text that is not XML', 'not xml at all', /^DUIS request: expected well-formed XML/],
  ['unclosed elements', request().replace('</sr:Body>', ''), /^DUIS request: expected well-formed XML/],
  [
    'a DOCTYPE',
    `<!DOCTYPE x [<!ENTITY a "b">]>${request()}`,
    /^DUIS request: expected an XML document without a DOCTYPE/,
  ],
  [
    'the wrong root element',
    request({ root: 'sr:Response' }),
    /^sr:Request: expected the root element Request in namespace .*, got "element sr:Response"/,
  ],
  [
    'the wrong namespace',
    request({ ns: 'http://www.dccinterface.co.uk/ResponseAndAlert' }),
    /^sr:Request: expected the root element Request in namespace http:\/\/www.dccinterface.co.uk\/ServiceUserGateway, got "namespace http:\/\/www.dccinterface.co.uk\/ResponseAndAlert"/,
  ],
  [
    'an unsupported schemaVersion',
    request({ version: '4.0' }),
    /^sr:Request\/@schemaVersion: expected a DUIS schemaVersion this harness reads \(5.0, 5.1, 5.2, 5.3, 5.4\), got "4.0"/,
  ],
  [
    'a schemaVersion that is not a number',
    request({ version: 'five' }),
    /^sr:Request\/@schemaVersion: .* as a decimal number, got "five"/,
  ],
  [
    'a missing schemaVersion',
    request().replace(' schemaVersion="5.4"', ''),
    /^sr:Request\/@schemaVersion: expected .*, got nothing/,
  ],
  [
    'a missing RequestID',
    request({ requestId: '' }),
    /^sr:Request\/sr:Header\/sr:RequestID: expected the element sr:RequestID .*, got "element sr:CommandVariant"/,
  ],
  [
    'a malformed RequestID',
    request({ requestId: '<sr:RequestID>90B3D51F30010000:1000</sr:RequestID>' }),
    /^sr:Request\/sr:Header\/sr:RequestID: expected three parts/,
  ],
  [
    'a RequestID counter with a leading zero',
    request({ requestId: `<sr:RequestID>${ID.replace(':1000', ':01000')}</sr:RequestID>` }),
    /^sr:Request\/sr:Header\/sr:RequestID: expected a counter/,
  ],
  [
    'a missing CommandVariant',
    request().replace(/<sr:CommandVariant>8<\/sr:CommandVariant>/, ''),
    /^sr:Request\/sr:Header\/sr:CommandVariant: expected the element sr:CommandVariant/,
  ],
  [
    'a CommandVariant out of range',
    request({ cv: '10' }),
    /^sr:Request\/sr:Header\/sr:CommandVariant: expected an integer from 1 to 9, got "10"/,
  ],
  [
    'a CommandVariant the SRV does not allow',
    request({ cv: '4' }),
    /^sr:Request\/sr:Header\/sr:CommandVariant: expected a CommandVariant that SRV 8.3 allows \(8\), got 4/,
  ],
  [
    'a missing ServiceReferenceVariant',
    request().replace(/<sr:ServiceReferenceVariant>.*<\/sr:ServiceReferenceVariant>/, ''),
    /^sr:Request\/sr:Header\/sr:ServiceReferenceVariant: expected the element/,
  ],
  [
    'an unknown ServiceReferenceVariant',
    request({ sr: '11.2', srv: '11.2' }),
    /^sr:Request\/sr:Header\/sr:ServiceReferenceVariant: expected one of the SRVs in scope \(6.15.1, .*\), got "11.2"/,
  ],
  [
    'a ServiceReference that does not belong to the variant',
    request({ sr: '8.2' }),
    /^sr:Request\/sr:Header\/sr:ServiceReference: expected 8.3, the ServiceReference of variant 8.3, got "8.2"/,
  ],
  [
    'an unexpected header element',
    request({ requestId: `<sr:RequestID>${ID}</sr:RequestID><sr:Foo/>` }),
    /^sr:Request\/sr:Header\/sr:CommandVariant: expected the element sr:CommandVariant .*, got "element sr:Foo"/,
  ],
  [
    'a body element that does not match the SRV',
    request({
      body: '<sr:ReadInventory><sr:DeviceID>00-DB-12-34-56-78-90-A0</sr:DeviceID></sr:ReadInventory>',
    }),
    /^sr:Request\/sr:Body\/sr:DecommissionDevice: expected the element sr:DecommissionDevice \(the body of SRV 8.3 with CommandVariant 8\) at this position, got "element sr:ReadInventory"/,
  ],
  [
    'a CV 5 request without a SignedPreCommand',
    request({ cv: '5', sr: '6.15', srv: '6.15.1', body: krpBody('MAMCAQE=') }),
    /^sr:Request\/sr:Body\/sr:SignedPreCommand: expected the element sr:SignedPreCommand \(the body of SRV 6.15.1 with CommandVariant 5\)/,
  ],
  [
    'an empty body',
    request({ body: '' }),
    /^sr:Request\/sr:Body\/sr:DecommissionDevice: expected the element sr:DecommissionDevice .*, got nothing/,
  ],
  [
    'two body elements',
    request({ body: `${request().match(/<sr:DecommissionDevice>.*<\/sr:DecommissionDevice>/)![0]}<sr:X/>` }),
    /^sr:Request\/sr:Body\/sr:X: expected no further element/,
  ],
  [
    'a certificate that is not base64',
    request({ cv: '4', sr: '6.15', srv: '6.15.1', body: krpBody('MIIB*not-base64*') }),
    /^sr:Request\/sr:Body\/sr:UpdateSecurityCredentialsKRP\/sr:ReplacementCertificates\/sr:SupplierOrNetworkOperatorCertificates\/sr:DigitalSigningCertificate: expected a DER certificate as base64 \(not empty\), got "MIIB\*not-base64\*"/,
  ],
  [
    'an empty certificate',
    request({ cv: '4', sr: '6.15', srv: '6.15.1', body: krpBody('') }),
    /sr:DigitalSigningCertificate: expected a DER certificate as base64 \(not empty\), got an empty string/,
  ],
  [
    'an unknown remote party role',
    request({
      cv: '4',
      sr: '6.15',
      srv: '6.15.1',
      body: krpBody('MAMCAQE=').replace('>NetworkOperator<', '>Distributor<'),
    }),
    /^sr:Request\/sr:Body\/sr:UpdateSecurityCredentialsKRP\/sr:RemotePartyRole: expected one of "ACB", .*, got "Distributor"/,
  ],
  [
    'a device ID that is not an EUI-64',
    request({
      body: '<sr:DecommissionDevice><sr:DeviceID>00DB1234567890A0</sr:DeviceID></sr:DecommissionDevice>',
    }),
    /^sr:Request\/sr:Body\/sr:DecommissionDevice\/sr:DeviceID: expected an EUI-64 as eight dash-separated hex pairs/,
  ],
  [
    'a date-time that is not one',
    request({
      cv: '4',
      sr: '8.1',
      srv: '8.1.1',
      body: '<sr:CommissionDeviceSynchroniseClock><sr:CurrentDateTime>2014-02-30T00:00:00Z</sr:CurrentDateTime><sr:TolerancePeriod>60</sr:TolerancePeriod></sr:CommissionDeviceSynchroniseClock>',
    }),
    /sr:CommissionDeviceSynchroniseClock\/sr:CurrentDateTime: expected an xs:dateTime/,
  ],
  [
    'eight roles in 6.24.1',
    request({
      cv: '1',
      sr: '6.24',
      srv: '6.24.1',
      body: `<sr:RetrieveDeviceSecurityCredentialsKRP>${'<sr:RemotePartyRole>Supplier</sr:RemotePartyRole>'.repeat(8)}</sr:RetrieveDeviceSecurityCredentialsKRP>`,
    }),
    /sr:RetrieveDeviceSecurityCredentialsKRP\/sr:RemotePartyRole\[8\]: expected at most 7/,
  ],
  [
    'text where only elements belong',
    request().replace('<sr:Header>', '<sr:Header>junk'),
    /^sr:Request\/sr:Header: expected only child elements inside \(no text\), got "junk"/,
  ],
  [
    'an element after the signature position',
    request().replace('</sr:Request>', '<sr:Trailer/></sr:Request>'),
    /^sr:Request\/sr:Trailer: expected no further element/,
  ],
];

describe('parseDuisRequest refuses bad input with an E12 error naming the element', () => {
  for (const [what, xml, message] of CASES) {
    it(what, () => {
      let error: unknown;
      try {
        parseDuisRequest(xml);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as InvalidInputError).responseCode).to.equal('E12');
      expect((error as Error).message).to.match(message);
    });
  }

  it('refuses a DOCTYPE in an already-parsed document too', async () => {
    const { DOMParser } = await import('@xmldom/xmldom');
    const doc = new DOMParser().parseFromString(`<!DOCTYPE sr:Request>${request()}`, 'application/xml');
    expect(() => parseDuisRequest(doc)).to.throw(InvalidInputError, /DOCTYPE/);
  });

  it('refuses input that is neither text nor a Document', () => {
    expect(() => parseDuisRequest(Buffer.from('<x/>') as unknown as string)).to.throw(
      InvalidInputError,
      /^DUIS request: expected XML text or a parsed DOM Document/,
    );
  });

  it('refuses a schemaVersion outside a narrowed accepted list', () => {
    expect(() => parseDuisRequest(request({ version: '5.2' }), { acceptedSchemaVersions: ['5.4'] })).to.throw(
      InvalidInputError,
      /^sr:Request\/@schemaVersion: expected a DUIS schemaVersion this harness reads \(5.4\), got "5.2"/,
    );
  });
});

describe('parseDuisResponse refuses bad input naming the element', () => {
  it('a request where a response is expected', () => {
    expect(() => parseDuisResponse(request())).to.throw(
      InvalidInputError,
      /^sr:Response: expected the root element Response/,
    );
  });

  it('a response without ResponseDateTime', () => {
    const xml =
      `<sr:Response xmlns:sr="${NS}" schemaVersion="5.4"><sr:Header><sr:ResponseCode>I99</sr:ResponseCode></sr:Header>` +
      '<sr:Body><sr:ResponseMessage><sr:ServiceReference>8.3</sr:ServiceReference><sr:ServiceReferenceVariant>8.3</sr:ServiceReferenceVariant></sr:ResponseMessage></sr:Body></sr:Response>';
    expect(() => parseDuisResponse(xml)).to.throw(
      InvalidInputError,
      /^sr:Response\/sr:Header\/sr:ResponseDateTime: expected the element/,
    );
  });
});
