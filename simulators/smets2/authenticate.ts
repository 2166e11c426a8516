import { REMOTE_PARTY_ROLES } from '../core/roles.ts';
import type { Reason } from '../core/verdict.ts';
import {
  decodeCommandWrapper,
  decodeGroupingHeader,
  decodePayload,
  GbcsDecodeError,
  type GbcsPayload,
  type GroupingHeader,
  verifyGroupingHeaderSignature,
  verifyMac,
  type WrappedMessage,
} from '../gbcs/index.ts';
import type { ActiveDevice } from './ActiveDevice.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { EMPTY_ENTITY_ID } from './CertificateTable.ts';
import { cellAt } from './cells.ts';
import { type SecurityRequirement, securityFor } from './commandSecurity.ts';
import { hasCell } from './deviceTypes.ts';

export type Authentication =
  | {
      readonly ok: true;
      readonly header: GroupingHeader;
      readonly requirement: SecurityRequirement;
      readonly payload: GbcsPayload;
      /** Remote party role number whose counter the command moves. */
      readonly roleNumber: number;
    }
  | {
      readonly ok: false;
      /** `dropped`: silently discarded; `refused`: discarded with an authentication/authority alert. */
      readonly status: 'dropped' | 'refused';
      readonly alertCode?: number;
      readonly reasons: readonly Reason[];
      readonly header?: GroupingHeader;
    };

/**
 * The checks a device makes before it acts, in this order [GBCS 6.2.4 as the harness reads it]:
 * 1. framing (DD wrapper / DF grouping header) – malformed: dropped, alert 0x8F1E, no response (the
 *    device cannot trust the counter or the originator of bytes it cannot parse, so it does not answer);
 * 2. addressed to this device – otherwise dropped silently;
 * 3. a command the device type supports – otherwise dropped, 0x8F1E;
 * 4. authority: the authorising cell exists, is filled, and its certificate's Entity ID is the
 *    originator (skipped for a CA certificate in the root cell, which has none) – otherwise 0x8F30;
 * 5. MAC (ACB KA cell × device KA) and signature (authorising cell's key) – otherwise 0x8F3D;
 * 6. anti-replay: counter above the last one accepted from that role – otherwise dropped silently
 *    (a replay of a genuine command is not an attack on authentication; no alert [assumed]);
 * 7. payload format – otherwise dropped, 0x8F1E; CS02b control consistency (TA cell, seq number).
 * Nothing in the device changes before all of them pass.
 */
export function authenticate(device: ActiveDevice, bytes: Buffer): Authentication {
  let header: GroupingHeader;
  let wrapped: WrappedMessage | undefined;
  try {
    if (bytes[0] === 0xdd) {
      wrapped = decodeCommandWrapper(bytes);
      header = wrapped.header;
    } else header = decodeGroupingHeader(bytes);
  } catch (error) {
    if (!(error instanceof GbcsDecodeError)) throw error;
    return drop('malformed-frame', error.message, ALERT_CODES.commandIntegrityFailure);
  }
  if (!header.recipient.equals(device.eui))
    return drop('not-for-this-device', `addressed to ${header.recipient}, not ${device.eui}`);
  if (header.craFlag !== 'command')
    return drop('not-a-command', `CRA flag ${header.craFlag}`, ALERT_CODES.commandIntegrityFailure, header);
  const requirement = securityFor(header.messageCode, device.type);
  if (requirement === undefined) {
    const code = `0x${header.messageCode.toString(16).padStart(4, '0')}`;
    return drop(
      'unsupported-command',
      `${device.type} does not act on message code ${code}`,
      ALERT_CODES.commandIntegrityFailure,
      header,
    );
  }
  const cell = cellAt(requirement.authorisingCell);
  const holder = hasCell(device.typeCode, requirement.authorisingCell)
    ? device.cell(requirement.authorisingCell)
    : undefined;
  if (holder === undefined)
    return refuse(
      'no-authorising-cell',
      `${device.type} has no ${cell.name} certificate to authorise ${requirement.mode ?? requirement.useCase}`,
      ALERT_CODES.noAuthority,
      header,
    );
  if (!holder.entityId.equals(EMPTY_ENTITY_ID) && !holder.entityId.equals(header.originator))
    return refuse(
      'not-the-holder',
      `${header.originator} does not hold the ${cell.name} cell (held by ${holder.entityId})`,
      ALERT_CODES.noAuthority,
      header,
    );
  const mac = checkMac(device, requirement, wrapped);
  if (mac) return refuse(mac.code, mac.message, ALERT_CODES.trustedSourceAuthenticationFailure, header);
  if (requirement.signature) {
    const verdict = verifyGroupingHeaderSignature(header, holder.publicKey, device.services.gbcsSigning);
    if (!verdict.ok)
      return {
        ok: false,
        status: 'refused',
        alertCode: ALERT_CODES.trustedSourceAuthenticationFailure,
        reasons: verdict.reasons,
        header,
      };
  }
  const roleNumber = REMOTE_PARTY_ROLES[cell.role];
  const last = device.counter(roleNumber);
  if (header.originatorCounter <= last)
    return drop(
      'replayed-counter',
      `counter ${header.originatorCounter} is not above ${last}, the last accepted from the ${cell.role}`,
      undefined,
      header,
    );
  let payload: GbcsPayload;
  try {
    payload = decodePayload(header);
  } catch (error) {
    if (!(error instanceof GbcsDecodeError)) throw error;
    return drop('malformed-payload', error.message, ALERT_CODES.commandIntegrityFailure, header);
  }
  const control = controlProblem(payload, header, cell.role);
  if (control) return refuse(control.code, control.message, control.alertCode, header);
  return { ok: true, header, requirement, payload, roleNumber };
}

function checkMac(
  device: ActiveDevice,
  requirement: SecurityRequirement,
  wrapped: WrappedMessage | undefined,
): Reason | undefined {
  if (wrapped === undefined)
    return requirement.mac === 'required'
      ? { code: 'missing-mac', message: 'the command carries no ACB MAC' }
      : undefined;
  const keys = device.macKeys();
  if (keys === undefined)
    return {
      code: 'no-mac-key',
      message: `${device.eui} cannot check the MAC: no ACB KA certificate or no KA private key`,
    };
  const verdict = verifyMac(wrapped, keys.privateKey, keys.publicKey);
  return verdict.ok ? undefined : verdict.reasons[0];
}

function controlProblem(
  payload: GbcsPayload,
  header: GroupingHeader,
  role: string,
): (Reason & { alertCode: number }) | undefined {
  if (payload.useCase !== 'CS02b' || payload.direction !== 'command') return undefined;
  const control = payload.value.control;
  const ta = control.authorisingRemotePartyTaCell;
  if (ta && ta.role !== role)
    return {
      code: 'wrong-authorising-cell',
      message: `the command names the ${ta.role} cell as authorising, the mode needs the ${role}`,
      alertCode: ALERT_CODES.noAuthority,
    };
  const seq = control.authorisingRemotePartySeqNumber;
  if (seq !== undefined && seq !== header.originatorCounter)
    return {
      code: 'seq-number-mismatch',
      message: `authorisingRemotePartySeqNumber ${seq} differs from the originator counter ${header.originatorCounter}`,
      alertCode: ALERT_CODES.commandIntegrityFailure,
    };
  return undefined;
}

function drop(code: string, message: string, alertCode?: number, header?: GroupingHeader): Authentication {
  return {
    ok: false,
    status: 'dropped',
    ...(alertCode !== undefined && { alertCode }),
    reasons: [{ code, message }],
    ...(header && { header }),
  };
}

function refuse(code: string, message: string, alertCode: number, header: GroupingHeader): Authentication {
  return {
    ok: false,
    status: 'refused',
    alertCode,
    reasons: [{ code, message }],
    header,
  };
}
