import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { HarnessError } from '../core/errors.ts';
import type { UserRole } from '../core/roles.ts';
import { acknowledgement, preCommandResponse, type RequestBody, type ServiceRequestInput } from '../duis/index.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { decodePreCommand } from '../gbcs/GroupingHeader.ts';
import { wrapWithMac } from '../gbcs/mac.ts';
import { buildCommand, buildPreCommand } from '../gbcs/message.ts';
import type { GbcsSigning } from '../gbcs/GbcsSigning.ts';
import type { DeviceRecord } from '../inventory/DeviceRecord.ts';
import type { InventoryData } from '../inventory/InventoryData.ts';
import type { KeyStore } from '../keystore/index.ts';
import { fuelOf } from '../rdp/mpxn.ts';
import { dccParty, planDccCommand } from './dccCommands.ts';
import type { Exchange } from './DeviceExchange.ts';
import { type Accepted, type Dispatched, refusal, refusalOf } from './Dispatched.ts';
import type { DspState } from './DspState.ts';
import type { DeviceCredentials, S1spGateway } from './ports.ts';
import { buildCriticalPreCommand } from './preCommands.ts';
import { FUEL_OF_ROLE } from './requestTargets.ts';

export interface DeviceServiceOptions {
  readonly keyStore: KeyStore;
  readonly parties: PartyDirectory;
  readonly state: DspState;
  readonly inventory: InventoryData;
  readonly deviceCredentials?: DeviceCredentials;
  readonly s1spGateway?: S1spGateway;
  /** Written as the PreCommand's GBCSVersion. */
  readonly gbcsVersion: string;
  /** Signs a request with the DSP's XML-signing key, for the S1SP. */
  readonly countersign: (request: ServiceRequestInput) => Promise<string>;
  /** How the DCC signs the commands it originates (6.21, 6.23): the estate's in-process seals (decision 0013), else ECDSA. */
  readonly gbcsSigning?: GbcsSigning;
}

/**
 * Device Service Requests after the SRPD pipeline:
 * - CV 4 (critical, serviceT): build the Pre-Command → I0 PreCommand; remember it as pending;
 * - CV 5 (critical, serviceS): take the pending Pre-Command back, signed; add the ACB MAC (SMETS2)
 *   or pass it to the S1SP (SMETS1) → I99; the device's answer follows through the outbox;
 * - CV 1 (non-critical, serviceS): the DCC builds, signs and MACs the command itself (6.21, 6.23,
 *   6.24.1), or passes the request to the S1SP → I99.
 * A SMETS1 device with no S1SP configured is answered E20 at once. Nothing changes until `commit`.
 */
export async function dispatchDevice(a: Accepted, o: DeviceServiceOptions): Promise<Dispatched> {
  const { requestId, srv, commandVariant } = a.header;
  const device = o.inventory.get(requestId.target);
  if (device === undefined) return refusal('E19', `device ${requestId.target} is not in the Smart Metering Inventory`);
  if (device.smetsVersion === 'SMETS1' && o.s1spGateway === undefined) {
    return refusal('E20', `device ${device.deviceId} is a SMETS1 device served by S1SP ${device.s1spId}, and no S1SP is connected to this DSP`);
  }
  const common = { requestId, srv, responseDateTime: a.now, schemaVersion: a.request.schemaVersion };
  const body = a.request.body;
  try {
    if (commandVariant === 4) {
      const preCommand = buildCriticalPreCommand(srv.id, requestId, body, device.deviceType);
      return {
        refused: false,
        response: preCommandResponse({ ...common, gbcsVersion: o.gbcsVersion, gbcsPayload: preCommand }),
        summary: `I0: Pre-Command for SRV ${srv.id} to ${device.deviceId}`,
        commit() {
          o.state.addPending({
            requestId,
            srv,
            deviceId: device.deviceId,
            body,
            schemaVersion: a.request.schemaVersion,
            preCommand,
            signedBytes: decodePreCommand(preCommand).signedBytes,
            issuedAt: a.now,
          });
        },
      };
    }
    if (commandVariant !== 1 && commandVariant !== 5) {
      return refusal('E12', `CommandVariant ${commandVariant} is not carried out by this DSP`);
    }
    const pending = commandVariant === 5 ? o.state.pending(requestId) : undefined;
    if (commandVariant === 5 && pending === undefined) return refusal('E12', `no Pre-Command is pending for RequestID ${requestId}`);
    const asked: RequestBody = pending?.body ?? body;
    const signed = body.kind === 'SignedPreCommand' ? body.gbcsPayload : undefined;
    const exchange = await exchangeFor(a, o, device, asked, signed);
    if ('refused' in exchange) return exchange;
    return {
      refused: false,
      response: acknowledgement(common),
      summary: `I99: SRV ${srv.id} accepted for device ${device.deviceId}`,
      commit() {
        if (pending !== undefined) o.state.takePending(requestId);
        exchange.commit?.();
      },
      exchange: exchange.exchange,
    };
  } catch (error) {
    return refusalOf(error);
  }
}

type Prepared = { readonly exchange: Exchange; readonly commit?: () => void } | Extract<Dispatched, { refused: true }>;

async function exchangeFor(
  a: Accepted,
  o: DeviceServiceOptions,
  device: DeviceRecord,
  asked: RequestBody,
  signed: Buffer | undefined,
): Promise<Prepared> {
  const { requestId, srv, commandVariant } = a.header;
  const base = { requestId, srv, user: requestId.originator, device, body: asked, schemaVersion: a.request.schemaVersion };
  if (device.smetsVersion === 'SMETS1') {
    const countersigned = await o.countersign({
      schemaVersion: a.request.schemaVersion,
      header: { requestId, commandVariant: srv.critical ? 4 : commandVariant, srv },
      body: asked,
    });
    const userRole = roleFor(a, device);
    const request = {
      s1spId: device.s1spId ?? '',
      deviceId: device.deviceId,
      requestId,
      srv,
      commandVariant,
      body: asked,
      countersigned,
      ...(userRole && { userRole }),
      ...(signed && { signedPreCommand: signed }),
    };
    return { exchange: { ...base, route: { via: 's1sp', gateway: o.s1spGateway!, request } } };
  }
  const keys = await macKeys(o, device.deviceId);
  if ('refused' in keys) return keys;
  if (signed !== undefined) {
    return { exchange: { ...base, route: { via: 'csp', command: wrapWithMac(signed, keys.acbKa, keys.deviceKa) } } };
  }
  const plan = await withKeys(device.deviceId, () => planDccCommand(srv.id, asked, o.keyStore, o.parties));
  if ('refused' in plan) return plan;
  const counter = o.state.nextDccCounter(plan.originator, a.now);
  const preCommand = buildPreCommand({
    originatorCounter: counter,
    originator: plan.originator,
    recipient: device.deviceId,
    payload: plan.payload(counter),
  });
  const command = buildCommand(preCommand, {
    ...(plan.signer && { signer: plan.signer }),
    ...(o.gbcsSigning && { signing: o.gbcsSigning }),
    macPrivateKey: keys.acbKa,
    macPublicKey: keys.deviceKa,
  });
  return {
    exchange: { ...base, route: { via: 'csp', command } },
    commit() {
      o.state.useDccCounter(plan.originator, counter);
    },
  };
}

/** The role the User acts in: one that may send the SRV, preferably fitting the device's fuel. */
function roleFor(a: Accepted, device: DeviceRecord): UserRole | undefined {
  const eligible = a.user.roles.filter((r) => a.header.srv.isEligible(r));
  const fuel = device.importMpxn && fuelOf(device.importMpxn);
  return eligible.find((r) => FUEL_OF_ROLE[r] === fuel) ?? eligible[0];
}

/** The ACB's KA private key and the device's KA public key: every command carries their MAC. */
async function macKeys(o: DeviceServiceOptions, deviceId: Eui) {
  return withKeys(deviceId, async () => {
    const acbKa = (await o.keyStore.lookup(dccParty(o.parties, 'accessControlBroker'), 'KA')).privateKey;
    const deviceKa: KeyObject = o.deviceCredentials
      ? await o.deviceCredentials.kaCertificate(deviceId)
      : (await o.keyStore.lookup(deviceId, 'KA')).publicKey;
    return { acbKa, deviceKa };
  });
}

/**
 * Key material the DSP lacks means it cannot secure the command, so it cannot communicate with
 * the device: E20, with what is missing.
 */
async function withKeys<T>(deviceId: Eui, get: () => Promise<T>): Promise<T | Extract<Dispatched, { refused: true }>> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof HarnessError && error.responseCode === 'E12') throw error;
    const why = error instanceof Error ? error.message : String(error);
    return refusal('E20', `the DSP cannot secure a command for device ${deviceId}: ${why}`) as Extract<Dispatched, { refused: true }>;
  }
}
