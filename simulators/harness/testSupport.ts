/** Test support for the harness (not used at run time): DUIS requests signed as a User and handed to the DSP in process. */
import type { ReceivedMessage } from '../client/index.ts';
import type { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import type { DspAnswer } from '../dsp/DspAnswer.ts';
import { buildDuisRequest, parseDuisResponse, type RequestBody } from '../duis/index.ts';
import { decodeGbcsMessage } from '../gbcs/index.ts';
import { signPreCommand } from '../gbcs/signature.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import type { Harness } from './Harness.ts';

export interface InProcessRequest {
  readonly from: Eui;
  readonly target: Eui;
  readonly counter: bigint;
  readonly srv: string;
  readonly body: RequestBody;
}

/** Signs a request with `from`'s XML key and hands it to the DSP as POSTed to the CommandVariant's service. */
export async function send(h: Harness, r: InProcessRequest, commandVariant: number): Promise<DspAnswer> {
  const xml = await h.estate.keyStore.lookup(r.from, 'XML');
  const signed = buildDuisRequest(
    { header: { requestId: RequestId.of(r.from, r.target, r.counter), commandVariant, srv: r.srv }, body: r.body },
    { sign: (unsigned) => signDuis(unsigned, { privateKey: xml.privateKey, certificate: xml.certificate }) },
  );
  const service = commandVariant === 4 ? 'T' : commandVariant === 8 ? 'D' : 'S';
  return h.dsp.receive(service, signed, { contentType: 'application/xml' });
}

/** CV 4, the PreCommand signed with `from`'s DS key, CV 5: both answers. */
export async function critical(h: Harness, r: InProcessRequest): Promise<{ cv4: DspAnswer; cv5?: DspAnswer }> {
  const cv4 = await send(h, r, 4);
  if (cv4.responseCode !== 'I0') return { cv4 };
  const body = parseDuisResponse(cv4.body).body;
  if (body.kind !== 'ResponseMessage' || body.content?.kind !== 'PreCommand') throw new Error('expected a PreCommand');
  const ds = await h.estate.keyStore.lookup(r.from, 'DS');
  const signed = signPreCommand(body.content.gbcsPayload, ds.privateKey);
  const cv5 = await send(h, { ...r, body: { kind: 'SignedPreCommand', gbcsPayload: signed } }, 5);
  return { cv4, cv5 };
}

/** The cell statuses of the CS02b execution outcome a device response to the User carries; throws when it carries none. */
export function cs02bCellStatuses(message: ReceivedMessage): string[] {
  const payload = decodeGbcsMessage(gbcsPayloadOf(message)).payload;
  if (payload.useCase !== 'CS02b' || payload.direction !== 'response') throw new Error('expected a CS02b response');
  return payload.value.executionOutcome?.certificateOutcomes.map((o) => o.status) ?? [];
}

/** The device's GBCS response a delivered ResponseMessage carries; throws for anything else. */
export function gbcsPayloadOf(message: ReceivedMessage): Buffer {
  const body = message.response?.body;
  const content = body?.kind === 'ResponseMessage' ? body.content : undefined;
  if (content?.kind !== 'GBCSPayload') throw new Error('expected the device response');
  return content.gbcsPayload;
}
