import { ownedCopy } from '../core/ownedCopy.ts';
import { REMOTE_PARTY_ROLES } from '../core/roles.ts';
import {
  buildDeviceCsr,
  type Cs02aRequest,
  type Cs02aResponse,
  type Cs02cRequest,
  type Cs02dCommand,
  type Cs02eRequest,
  encodeCs02aResponse,
  encodeCs02dResponse,
} from '../gbcs/index.ts';
import { checkDeviceCertificate } from '../smki/index.ts';
import { spkiOf } from '../smki/publicKeyCache.ts';
import type { ActiveDevice } from './ActiveDevice.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { cellAt, cellsOfRole } from './cells.ts';
import { hasCell } from './deviceTypes.ts';

/** Response content, and the generic alerts the use case raises. */
export interface UseCaseResult {
  readonly content: Buffer;
  readonly alertCodes: readonly number[];
}

/** CS02a status for a role the device type has no cell for [assumed: trustAnchorNotFound, 25]. */
const ROLE_NOT_HELD = 25;

/**
 * CS02a Provide Security Credential Details: per requested role, its cells as held (empty cells left
 * out) and its current anti-replay counter as `seqNumber` (RTDS reports 0 for the supplier and 1 for
 * the network operator, read here as the last counter accepted from each).
 */
export function provideCredentialDetails(device: ActiveDevice, request: Cs02aRequest): UseCaseResult {
  const response: Cs02aResponse = {
    remoteParties: request.remotePartyRoles.map((role) => {
      const held = cellsOfRole(role).filter((c) => hasCell(device.typeCode, c));
      return {
        remotePartyRole: role,
        status: held.length === 0 ? ROLE_NOT_HELD : 0,
        seqNumber: device.counter(REMOTE_PARTY_ROLES[role]),
        cells: held.flatMap((c) => {
          const entry = device.cell(c);
          if (entry === undefined) return [];
          const { keyUsage, cellUsage } = cellAt(c);
          return [
            {
              keyUsage,
              cellUsage,
              subjectUniqueId: entry.entityId,
              subjectKeyId: entry.keyId,
            },
          ];
        }),
      };
    }),
  };
  return { content: encodeCs02aResponse(response), alertCodes: [] };
}

/**
 * CS02c Issue Security Credentials: a new key pair of the next generation (derived from the SMKI seed,
 * EUI, usage and generation, so the same run gives the same key), held pending until CS02d certifies
 * it; the response is its PKCS#10 request.
 */
export function issueSecurityCredentials(device: ActiveDevice, request: Cs02cRequest): UseCaseResult {
  const usage = request.keyUsage;
  const extras = device.mutableExtras();
  const generation = Math.max(device.generation(usage), extras.pending?.[usage] ?? 0) + 1;
  extras.pending = { ...extras.pending, [usage]: generation };
  const material = device.services.credentials.derived(device.eui, usage, generation);
  const csr = buildDeviceCsr({
    privateKey: material.privateKey!,
    publicKey: material.publicKey,
    keyUsage: usage,
    deviceId: device.eui,
  }, device.services.gbcsSigning);
  return { content: csr, alertCodes: [] };
}

/** CS02d response codes (DCC's gbcs-parser names them). */
export const CS02D_STATUS = {
  success: 0,
  invalidCertificate: 1,
  wrongDeviceIdentity: 2,
  invalidKeyUsage: 3,
  noCorrespondingKeyPair: 4,
  wrongPublicKey: 5,
} as const;

/**
 * CS02d Update Device Certificate: installs the certificate when it is a device certificate for this
 * device whose public key is the pending one from CS02c; then the device signs/MACs with that key.
 */
export function updateDeviceCertificate(
  device: ActiveDevice,
  command: Cs02dCommand,
  now: Date,
): UseCaseResult {
  const { summary, certificate } = command;
  const usage = summary.keyUsage;
  const pending = usage ? device.extras?.pending?.[usage] : undefined;
  const profile = checkDeviceCertificate(certificate, {
    clock: {
      now() {
        return now;
      },
    },
  });
  let status: number = CS02D_STATUS.success;
  if (!profile.ok) status = CS02D_STATUS.invalidCertificate;
  else if (!summary.deviceId?.equals(device.eui)) status = CS02D_STATUS.wrongDeviceIdentity;
  else if (usage === undefined) status = CS02D_STATUS.invalidKeyUsage;
  else if (pending === undefined) status = CS02D_STATUS.noCorrespondingKeyPair;
  else {
    const key = device.services.credentials.derived(device.eui, usage, pending).publicKey;
    if (!spkiOf(key).equals(summary.subjectPublicKeyInfo))
      status = CS02D_STATUS.wrongPublicKey;
  }
  if (status === CS02D_STATUS.success && usage && pending !== undefined) {
    const extras = device.mutableExtras();
    extras.generation = { ...extras.generation, [usage]: pending };
    extras.installed = {
      ...extras.installed,
      [usage]: ownedCopy(certificate),
    };
    const stillPending = { ...extras.pending };
    delete stillPending[usage];
    extras.pending = stillPending;
  }
  const ds = usage !== 'KA';
  const alert =
    status === CS02D_STATUS.success
      ? ds
        ? ALERT_CODES.deviceDsCertificateReplacementSucceeded
        : ALERT_CODES.deviceKaCertificateReplacementSucceeded
      : ds
        ? ALERT_CODES.deviceDsCertificateReplacementFailed
        : ALERT_CODES.deviceKaCertificateReplacementFailed;
  return { content: encodeCs02dResponse({ status }), alertCodes: [alert] };
}

/** CS02e Provide Device Certificate: the device certificate for the usage, as installed. */
export function provideDeviceCertificate(device: ActiveDevice, request: Cs02eRequest): UseCaseResult {
  return {
    content: Buffer.from(device.certificate(request.keyUsage)),
    alertCodes: [],
  };
}
