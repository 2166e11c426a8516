import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import { RequestId } from '../core/RequestId.ts';
import type { Srv } from '../core/Srv.ts';
import {
  deviceAlert,
  deviceResponse,
  errorResponse,
  type RequestBody,
  securityCredentialsUpdatedAlert,
} from '../duis/index.ts';
import { decodeGroupingHeader } from '../gbcs/GroupingHeader.ts';
import type { DeviceRecord } from '../inventory/DeviceRecord.ts';
import type { InventoryData } from '../inventory/InventoryData.ts';
import type { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import type { RegistrationData } from '../rdp/RegistrationData.ts';
import { commissioningOutcome } from './commissioningOutcome.ts';
import { alertRecipients, credentialsUpdate } from './credentialsUpdated.ts';
import type {
  DeliveryKind,
  DeviceAlert,
  DeviceGateway,
  DeviceOutcome,
  S1spGateway,
  S1spRequest,
  Smets1Outcome,
} from './ports.ts';
import type { Responder } from './Responder.ts';
import { smets1ResponseXml } from './smets1Response.ts';

/** A command the DSP accepted (I99) and now carries to the device, and whom to tell the outcome. */
export interface Exchange {
  readonly requestId: RequestId;
  readonly srv: Srv;
  readonly user: Eui;
  readonly device: DeviceRecord;
  /** What the User asked for (for CV 5 the CV 4 body). */
  readonly body: RequestBody;
  readonly schemaVersion: string;
  readonly route:
    | { readonly via: 'csp'; readonly command: Buffer }
    | { readonly via: 's1sp'; readonly gateway: S1spGateway; readonly request: S1spRequest };
}

export interface DeviceExchangeOptions {
  readonly journal: Journal;
  readonly responder: Responder;
  readonly deviceGateway: DeviceGateway;
  readonly registrations: () => RegistrationData;
  /** Read for alert recipients; written when a device answers Commission Device (8.1.1). */
  readonly inventory: InventoryData & Pick<SmartMeteringInventory, 'commission'>;
}

/**
 * The asynchronous half of a device request: send the command, wait for the outcome, and POST
 * the User what came of it – the device's response (I0, ResponseID device:originator:counter),
 * its alerts, or E20 / E21 – plus SecurityCredentialsUpdated DCC alerts after a CS02b changed cells.
 */
export class DeviceExchange {
  readonly #o: DeviceExchangeOptions;

  constructor(options: DeviceExchangeOptions) {
    this.#o = options;
  }

  /** Never rejects: a failure on the way is journalled. */
  async run(x: Exchange): Promise<void> {
    try {
      await this.#report(x, await this.#send(x));
    } catch (error) {
      this.#journal(x, 'DSP', 'DSP', 'error', `could not complete: ${messageOf(error)}`);
    }
  }

  async #send(x: Exchange): Promise<DeviceOutcome> {
    const route = x.route;
    const device = x.device.deviceId.toString();
    if (route.via === 's1sp') {
      this.#journal(x, 'DSP', route.request.s1spId, 'command', `SRV ${x.srv.id} for device ${device}`, route.request.countersigned);
    } else {
      this.#journal(x, 'DSP', device, 'command', `SRV ${x.srv.id} to device ${device}`, route.command);
    }
    try {
      if (route.via === 's1sp') return await route.gateway.send(route.request);
      return await this.#o.deviceGateway.send({ deviceId: x.device.deviceId, bytes: route.command, requestId: x.requestId });
    } catch (error) {
      const who = route.via === 'csp' ? 'device gateway' : 'S1SP';
      return { kind: 'unreachable', reason: `the ${who} failed: ${messageOf(error)}` };
    }
  }

  async #report(x: Exchange, outcome: DeviceOutcome): Promise<void> {
    const device = x.device.deviceId.toString();
    switch (outcome.kind) {
      case 'unreachable':
      case 'timeout': {
        const code = outcome.kind === 'unreachable' ? 'E20' : 'E21';
        this.#journal(x, device, 'DSP', 'failure', `${code}: ${outcome.reason}`);
        const input = errorResponse({ ...this.#fields(x), responseCode: code });
        return this.#o.responder.deliver(x.user, input, this.#meta(x, 'response'), `${code}: ${outcome.reason}`);
      }
      case 'smets1Response':
        return this.#smets1(x, outcome);
      case 'response': {
        this.#journal(x, device, 'DSP', 'response', `device response to SRV ${x.srv.id}`, outcome.response);
        if (x.srv.id === '8.1.1') this.#commissioned(x, outcome.response);
        const input = deviceResponse({ ...this.#fields(x), gbcsPayload: outcome.response });
        await this.#o.responder.deliver(x.user, input, this.#meta(x, 'response'), `I0: device response to SRV ${x.srv.id}`);
        for (const alert of outcome.alerts ?? []) await this.#forwardAlert(x, alert);
        return this.#credentialsUpdated(x, outcome.response);
      }
      case 'alerts':
        for (const alert of outcome.alerts) await this.#forwardAlert(x, alert);
    }
  }

  /** The S1SP's signed answer goes to the User as it is, inside an unsigned sr:Response; else the code alone. */
  async #smets1(x: Exchange, outcome: Smets1Outcome): Promise<void> {
    const code = outcome.responseCode;
    const why = outcome.reason ? `: ${outcome.reason}` : '';
    const s1sp = x.route.via === 's1sp' ? x.route.request.s1spId : 'S1SP';
    this.#journal(x, s1sp, 'DSP', 'response', `S1SP answered ${code}${why}`, outcome.signedResponse);
    const meta = this.#meta(x, 'response');
    if (outcome.signedResponse === undefined) {
      const input = errorResponse({ ...this.#fields(x), responseCode: code });
      return this.#o.responder.deliver(x.user, input, meta, `${code}: S1SP${why}`);
    }
    let xml: string;
    try {
      xml = smets1ResponseXml({ ...this.#fields(x), responseCode: code, signedResponse: outcome.signedResponse });
    } catch (error) {
      const input = errorResponse({ ...this.#fields(x), responseCode: 'E20' });
      const reason = `the S1SP's answer cannot be carried: ${messageOf(error)}`;
      return this.#o.responder.deliver(x.user, input, meta, `E20: ${reason}`);
    }
    await this.#o.responder.deliverXml(x.user, xml, code, meta, `${code}: S1SP response to SRV ${x.srv.id}${why}`);
  }

  /**
   * Commission Device answered by the device: when it set its clock, the inventory records it
   * Commissioned now (DUIS 8.1.1; a device already commissioned keeps its date). A response that
   * says the clock was not set, or a transition the inventory refuses, is journalled instead.
   */
  #commissioned(x: Exchange, response: Buffer): void {
    const { deviceId } = x.device;
    if (this.#o.inventory.get(deviceId)?.status === 'Commissioned') return;
    const outcome = commissioningOutcome(response);
    if (!outcome.ok) {
      this.#journal(x, 'DSP', 'DSP', 'inventory', `device ${deviceId} not commissioned: ${outcome.reason}`);
      return;
    }
    try {
      this.#o.inventory.commission(deviceId, this.#o.responder.now);
      this.#journal(x, 'DSP', 'DSP', 'inventory', `device ${deviceId} Commissioned (SRV 8.1.1 answered by the device)`);
    } catch (error) {
      this.#journal(x, 'DSP', 'DSP', 'error', `device ${deviceId} answered 8.1.1 but the inventory refused to commission it: ${messageOf(error)}`);
    }
  }

  async #forwardAlert(x: Exchange, alert: DeviceAlert): Promise<void> {
    const device = x.device.deviceId.toString();
    this.#journal(x, device, 'DSP', 'alert', `device alert ${alert.alertCode}`, alert.bytes);
    let responseId: RequestId | undefined;
    try {
      responseId = RequestId.of(x.device.deviceId, x.user, decodeGroupingHeader(alert.bytes).originatorCounter);
    } catch {
      responseId = undefined;
    }
    const { requestId, responseDateTime, schemaVersion } = this.#fields(x);
    const input = deviceAlert({
      alertCode: alert.alertCode.toUpperCase(),
      gbcsPayload: alert.bytes,
      requestId,
      ...(responseId && { responseId }),
      responseDateTime,
      schemaVersion,
    });
    const meta = { ...this.#meta(x, 'deviceAlert'), alertCode: alert.alertCode };
    await this.#o.responder.deliver(x.user, input, meta, `device alert ${alert.alertCode} from ${device}`);
  }

  async #credentialsUpdated(x: Exchange, response: Buffer): Promise<void> {
    const update = credentialsUpdate(x.body, response);
    if (update === undefined) return;
    const { deviceId } = x.device;
    const { responseDateTime, schemaVersion } = this.#fields(x);
    const mpxns = this.#o.inventory.get(deviceId) ? this.#o.inventory.mpxnsOf(deviceId) : [];
    const recipients = alertRecipients(update, x.user, mpxns, this.#o.registrations(), responseDateTime);
    const summary = `SecurityCredentialsUpdated: ${update.remotePartyRole} cells of ${deviceId} changed (SRV ${x.srv.id})`;
    for (const to of recipients) {
      const input = securityCredentialsUpdatedAlert({ ...update, deviceId, responseDateTime, schemaVersion });
      const alertCode = input.body.kind === 'DCCAlertMessage' ? input.body.dccAlertCode : undefined;
      await this.#o.responder.deliver(to, input, { ...this.#meta(x, 'dccAlert'), ...(alertCode && { alertCode }) }, summary);
    }
  }

  #fields(x: Exchange) {
    return {
      requestId: x.requestId,
      srv: x.srv,
      responseDateTime: this.#o.responder.now,
      schemaVersion: x.schemaVersion,
    };
  }

  #meta(x: Exchange, kind: DeliveryKind) {
    return { kind, requestId: x.requestId, srv: x.srv.id, deviceId: x.device.deviceId };
  }

  /** One journal entry about this exchange, on the GBCS (SMETS2) or S1SP (SMETS1) interface: XML as text, GBCS frames as bytes. */
  #journal(x: Exchange, from: string, to: string, kind: string, summary: string, payload?: string | Buffer): void {
    this.#o.journal.append({
      at: this.#o.responder.now,
      via: x.route.via === 's1sp' ? 'S1SP' : 'GBCS',
      from,
      to,
      kind,
      summary,
      requestId: x.requestId.toString(),
      deviceId: x.device.deviceId.toString(),
      srv: x.srv.id,
      ...(typeof payload === 'string' ? { payload } : payload !== undefined && { frame: payload }),
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
