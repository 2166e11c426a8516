/** In-process stand-ins for the DSP's ports, for tests only. */
import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { CertificateUpdateStatus } from '../gbcs/certificateStatus.ts';
import { encodeCs02bResponse } from '../gbcs/cs02bResponse.ts';
import { encodeGroupingHeader } from '../gbcs/GroupingHeader.ts';
import { decodeGbcsMessage } from '../gbcs/message.ts';
import { signGroupingHeader } from '../gbcs/signature.ts';
import type { Smki } from '../smki/index.ts';
import type {
  DeliveryMeta,
  DeviceCommand,
  DeviceCredentials,
  DeviceGateway,
  DeviceOutcome,
  S1spGateway,
  S1spRequest,
  UserOutbox,
} from './ports.ts';

/** Device keys derived from the estate's SMKI, as the device simulators derive them. */
export class SmkiDeviceCredentials implements DeviceCredentials {
  constructor(readonly smki: Smki) {}

  async kaCertificate(deviceId: Eui): Promise<KeyObject> {
    return this.smki.issueDeviceCertificate({ eui: deviceId, usage: 'KA' }).publicKey;
  }

  dsPrivateKey(deviceId: Eui): KeyObject {
    return this.smki.issueDeviceCertificate({ eui: deviceId, usage: 'DS' }).privateKey;
  }

  kaPrivateKey(deviceId: Eui): KeyObject {
    return this.smki.issueDeviceCertificate({ eui: deviceId, usage: 'KA' }).privateKey;
  }
}

/**
 * Answers every command like a device: a response grouping header signed with the device's DS key,
 * a CS02b response with each replaced cell at `cellStatus`, anything else with INTEGER 0. `next`
 * overrides the outcome of the next command only.
 */
export class FakeDeviceGateway implements DeviceGateway {
  readonly commands: DeviceCommand[] = [];
  readonly credentials: SmkiDeviceCredentials;
  cellStatus: CertificateUpdateStatus = 'success';
  next: DeviceOutcome | undefined;

  constructor(smki: Smki) {
    this.credentials = new SmkiDeviceCredentials(smki);
  }

  async send(command: DeviceCommand): Promise<DeviceOutcome> {
    this.commands.push(command);
    const planned = this.next;
    this.next = undefined;
    return planned ?? { kind: 'response', response: this.respond(command) };
  }

  respond(command: DeviceCommand): Buffer {
    const message = decodeGbcsMessage(command.bytes);
    const h = message.header;
    let content: Buffer = Buffer.from('020100', 'hex');
    if (message.payload.useCase === 'CS02b' && message.payload.direction === 'command') {
      const cmd = message.payload.value;
      content = encodeCs02bResponse({
        executionOutcome: {
          seqNumber: h.originatorCounter,
          credentialsReplacementMode: cmd.control.credentialsReplacementMode,
          remotePartySeqNumberChanges: [],
          certificateOutcomes: cmd.replacements.map((r) => ({
            cell: r.targetTrustAnchorCell,
            status: this.cellStatus,
            existingSubjectUniqueId: h.originator,
            existingSubjectKeyId: Buffer.alloc(8),
            replacingSubjectUniqueId: h.originator,
            replacingSubjectKeyId: Buffer.alloc(8, 1),
          })),
        },
      });
    }
    const response = encodeGroupingHeader(
      {
        craFlag: 'response',
        originatorCounter: h.originatorCounter,
        originator: command.deviceId,
        recipient: h.originator,
        messageCode: h.messageCode,
        content,
      },
      'none',
    );
    return signGroupingHeader(response, this.credentials.dsPrivateKey(command.deviceId));
  }

  /** A signed GBCS alert from a device, e.g. 0x8F3D. */
  alert(deviceId: Eui, recipient: Eui, counter: bigint, alertCode: number): Buffer {
    const bytes = encodeGroupingHeader(
      { craFlag: 'alert', originatorCounter: counter, originator: deviceId, recipient, messageCode: alertCode, content: Buffer.alloc(0) },
      'none',
    );
    return signGroupingHeader(bytes, this.credentials.dsPrivateKey(deviceId));
  }
}

/** Records what the S1SP is asked and answers with `next` or a placeholder GBCS response. */
export class FakeS1sp implements S1spGateway {
  readonly requests: S1spRequest[] = [];
  next: DeviceOutcome | undefined;

  async send(request: S1spRequest): Promise<DeviceOutcome> {
    this.requests.push(request);
    const planned = this.next;
    this.next = undefined;
    return planned ?? { kind: 'response', response: Buffer.from('df0902', 'hex') };
  }
}

export interface Delivery {
  readonly to: Eui;
  readonly xml: string;
  readonly meta: DeliveryMeta;
}

/** Keeps every delivery, in order. */
export class RecordingOutbox implements UserOutbox {
  readonly deliveries: Delivery[] = [];

  deliver(to: Eui, xml: string, meta: DeliveryMeta): void {
    this.deliveries.push({ to, xml, meta });
  }
}
