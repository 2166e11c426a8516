import { SIGNED_PRE_COMMAND_VARIANTS } from '../../duis/index.ts';
import { decodeGroupingHeader } from '../../gbcs/GroupingHeader.ts';
import { describeUser, PASS, type Rule, type RuleContext, refuse } from './Rule.ts';

/**
 * `counter-increases`: the RequestID counter is strictly greater than the last one accepted from
 * this originator (replay protection). A Signed Pre-Command (CV 5) carries the RequestID of its
 * CV 4 request instead, and is accepted only while that Pre-Command is pending: once sent, a
 * second CV 5 with the same RequestID is a replay.
 *
 * **[assumed]** DUIS lists no response code for a replayed counter in the project's sources; the
 * harness answers E12 (invalid request), which a rule set may change with `responseCodes`.
 */
export const counterIncreases: Rule = (ctx) => {
  const { requestId, commandVariant } = ctx.header;
  const last = ctx.state.lastCounter(requestId.originator);
  const who = describeUser(ctx, requestId.originator);
  const lastText = last === undefined ? 'none has been accepted yet' : `the last accepted is ${last}`;
  if (SIGNED_PRE_COMMAND_VARIANTS.includes(commandVariant)) {
    if (ctx.state.pending(requestId) !== undefined) return PASS;
    return refuse(
      'E12',
      `no Pre-Command is pending for RequestID ${requestId}: a Signed Pre-Command must answer a CV 4 Pre-Command, once (counters from ${who}: ${lastText})`,
    );
  }
  if (last === undefined || requestId.counter > last) return PASS;
  return refuse(
    'E12',
    `RequestID counter ${requestId.counter} from ${who} is not greater than the last one accepted from it, ${last}: refused as a replay`,
  );
};

/**
 * `pre-command-matches` (E12): a Signed Pre-Command is the Pre-Command the DSP issued for that
 * RequestID, plus a signature. The DSP does not verify the signature – the device does – but it
 * refuses bytes it did not issue.
 */
export const preCommandMatches: Rule = (ctx) => {
  const body = ctx.request?.body;
  const pending = ctx.state.pending(ctx.header.requestId);
  if (body?.kind !== 'SignedPreCommand' || pending === undefined) return PASS;
  if (pending.srv.id !== ctx.header.srv.id) {
    return refuse(
      'E12',
      `the Pre-Command for RequestID ${ctx.header.requestId} was issued for SRV ${pending.srv.id}, not ${ctx.header.srv.id}`,
    );
  }
  return checkSignedBytes(ctx, body.gbcsPayload, pending.signedBytes);
};

function checkSignedBytes(ctx: RuleContext, payload: Buffer, issued: Buffer) {
  const id = ctx.header.requestId;
  let header;
  try {
    header = decodeGroupingHeader(payload);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refuse('E12', `the Signed Pre-Command for RequestID ${id} is not a GBCS grouping header: ${why}`);
  }
  if (!Buffer.isBuffer(header.signature)) {
    return refuse(
      'E12',
      `the Signed Pre-Command for RequestID ${id} carries no signature: sign the Pre-Command with the User's DS key`,
    );
  }
  if (header.signedBytes.equals(issued)) return PASS;
  const at = firstDifference(header.signedBytes, issued);
  return refuse(
    'E12',
    `the Signed Pre-Command for RequestID ${id} is not the Pre-Command the DSP issued: the signed bytes differ from offset ${at + 1} (of ${issued.length} issued, ${header.signedBytes.length} received)`,
  );
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}
