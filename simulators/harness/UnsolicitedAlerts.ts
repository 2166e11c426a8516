import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import { RequestId } from '../core/RequestId.ts';
import type { CspDeviceGateway } from '../csp/index.ts';
import type { DeviceAlert, RegistrationSource, UserOutbox } from '../dsp/ports.ts';
import type { UserDirectory } from '../dsp/UserDirectory.ts';
import { buildDuisResponse, deviceAlert } from '../duis/index.ts';
import { decodeGroupingHeader } from '../gbcs/GroupingHeader.ts';
import type { InventoryData } from '../inventory/InventoryData.ts';
import { type DuisSigningCredential, signDuis } from '../xmldsig/signDuis.ts';

export interface UnsolicitedAlertsOptions {
  readonly gateway: CspDeviceGateway;
  readonly users: UserDirectory;
  readonly inventory: InventoryData;
  readonly registrations: RegistrationSource;
  /** The DSP's XML-signing credential. */
  readonly signer: DuisSigningCredential;
  readonly clock: Clock;
  readonly journal: Journal;
  readonly outbox: UserOutbox;
}

/**
 * Device alerts the CSP carries outside a command's outcome (a future-dated CS02b's 0x00CB with
 * 8F66/8F67, then 8F70; alerts of a command that timed out) reach the right User as a DUIS
 * DeviceAlertMessage signed with the DSP's key, as `DeviceExchange` forwards a command's alerts:
 * to the alert's GBCS recipient when that is a DCC User (0x00CB goes to the command's originator),
 * otherwise to the supplier registered now for the device's meter points (alerts addressed to the
 * ACB). ResponseID device:User:alert counter; RequestID the timed-out command's, when it was the
 * User's. The DSP has no entry point for this yet, so the harness does it with the DSP's builders.
 */
export class UnsolicitedAlerts {
  readonly #o: UnsolicitedAlertsOptions;
  readonly #stop: () => void;

  constructor(options: UnsolicitedAlertsOptions) {
    this.#o = options;
    this.#stop = options.gateway.onAlert((deviceId, alert, about) => this.forward(deviceId, alert, about));
  }

  /** Stops listening to the CSP. */
  close(): void {
    this.#stop();
  }

  /** Who gets an alert from this device: its GBCS recipient if a User, else the registered suppliers. */
  recipients(deviceId: Eui, alert: DeviceAlert): Eui[] {
    const addressee = recipientOf(alert);
    if (addressee !== undefined && this.#o.users.get(addressee) !== undefined) return [addressee];
    const { inventory } = this.#o;
    const mpxns = inventory.get(deviceId) === undefined ? [] : inventory.mpxnsOf(deviceId);
    const data = this.#o.registrations.snapshot();
    const now = this.#o.clock.now();
    const suppliers = mpxns.map((m) => data.supplierAt(m, now)).filter((s): s is Eui => s !== undefined);
    return [...new Map(suppliers.map((s) => [s.hex, s])).values()];
  }

  /** Sends the alert to its recipients (the CSP's hook; never throws). */
  forward(deviceId: Eui, alert: DeviceAlert, about?: RequestId): void {
    const to = this.recipients(deviceId, alert);
    if (to.length === 0) {
      this.#journal('DSP', 'unrouted', `device alert ${alert.alertCode} from ${deviceId}: no User to send it to (no User addressed, no supplier registered)`, deviceId);
      return;
    }
    for (const user of to) {
      try {
        this.#send(user, deviceId, alert, about);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        this.#journal(user.toString(), 'error', `device alert ${alert.alertCode} from ${deviceId} could not be sent: ${why}`, deviceId);
      }
    }
  }

  #send(user: Eui, deviceId: Eui, alert: DeviceAlert, about?: RequestId): void {
    const counter = counterOf(alert);
    const requestId = about?.originator.equals(user) ? about : undefined;
    const input = deviceAlert({
      alertCode: alert.alertCode.toUpperCase(),
      gbcsPayload: alert.bytes,
      ...(requestId && { requestId }),
      ...(counter !== undefined && { responseId: RequestId.of(deviceId, user, counter) }),
      responseDateTime: this.#o.clock.now(),
    });
    const xml = buildDuisResponse(input, { sign: (unsigned) => signDuis(unsigned, this.#o.signer) });
    const summary = `device alert ${alert.alertCode} from ${deviceId} (unsolicited)`;
    this.#journal(user.toString(), 'alert', summary, deviceId, { xml, requestId });
    const responseUrl = this.#o.users.get(user)?.responseUrl;
    this.#o.outbox.deliver(user, xml, {
      kind: 'deviceAlert',
      responseCode: 'I0',
      deviceId,
      alertCode: alert.alertCode,
      ...(requestId && { requestId }),
      ...(responseUrl && { responseUrl }),
    });
  }

  #journal(to: string, kind: string, summary: string, deviceId: Eui, sent?: { xml: string; requestId?: RequestId }): void {
    this.#o.journal.append({
      at: this.#o.clock.now(),
      via: 'DUIS',
      from: 'DSP',
      to,
      kind,
      summary,
      deviceId: deviceId.toString(),
      ...(sent && { responseCode: 'I0', payload: sent.xml }),
      ...(sent?.requestId && { requestId: sent.requestId.toString() }),
    });
  }
}

function recipientOf(alert: DeviceAlert): Eui | undefined {
  try {
    return decodeGroupingHeader(alert.bytes).recipient;
  } catch {
    return undefined;
  }
}

function counterOf(alert: DeviceAlert): bigint | undefined {
  try {
    return decodeGroupingHeader(alert.bytes).originatorCounter;
  } catch {
    return undefined;
  }
}
