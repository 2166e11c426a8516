/** What a User makes of an in-process answer (decision 0009): the DSP's sealed value when the signature holds, else the parse. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisResponse, parseDuisResponse } from '../duis/index.ts';
import { InProcessSigning } from '../duis/InProcessSigning.ts';
import { preCommandResponse } from '../duis/responses.ts';
import { responseValue } from '../dsp/Responder.ts';
import { checkInProcessMessage } from './checkInProcessMessage.ts';

const DSP = Eui.parse('90-B3-D5-1F-30-00-00-02');
const USER = Eui.parse('90-B3-D5-1F-30-01-00-00');
const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
const INPUT = preCommandResponse({
  requestId: RequestId.of(USER, ESME, 1200n),
  srv: Srv.parse('6.15.1'),
  responseDateTime: new Date('2026-01-01T10:00:00.123Z'),
  gbcsVersion: '3.0',
  gbcsPayload: Buffer.from('df09010000000000000004b000', 'hex'),
});
const XML = buildDuisResponse(INPUT);

describe('checkInProcessMessage', () => {
  it("takes the DSP's sealed value as the response, parsing the text only when its DOM is asked for", () => {
    const signing = new InProcessSigning();
    const value = responseValue(INPUT);
    const check = checkInProcessMessage(XML, signing.sign(DSP, XML, value), { signing, dspEui: DSP });
    expect(check.signatureOk).to.equal(true);
    expect(check.reasons).to.deep.equal([]);
    expect(check.response!.body, 'the sealed value itself').to.equal(value.body);
    expect(check.response!.header.responseCode).to.equal('I0');
    expect(Object.keys(check.response!), 'as parseDuisResponse: the DOM handles are not enumerable').to.deep.equal(['schemaVersion', 'header', 'body']);
    expect(check.response!.element.localName).to.equal('Response');
    expect(check.response!.signatureElement).to.equal(undefined);
  });

  it('parses the text when the signature seals no value, to the same response', () => {
    const signing = new InProcessSigning();
    const check = checkInProcessMessage(XML, signing.sign(DSP, XML), { signing, dspEui: DSP });
    expect(check.signatureOk).to.equal(true);
    expect(JSON.stringify(check.response)).to.equal(JSON.stringify(parseDuisResponse(XML)));
  });

  it('does not take a sealed value for another text, nor from another signer: the text is parsed and the signature refused', () => {
    const signing = new InProcessSigning();
    const changed = XML.replace('I0', 'E1');
    const forOther = checkInProcessMessage(changed, signing.sign(DSP, XML, responseValue(INPUT)), { signing, dspEui: DSP });
    expect(forOther.signatureOk).to.equal(false);
    expect(forOther.reasons.map((r) => r.code)).to.deep.equal(['signature-mismatch']);
    expect(forOther.response!.header.responseCode, 'what the text says').to.equal('E1');
    const byUser = checkInProcessMessage(XML, signing.sign(USER, XML, responseValue(INPUT)), { signing, dspEui: DSP });
    expect(byUser.signatureOk).to.equal(false);
    expect(byUser.reasons.map((r) => r.code)).to.deep.equal(['signature-mismatch']);
  });
});
