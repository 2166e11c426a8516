/**
 * Interoperability with DCC's own XML-DSig tool (dccboxed-signing-tool, the tool.jar inside the
 * devDependency @smartdcc/duis-sign-wrap), run as a Java process: it must accept what signDuis
 * signs, and verifyDuis must accept what it signs. Skipped with a message without Java.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisRequest, buildDuisResponse, errorResponse, preCommandResponse } from '../duis/index.ts';
import { C14N } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { issuerSerialResolver } from './issuerSerialResolver.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { plainCanonicalForm } from './plainCanonicalForm.ts';
import { signDuis } from './signDuis.ts';
import {
  credential,
  DSP_XML,
  dccBoxedXmlCredentials,
  dccToolSign,
  dccToolValidate,
  noJava,
  noKeystore,
  noRtds,
  rtdsRequests,
  SUPPLIER_XML,
  signWithXmlCrypto,
  type ToolResult,
  withoutSignature,
  xmlSignerFor,
} from './testFixtures.ts';
import { verifyDuis } from './verifyDuis.ts';

const skip = noRtds || noKeystore || noJava;
const SIGNATURE = /<ds:Signature[ >][\s\S]*<\/ds:Signature>/;
const SIGNATURE_VALUE = /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/;

function expectValid(result: ToolResult, what: string): void {
  expect(result.code, `${what}: ${result.stderr}`).to.equal(0);
  expect(result.stderr, what).to.include('[I] passed signature check');
}

function signatureWithoutValue(xml: string): string {
  return SIGNATURE.exec(xml)![0].replace(SIGNATURE_VALUE, '<ds:SignatureValue/>');
}

describe("interop with DCC's signing tool (tool.jar)", { skip, concurrency: true }, () => {
  const resolve = issuerSerialResolver([...dccBoxedXmlCredentials().values()].map((c) => c.certificate));

  for (const { name, xml } of rtdsRequests()) {
    it(`${name}: the tool validates what signDuis signs, and verifyDuis what the tool signs`, async () => {
      const signer = xmlSignerFor(xml);
      const ours = signDuis(xml, signer);
      const [validated, theirs] = await Promise.all([
        dccToolValidate(ours, signer),
        dccToolSign(xml, signer),
      ]);
      expectValid(validated, 'tool validating ours');

      expect(theirs.code, theirs.stderr).to.equal(0);
      for (const elementContentWhitespace of ['either', 'significant'] as const) {
        const verdict = await verifyDuis(theirs.stdout, resolve, { elementContentWhitespace });
        expect(verdict.ok, `${elementContentWhitespace}: ${JSON.stringify(verdict.reasons)}`).to.equal(true);
        expect(verdict.signer?.fingerprint256).to.equal(signer.certificate.fingerprint256);
      }
      // Same input, same key: the same signature element, byte for byte, but for the ECDSA value.
      expect(signatureWithoutValue(ours)).to.equal(signatureWithoutValue(theirs.stdout));
    });
  }

  it("digests exactly what the tool digests, whatever the prefixes' case and punctuation", async () => {
    const signer = credential(SUPPLIER_XML);
    const cs02c = rtdsRequests().find((r) => r.name.startsWith('CS02c'))!.xml;
    const xml = cs02c.replace(
      'schemaVersion="5.4"',
      'xmlns:B="urn:B" xmlns:a_1="urn:a1" xmlns:a-1="urn:a2" xmlns:Z="urn:Z" schemaVersion="5.4"',
    );
    const ours = signDuis(xml, signer);
    const [validated, theirs] = await Promise.all([dccToolValidate(ours, signer), dccToolSign(xml, signer)]);
    expectValid(validated, 'tool validating ours');
    // Validate prints the Reference's digest input: the document without its signature.
    const doc = parseXmlStrict(ours);
    doc.documentElement.removeChild(doc.documentElement.lastChild!);
    expect(validated.stdout.replace(/\n$/, '')).to.equal(canonicalize(doc.documentElement, C14N));
    expect((await verifyDuis(theirs.stdout, resolve)).ok).to.equal(true);
  });

  it("signs and verifies with the DSP's XML-signing credential (role 137) both ways", async () => {
    const dsp = credential(DSP_XML);
    const request = withoutSignature(rtdsRequests()[0]!.xml);
    const [validated, theirs] = await Promise.all([
      dccToolValidate(signDuis(request, dsp), dsp),
      dccToolSign(request, dsp),
    ]);
    expectValid(validated, 'tool validating ours');
    const verdict = await verifyDuis(theirs.stdout, resolve);
    expect(verdict.signer?.fingerprint256).to.equal(dsp.certificate.fingerprint256);
  });

  it('the tool refuses what signDuis signed once the body is altered (it really checks)', async () => {
    const { xml } = rtdsRequests()[0]!;
    const signer = xmlSignerFor(xml);
    const altered = signDuis(xml, signer).replace('00-DB-12-34-56-78-90-A2', '00-DB-12-34-56-78-90-A3');
    const result = await dccToolValidate(altered, signer);
    expect(result.code).to.equal(10);
    expect(result.stderr).to.include('[I] failed signature check');
  });

  it('both ignore whitespace added between elements after signing', async () => {
    const { xml } = rtdsRequests()[0]!;
    const signer = xmlSignerFor(xml);
    const indent = (s: string) =>
      s.replace(/></g, '>\n  <').replace(/>\n {2}<\/ds:SignatureValue>/, '></ds:SignatureValue>');
    const theirs = await dccToolSign(xml, signer);
    const [oursIndented, theirsIndented] = [indent(signDuis(xml, signer)), indent(theirs.stdout)];
    expectValid(await dccToolValidate(oursIndented, signer), 'tool validating ours, indented');
    expect((await verifyDuis(theirsIndented, resolve)).ok).to.equal(true);
  });

  it('the tool refuses a standard signature over indented XML, which verifyDuis accepts by default', async () => {
    const signer = credential(SUPPLIER_XML);
    const cs02c = rtdsRequests().find((r) => r.name.startsWith('CS02c'))!.xml;
    const standard = signWithXmlCrypto(withoutSignature(cs02c), signer);
    const result = await dccToolValidate(standard, signer);
    expect(result.code, 'the tool drops the indentation before digesting').to.equal(10);
    expect((await verifyDuis(standard, resolve)).ok).to.equal(true);
    const strict = await verifyDuis(standard, resolve, { elementContentWhitespace: 'ignorable' });
    expect(strict.reasons.map((r) => r.code)).to.deep.equal(['digest-mismatch']);
  });

  it("validates what signDuis signs from the writer's plain form without a DOM: the DSP's responses, a built request", async () => {
    const dsp = credential(DSP_XML);
    const requestId = RequestId.of(Eui.parse('90-B3-D5-1F-30-01-00-00'), Eui.parse('00-DB-12-34-56-78-90-A0'), 7n);
    const at = new Date('2026-01-01T10:00:00.123Z');
    const srv = Srv.parse('6.15.1');
    const documents = [
      buildDuisResponse(preCommandResponse({ requestId, srv, gbcsVersion: '4.0', gbcsPayload: Buffer.from('df09', 'hex'), responseDateTime: at })),
      buildDuisResponse(errorResponse({ requestId, srv, responseCode: 'E4', responseDateTime: at })),
      buildDuisRequest({ header: { requestId, commandVariant: 1, srv: '6.24.1' }, body: { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier', 'NetworkOperator'] } }),
    ];
    for (const xml of documents) {
      expect(plainCanonicalForm(xml), 'read without a DOM').to.not.equal(undefined);
      const ours = signDuis(xml, dsp);
      const validated = await dccToolValidate(ours, dsp);
      expectValid(validated, 'tool validating ours');
      const doc = parseXmlStrict(ours);
      doc.documentElement.removeChild(doc.documentElement.lastChild!);
      expect(validated.stdout.replace(/\n$/, '')).to.equal(canonicalize(doc.documentElement, C14N));
    }
  });
});
