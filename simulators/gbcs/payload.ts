import {
  type Cs02aRequest,
  type Cs02aResponse,
  decodeCs02aRequest,
  decodeCs02aResponse,
  encodeCs02aRequest,
  encodeCs02aResponse,
} from './cs02a.ts';
import { type Cs02bCommand, decodeCs02bCommand, encodeCs02bCommand } from './cs02bCommand.ts';
import { type Cs02bResponse, decodeCs02bResponse, encodeCs02bResponse } from './cs02bResponse.ts';
import {
  type Cs02cRequest,
  type Cs02cResponse,
  decodeCs02cRequest,
  decodeCs02cResponse,
  encodeCs02cRequest,
  encodeCs02cResponse,
} from './cs02c.ts';
import {
  type Cs02dCommand,
  type Cs02dResponse,
  decodeCs02dCommand,
  decodeCs02dResponse,
  encodeCs02dCommand,
  encodeCs02dResponse,
} from './cs02d.ts';
import {
  type Cs02eRequest,
  type Cs02eResponse,
  decodeCs02eRequest,
  decodeCs02eResponse,
  encodeCs02eRequest,
  encodeCs02eResponse,
} from './cs02e.ts';
import {
  type DlmsAccessRequest,
  type DlmsAccessResponse,
  decodeAccessRequest,
  decodeAccessResponse,
  encodeAccessRequest,
  encodeAccessResponse,
} from './dlmsAccess.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import type { GroupingHeader } from './GroupingHeader.ts';
import {
  decodeGcs28Request,
  decodeGcs28Response,
  encodeGcs28Request,
  encodeGcs28Response,
  type Gcs28Request,
  type Gcs28Response,
} from './gcs28.ts';
import { formatMessageCode, messageCodeFor, messageCodeInfo } from './messageCodes.ts';

/** A decoded use-case payload; `direction` is the CRA flag of the message that carries it. */
export type GbcsPayload =
  | { readonly useCase: 'CS02a'; readonly direction: 'command'; readonly value: Cs02aRequest }
  | { readonly useCase: 'CS02a'; readonly direction: 'response'; readonly value: Cs02aResponse }
  | { readonly useCase: 'CS02b'; readonly direction: 'command'; readonly value: Cs02bCommand }
  | { readonly useCase: 'CS02b'; readonly direction: 'response'; readonly value: Cs02bResponse }
  | { readonly useCase: 'CS02c'; readonly direction: 'command'; readonly value: Cs02cRequest }
  | { readonly useCase: 'CS02c'; readonly direction: 'response'; readonly value: Cs02cResponse }
  | { readonly useCase: 'CS02d'; readonly direction: 'command'; readonly value: Cs02dCommand }
  | { readonly useCase: 'CS02d'; readonly direction: 'response'; readonly value: Cs02dResponse }
  | { readonly useCase: 'CS02e'; readonly direction: 'command'; readonly value: Cs02eRequest }
  | { readonly useCase: 'CS02e'; readonly direction: 'response'; readonly value: Cs02eResponse }
  | { readonly useCase: 'ECS70'; readonly direction: 'command'; readonly value: DlmsAccessRequest }
  | { readonly useCase: 'ECS70'; readonly direction: 'response'; readonly value: DlmsAccessResponse }
  | { readonly useCase: 'GCS28'; readonly direction: 'command'; readonly value: Gcs28Request }
  | { readonly useCase: 'GCS28'; readonly direction: 'response'; readonly value: Gcs28Response };

type PayloadSource = Pick<GroupingHeader, 'messageCode' | 'craFlag' | 'content' | 'contentOffset'>;

/**
 * Payloads decoded, by the header they came from: a frame's header is decoded once (oncePerFrame)
 * and its payload is read by the device, the DSP and the tracker alike. A hit needs the same
 * message code, CRA flag, offset and content bytes (the content is a view: its frame may have been
 * changed in place since).
 */
const DECODED = new WeakMap<PayloadSource, { readonly source: Omit<PayloadSource, 'content'>; readonly content: Buffer; readonly payload: GbcsPayload }>();

/** Decodes the content of a grouping header by its message code and CRA flag; a header's payload is decoded once. */
export function decodePayload(header: PayloadSource): GbcsPayload {
  const hit = DECODED.get(header);
  if (
    hit !== undefined &&
    hit.source.messageCode === header.messageCode &&
    hit.source.craFlag === header.craFlag &&
    hit.source.contentOffset === header.contentOffset &&
    hit.content.equals(header.content)
  ) {
    return hit.payload;
  }
  const payload = readPayload(header);
  const { messageCode, craFlag, contentOffset } = header;
  DECODED.set(header, { source: { messageCode, craFlag, contentOffset }, content: Buffer.from(header.content), payload });
  return payload;
}

function readPayload(header: PayloadSource): GbcsPayload {
  const at = header.contentOffset;
  const info = messageCodeInfo(header.messageCode, at);
  if (header.craFlag === 'alert') {
    throw new GbcsDecodeError(
      'CRA flag',
      at,
      `a command or response for ${info.useCase} (alerts have no payload codec)`,
      'alert',
    );
  }
  const c = header.content;
  const command = header.craFlag === 'command';
  let payload: GbcsPayload;
  switch (info.useCase) {
    case 'CS02a':
      payload = command
        ? { useCase: 'CS02a', direction: 'command', value: decodeCs02aRequest(c, at) }
        : { useCase: 'CS02a', direction: 'response', value: decodeCs02aResponse(c, at) };
      break;
    case 'CS02b':
      payload = command
        ? { useCase: 'CS02b', direction: 'command', value: decodeCs02bCommand(c, at) }
        : { useCase: 'CS02b', direction: 'response', value: decodeCs02bResponse(c, at) };
      break;
    case 'CS02c':
      payload = command
        ? { useCase: 'CS02c', direction: 'command', value: decodeCs02cRequest(c, at) }
        : { useCase: 'CS02c', direction: 'response', value: decodeCs02cResponse(c, at) };
      break;
    case 'CS02d':
      payload = command
        ? { useCase: 'CS02d', direction: 'command', value: decodeCs02dCommand(c, at) }
        : { useCase: 'CS02d', direction: 'response', value: decodeCs02dResponse(c, at) };
      break;
    case 'CS02e':
      payload = command
        ? { useCase: 'CS02e', direction: 'command', value: decodeCs02eRequest(c, at) }
        : { useCase: 'CS02e', direction: 'response', value: decodeCs02eResponse(c, at) };
      break;
    case 'ECS70':
      payload = command
        ? { useCase: 'ECS70', direction: 'command', value: decodeAccessRequest(c, at) }
        : { useCase: 'ECS70', direction: 'response', value: decodeAccessResponse(c, at) };
      break;
    case 'GCS28':
      payload = command
        ? { useCase: 'GCS28', direction: 'command', value: decodeGcs28Request(c, at) }
        : { useCase: 'GCS28', direction: 'response', value: decodeGcs28Response(c, at) };
      break;
  }
  const mode = cs02bMode(payload);
  if (mode !== undefined && mode !== info.replacementMode) {
    throw new GbcsDecodeError(
      'credentialsReplacementMode',
      at,
      `${info.replacementMode} (message code ${formatMessageCode(info.code)})`,
      mode,
    );
  }
  return payload;
}

function cs02bMode(p: GbcsPayload): string | undefined {
  if (p.useCase !== 'CS02b') return undefined;
  return p.direction === 'command'
    ? p.value.control.credentialsReplacementMode
    : p.value.executionOutcome?.credentialsReplacementMode;
}

/** The message code that carries this payload (CS02b: 0x0100 + its replacement mode). */
export function messageCodeOfPayload(p: GbcsPayload): number {
  if (p.useCase === 'CS02b') {
    const mode = cs02bMode(p);
    if (mode === undefined)
      throw new RangeError(
        'messageCodeOfPayload: a CS02b response without an execution outcome does not say its mode',
      );
    return messageCodeFor(
      'CS02b',
      p.direction === 'command'
        ? p.value.control.credentialsReplacementMode
        : p.value.executionOutcome!.credentialsReplacementMode,
    );
  }
  return messageCodeFor(p.useCase);
}

export function encodePayload(p: GbcsPayload): Buffer {
  switch (p.useCase) {
    case 'CS02a':
      return p.direction === 'command' ? encodeCs02aRequest(p.value) : encodeCs02aResponse(p.value);
    case 'CS02b':
      return p.direction === 'command' ? encodeCs02bCommand(p.value) : encodeCs02bResponse(p.value);
    case 'CS02c':
      return p.direction === 'command' ? encodeCs02cRequest(p.value) : encodeCs02cResponse(p.value);
    case 'CS02d':
      return p.direction === 'command' ? encodeCs02dCommand(p.value) : encodeCs02dResponse(p.value);
    case 'CS02e':
      return p.direction === 'command' ? encodeCs02eRequest(p.value) : encodeCs02eResponse(p.value);
    case 'ECS70':
      return p.direction === 'command' ? encodeAccessRequest(p.value) : encodeAccessResponse(p.value);
    case 'GCS28':
      return p.direction === 'command' ? encodeGcs28Request(p.value) : encodeGcs28Response(p.value);
  }
}
