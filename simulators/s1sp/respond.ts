import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { Journal, JournalInput } from '../core/Journal.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { ParsedServiceRequest } from '../duis/index.ts';
import { type DuisSigningCredential, signDuis } from '../xmldsig/signDuis.ts';
import { buildSmets1Response } from './buildSmets1Response.ts';
import type { HeldCertificate } from './CertificatePool.ts';
import type { CountersignatureCheck, CountersignedRequest } from './countersignature.ts';
import { type DecisionContext, decideRequest } from './decideRequest.ts';
import type { Smets1DebugContent, SmetsDataContent } from './mmcContent.ts';
import { contentsOf, type S1Device } from './S1Device.ts';
import type { S1spOutcome, S1spRefusalCode, S1spResponse, SlotChange } from './S1spOutcome.ts';
import { SLOT_SPECS } from './slots.ts';

/** Why slots changed, for the journal: a request, or the corrective job. */
export interface ChangeCause {
  readonly requestId?: RequestId;
  readonly srv?: string;
  /** e.g. `SRV 6.15.1` or `MP107 R2 correction`. */
  readonly what: string;
}

export interface AnswerContext extends DecisionContext {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly signingKey: DuisSigningCredential;
  readonly smets1ErrorCodes: Readonly<Record<S1spRefusalCode, number>>;
  readonly responseCodes: Readonly<Record<S1spRefusalCode, DuisResponseCode>>;
  /** Makes the changes and journals each one. */
  readonly apply: (changes: readonly SlotChange[], cause: ChangeCause) => void;
}

/** Decides a countersigned request, applies what it accepts, and builds the outcome and signed response. */
export function answer(
  request: CountersignedRequest,
  checked: CountersignatureCheck,
  lookup: (deviceId: Eui) => S1Device | undefined,
  ctx: AnswerContext,
): S1spOutcome {
  const role = request.userRole === undefined ? {} : { userRole: request.userRole };
  const journal = (entry: Omit<JournalInput, 'at' | 'via'>) =>
    ctx.journal.append({ at: ctx.clock.now(), via: 'S1SP', ...entry });
  if (!checked.ok) {
    const responseCode = ctx.responseCodes[checked.code];
    const summary = `${checked.code}: ${checked.reasons.map((r) => r.message).join('; ')}`;
    journal({ from: 'DSP', to: ctx.s1spId, kind: 'refusal', summary, responseCode, payload: request.xml });
    const { code, reasons } = checked;
    return { s1sp: ctx.s1spId, ok: false, code, reasons, changes: [], responseCode, ...role };
  }
  const parsed = checked.request;
  const { requestId, srv } = parsed.header;
  const ids = { requestId: requestId.toString(), deviceId: requestId.target.toString(), srv: srv.id };
  const who = `${ctx.describe(requestId.originator)}${request.userRole ? ` (${request.userRole})` : ''}`;
  const asked = `SRV ${srv.id} for ${requestId.target} from ${who}`;
  journal({ from: 'DSP', to: ctx.s1spId, kind: 'request', summary: asked, ...ids, payload: request.xml });

  const device = lookup(requestId.target);
  const decision = decideRequest(parsed, device, ctx);
  const common = {
    s1sp: ctx.s1spId,
    requestId,
    srv: srv.id,
    deviceId: requestId.target,
    sender: requestId.originator,
    ...role,
  };
  if (decision.ok) {
    const { kind, changes } = decision;
    ctx.apply(changes, { requestId, srv: srv.id, what: `SRV ${srv.id}` });
    const response = respond(parsed, decision.smetsData, undefined, ctx);
    const what = kind === 'credentials-read' ? 'slots read' : `${changes.length} slot(s) replaced`;
    const summary = `SRV ${srv.id} accepted: ${what}`;
    journal({ from: ctx.s1spId, to: 'DSP', kind: 'response', summary, ...ids, responseCode: 'I0', payload: response.xml });
    const slots = contentsOf(device!);
    return { ...common, ok: true, kind, reasons: [], changes, slots, response, responseCode: 'I0' };
  }
  const { code, reasons } = decision;
  const message = reasons.map((r) => r.message).join('; ');
  const debug = { responseCode: ctx.smets1ErrorCodes[code], error: message };
  const response = respond(parsed, decision.smetsData, debug, ctx);
  const responseCode = ctx.responseCodes[code];
  const summary = `SRV ${srv.id} refused (${code}): ${message}`;
  journal({ from: ctx.s1spId, to: 'DSP', kind: 'refusal', summary, ...ids, responseCode, payload: response.xml });
  return { ...common, ok: false, code, reasons, changes: [], response, responseCode };
}

function respond(
  request: ParsedServiceRequest,
  smetsData: SmetsDataContent | undefined,
  debug: Smets1DebugContent | undefined,
  ctx: AnswerContext,
): S1spResponse {
  const { requestId, srv } = request.header;
  const xml = buildSmets1Response(
    {
      deviceId: requestId.target,
      userId: requestId.originator,
      counter: requestId.counter,
      serviceReferenceVariant: srv.id,
      timestamp: ctx.clock.now(),
      ...(smetsData && { smetsData }),
      ...(debug && { debug }),
    },
    { sign: (unsigned) => signDuis(unsigned, ctx.signingKey) },
  );
  return { xml, messageSuccess: smetsData?.messageSuccess ?? false };
}

/** One journal entry per slot replaced. */
export function journalSlotChange(
  journal: Journal,
  s1spId: string,
  at: Date,
  change: SlotChange,
  cause: ChangeCause,
): void {
  const held = (c: HeldCertificate) => `${c.owner} (serial ${c.serial})`;
  const slot = `${SLOT_SPECS[change.slot].label} of ${change.deviceId}`;
  journal.append({
    at,
    via: 'S1SP',
    from: s1spId,
    to: change.deviceId.toString(),
    kind: 'slot-replacement',
    summary: `${cause.what}: ${slot}: ${change.before ? held(change.before) : 'empty'} → ${held(change.after)}`,
    deviceId: change.deviceId.toString(),
    ...(cause.requestId && { requestId: cause.requestId.toString() }),
    ...(cause.srv && { srv: cause.srv }),
  });
}
