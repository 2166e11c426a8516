import type { Reason } from '../core/verdict.ts';
import type { ParsedServiceRequest } from '../duis/index.ts';
import type { SmetsDataContent } from './mmcContent.ts';
import { readCredentials } from './readCredentials.ts';
import type { S1Device } from './S1Device.ts';
import type { S1spRefusalCode, SlotChange } from './S1spOutcome.ts';
import type { S1DeviceTypeSpec } from './slots.ts';
import { decideUpdate, type ExecutionOutcomeContent, type UpdateContext } from './updateCredentials.ts';

/** SRVs about a device's own credentials: SMETS1 meters have no device certificates. */
export const DEVICE_CREDENTIAL_SRVS: readonly string[] = ['6.15.2', '6.17', '6.24.2'];

/** What the S1SP will do with a request it has authenticated: pure, nothing changes here. */
export type RequestDecision =
  | {
      readonly ok: true;
      readonly kind: 'credentials-updated' | 'credentials-read';
      readonly changes: readonly SlotChange[];
      readonly smetsData: SmetsDataContent;
    }
  | {
      readonly ok: false;
      readonly code: S1spRefusalCode;
      readonly reasons: readonly Reason[];
      readonly smetsData?: SmetsDataContent;
    };

export interface DecisionContext extends Omit<UpdateContext, 'deviceSlots'> {
  readonly s1spId: string;
  readonly typeSpec: (deviceType: string) => S1DeviceTypeSpec;
}

export function decideRequest(
  request: ParsedServiceRequest,
  device: S1Device | undefined,
  ctx: DecisionContext,
): RequestDecision {
  const { srv, requestId } = request.header;
  if (device === undefined) {
    const message = `device ${requestId.target} is not enrolled at ${ctx.s1spId}`;
    return refuse('unknown-device', message, failedSmetsData(srv.id));
  }
  if (DEVICE_CREDENTIAL_SRVS.includes(srv.id)) {
    const message = `SRV ${srv.id} (${srv.name}) is not applicable to SMETS1: device ${device.deviceId} holds no device certificates`;
    return refuse('not-applicable-to-smets1', message);
  }
  const body = request.body;
  const deviceSlots = ctx.typeSpec(device.deviceType).slots;
  if (srv.id === '6.15.1' && body.kind === 'UpdateSecurityCredentialsKRP') {
    const decision = decideUpdate(device, requestId.originator, body, { ...ctx, deviceSlots });
    if (!decision.ok) {
      const smetsData = failedSmetsData(srv.id, decision.executionOutcome);
      return { ok: false, code: decision.code, reasons: decision.reasons, ...(smetsData && { smetsData }) };
    }
    return {
      ok: true,
      kind: 'credentials-updated',
      changes: decision.changes,
      smetsData: { kind: 'UpdateSecurityCredentialsKRPRsp', messageSuccess: true, executionOutcome: decision.executionOutcome },
    };
  }
  if (srv.id === '6.24.1' && body.kind === 'RetrieveDeviceSecurityCredentialsKRP') {
    const remotePartyDetails = readCredentials(device, deviceSlots, body.remotePartyRoles);
    return {
      ok: true,
      kind: 'credentials-read',
      changes: [],
      smetsData: { kind: 'RetrieveDeviceSecurityCredentialsKRPRsp', messageSuccess: true, remotePartyDetails },
    };
  }
  const why =
    body.kind === 'SignedPreCommand'
      ? `the S1SP needs the body of SRV ${srv.id}, not a signed pre-command (CV ${request.header.commandVariant})`
      : `SRV ${srv.id} (${srv.name}) is not handled by the S1SP simulator (only 6.15.1 and 6.24.1 are)`;
  return refuse('srv-not-supported', why, failedSmetsData(srv.id));
}

/** The SRV's response element with MessageSuccess false, where the S1SP models one. */
function failedSmetsData(srvId: string, executionOutcome?: ExecutionOutcomeContent): SmetsDataContent | undefined {
  if (srvId === '6.15.1') {
    return {
      kind: 'UpdateSecurityCredentialsKRPRsp',
      messageSuccess: false,
      ...(executionOutcome && { executionOutcome }),
    };
  }
  if (srvId === '6.24.1') {
    return { kind: 'RetrieveDeviceSecurityCredentialsKRPRsp', messageSuccess: false, remotePartyDetails: [] };
  }
  return undefined;
}

function refuse(code: S1spRefusalCode, message: string, smetsData?: SmetsDataContent): RequestDecision {
  return { ok: false, code, reasons: [{ code, message }], ...(smetsData && { smetsData }) };
}
