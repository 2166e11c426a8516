import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import type {
  DccAlert,
  DuisResponseInput,
  ResponseContent,
  ResponseMessageBody,
  SecurityCredentialsUpdatedAlert,
} from './DuisResponse.ts';
import type { InventoryDevice } from './inventory.ts';
import { SECURITY_CREDENTIALS_UPDATED_ALERT_CODE } from './responseCodes.ts';

/**
 * One-line constructors for the responses the DSP sends, as DuisResponseInput values for
 * buildDuisResponse. Time is always passed in (the harness's Clock), never read here.
 */

/** The SRV a response is about: a catalogue entry, or the raw header values of a request outside the catalogue. */
export type ResponseSrv =
  | Srv
  | { readonly serviceReference: string; readonly serviceReferenceVariant: string };

export function responseMessage(srv: ResponseSrv, content?: ResponseContent): ResponseMessageBody {
  const refs =
    srv instanceof Srv
      ? { serviceReference: srv.serviceReference, serviceReferenceVariant: srv.id }
      : { serviceReference: srv.serviceReference, serviceReferenceVariant: srv.serviceReferenceVariant };
  return content === undefined
    ? { kind: 'ResponseMessage', ...refs }
    : { kind: 'ResponseMessage', ...refs, content };
}

interface Common {
  readonly responseDateTime: Date;
  readonly schemaVersion?: string;
}

/**
 * I99: a request accepted for sending to the device (CV 1/5), and also the answer to a successful
 * non-device request with no data to return (8.3 Decommission, 8.4 Update Inventory, 12.2
 * Pre-notification).
 */
export function acknowledgement(a: Common & { requestId: RequestId; srv: ResponseSrv }): DuisResponseInput {
  return withVersion(a, {
    header: { requestId: a.requestId, responseCode: 'I99', responseDateTime: a.responseDateTime },
    body: responseMessage(a.srv),
  });
}

/**
 * An error answer (E-code). The schema requires a ResponseMessage with a ServiceReference and
 * variant from its enumeration, so even a refusal must name the SRV the request asked for.
 */
export function errorResponse(
  a: Common & { requestId?: RequestId; srv: ResponseSrv; responseCode: DuisResponseCode },
): DuisResponseInput {
  return withVersion(a, {
    header: {
      ...(a.requestId && { requestId: a.requestId }),
      responseCode: a.responseCode,
      responseDateTime: a.responseDateTime,
    },
    body: responseMessage(a.srv),
  });
}

/** I0 to a CV 4 transform request: the Pre-Command for the User to sign. */
export function preCommandResponse(
  a: Common & { requestId: RequestId; srv: ResponseSrv; gbcsVersion: string; gbcsPayload: Buffer },
): DuisResponseInput {
  return withVersion(a, {
    header: { requestId: a.requestId, responseCode: 'I0', responseDateTime: a.responseDateTime },
    body: responseMessage(a.srv, {
      kind: 'PreCommand',
      gbcsVersion: a.gbcsVersion,
      gbcsPayload: a.gbcsPayload,
    }),
  });
}

/**
 * The device's answer, POSTed to the User later: ResponseID = device:originator:counter (the
 * request's originator and target swapped, same counter) unless given.
 */
export function deviceResponse(
  a: Common & {
    requestId: RequestId;
    responseId?: RequestId;
    srv: ResponseSrv;
    gbcsPayload: Buffer;
    responseCode?: DuisResponseCode;
  },
): DuisResponseInput {
  return withVersion(a, {
    header: {
      requestId: a.requestId,
      responseId: a.responseId ?? swappedRequestId(a.requestId),
      responseCode: a.responseCode ?? 'I0',
      responseDateTime: a.responseDateTime,
    },
    body: responseMessage(a.srv, { kind: 'GBCSPayload', gbcsPayload: a.gbcsPayload }),
  });
}

/** I0 to 8.2 Read Inventory with 1 to 17 devices. */
export function inventoryResponse(
  a: Common & { requestId: RequestId; devices: readonly InventoryDevice[] },
): DuisResponseInput {
  return withVersion(a, {
    header: { requestId: a.requestId, responseCode: 'I0', responseDateTime: a.responseDateTime },
    body: responseMessage(Srv.parse('8.2'), { kind: 'DSPInventory', devices: a.devices }),
  });
}

/** A device alert (e.g. 8F70 update security credentials) forwarded to the User. */
export function deviceAlert(
  a: Common & { alertCode: string; gbcsPayload: Buffer; responseId?: RequestId; requestId?: RequestId },
): DuisResponseInput {
  return withVersion(a, {
    header: {
      ...(a.requestId && { requestId: a.requestId }),
      ...(a.responseId && { responseId: a.responseId }),
      responseCode: 'I0',
      responseDateTime: a.responseDateTime,
    },
    body: { kind: 'DeviceAlertMessage', alertCode: a.alertCode, gbcsPayload: a.gbcsPayload },
  });
}

/** A DCC alert to a User. */
export function dccAlert(
  a: Common & { dccAlertCode: string; alert: DccAlert; responseId?: RequestId; requestId?: RequestId },
): DuisResponseInput {
  return withVersion(a, {
    header: {
      ...(a.requestId && { requestId: a.requestId }),
      ...(a.responseId && { responseId: a.responseId }),
      responseCode: 'I0',
      responseDateTime: a.responseDateTime,
    },
    body: { kind: 'DCCAlertMessage', dccAlertCode: a.dccAlertCode, alert: a.alert },
  });
}

/** The DCC alert telling a User that certificates on a device were replaced (code default N42, [assumed]). */
export function securityCredentialsUpdatedAlert(
  a: Common & {
    deviceId: Eui;
    remotePartyRole: SecurityCredentialsUpdatedAlert['remotePartyRole'];
    certificates: SecurityCredentialsUpdatedAlert['certificates'];
    remotePartySeqNumberChange?: SecurityCredentialsUpdatedAlert['remotePartySeqNumberChange'];
    dccAlertCode?: string;
    responseId?: RequestId;
  },
): DuisResponseInput {
  const alert: SecurityCredentialsUpdatedAlert = {
    kind: 'SecurityCredentialsUpdated',
    deviceId: a.deviceId,
    remotePartyRole: a.remotePartyRole,
    ...(a.remotePartySeqNumberChange && { remotePartySeqNumberChange: a.remotePartySeqNumberChange }),
    certificates: a.certificates,
  };
  return dccAlert({ ...a, dccAlertCode: a.dccAlertCode ?? SECURITY_CREDENTIALS_UPDATED_ALERT_CODE, alert });
}

/** device:originator:counter for a request originator:device:counter. */
export function swappedRequestId(id: RequestId): RequestId {
  return RequestId.of(id.target, id.originator, id.counter);
}

function withVersion(a: Common, r: Omit<DuisResponseInput, 'schemaVersion'>): DuisResponseInput {
  return a.schemaVersion === undefined ? r : { schemaVersion: a.schemaVersion, ...r };
}
