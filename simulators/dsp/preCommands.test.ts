import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseDuisRequest } from '../duis/index.ts';
import { noRtds, RTDS_DUIS } from '../duis/testSupport.ts';
import { decodeGbcsMessage } from '../gbcs/message.ts';
import { loadVector, SKIP_RTDS } from '../gbcs/rtdsCorpus.ts';
import type { DeviceType } from '../inventory/enumerations.ts';
import { buildCriticalPreCommand } from './preCommands.ts';

/** RTDS request → the RTDS Pre-Command of the same test case (same originator, device and counter). */
const GOLDEN: readonly [request: string, preCommand: string, deviceType: DeviceType][] = [
  ['ECS70Commission_8.1.1_SUCCESS_REQUEST_DUIS.XML', 'ECS70Commission_8.1.1_SUCCESS_PRECOMMAND_GBCS.HEX', 'ESME'],
  ['GCS28Commission_8.1.1_SUCCESS_REQUEST_DUIS.XML', 'GCS28Commission_8.1.1_SUCCESS_PRECOMMAND_GBCS.HEX', 'GSME'],
  ['CS02c_6.17_SUCCESS_REQUEST_DUIS.XML', 'CS02c_6.17_SUCCESS_PRECOMMAND_GBCS.HEX', 'ESME'],
  ['CS02d_6.15.2_SUCCESS_REQUEST_DUIS.XML', 'CS02d_6.15.2_SUCCESS_PRECOMMAND_GBCS.HEX', 'ESME'],
];

function rtdsRequest(name: string) {
  return parseDuisRequest(readFileSync(join(RTDS_DUIS, name), 'utf8'));
}

describe('Pre-Commands built from DUIS requests', { skip: noRtds || SKIP_RTDS }, () => {
  for (const [request, preCommand, deviceType] of GOLDEN) {
    it(`${request} gives exactly ${preCommand}`, () => {
      const r = rtdsRequest(request);
      const built = buildCriticalPreCommand(r.header.srv.id, r.header.requestId, r.body, deviceType);
      expect(built.toString('hex')).to.equal(loadVector(preCommand).toString('hex'));
    });
  }

  it('6.15.1 NO by NO: the RTDS structure (the RTDS DUIS and GBCS sets carry different certificates)', () => {
    const r = rtdsRequest('CS02bNOByNO_6.15.1_SUCCESS_REQUEST_DUIS.XML');
    const built = decodeGbcsMessage(buildCriticalPreCommand('6.15.1', r.header.requestId, r.body, 'ESME'));
    const rtds = decodeGbcsMessage(loadVector('CS02bNOByNO_6.15.1_SUCCESS_PRECOMMAND_GBCS.HEX'));
    expect(built.header).to.deep.include({ originatorCounter: 1200n, messageCode: rtds.header.messageCode });
    expect(built.header.originator.equals(rtds.header.originator)).to.equal(true);
    if (built.payload.useCase !== 'CS02b' || built.payload.direction !== 'command') throw new Error('not CS02b');
    if (rtds.payload.useCase !== 'CS02b' || rtds.payload.direction !== 'command') throw new Error('not CS02b');
    const { applyTimeBasedCpvChecks, ...control } = built.payload.value.control;
    expect(applyTimeBasedCpvChecks, 'the RTDS 4.9.1 request asks for time-based CPV checks').to.equal(1);
    expect(control).to.deep.equal(rtds.payload.value.control);
    expect(built.payload.value.replacements.map((x) => x.targetTrustAnchorCell)).to.deep.equal(
      rtds.payload.value.replacements.map((x) => x.targetTrustAnchorCell),
    );
  });

  it('refuses a role the harness builds no CS02b for', () => {
    const r = rtdsRequest('CS02bNOByNO_6.15.1_SUCCESS_REQUEST_DUIS.XML');
    const body = { ...r.body, remotePartyRole: 'LoadController' } as typeof r.body;
    expect(() => buildCriticalPreCommand('6.15.1', r.header.requestId, body, 'ESME')).to.throw(/RemotePartyRole/);
  });
});
