import { InvalidInputError } from '../core/errors.ts';
import { type Codec, hexCodec, intCodec, textCodec } from './codecs.ts';
import type { ResponseContent } from './DuisResponse.ts';
import { unmodelled } from './dccAlerts.ts';
import * as t from './duisTypes.ts';
import type { ChildCursor } from './ElementReader.ts';
import { inventoryDeviceElement, MAX_INVENTORY_DEVICES, readInventoryDevice } from './inventory.ts';
import { srElement, srValue, type XmlElement } from './xmlWriter.ts';

/** The elements sr:ResponseMessage may carry after the service reference (DUIS 5.4 choice). */
const CONTENT_ELEMENTS = [
  'CINMessage',
  'DSPInventory',
  'DSPOptIn',
  'DSPSchedulesRead',
  'DSPScheduledMessage',
  'DSPScheduleID',
  'DSPUpdateFirmwareWarning',
  'DSPUpdatePPMIDFirmwareWarning',
  'DSPWANMatrix',
  'FutureDatedDeviceAlertMessage',
  'GBCSPayload',
  'LocalCommand',
  'PreCommand',
];

const unsignedShort = intCodec(0, 65535);
const futureDatedAlertCode: Codec<'8F66' | '8F67'> = {
  describe: '8F66 or 8F67',
  parse(text, path) {
    const code = hexCodec(2).parse(text, path);
    if (code !== '8F66' && code !== '8F67')
      throw new InvalidInputError(path, futureDatedAlertCode.describe, text);
    return code;
  },
  format: (value, path) => futureDatedAlertCode.parse(value, path),
};
const gbcsVersion = textCodec({ min: 1 });

/** Reads the optional content of sr:ResponseMessage (the cursor is after ServiceReferenceVariant). */
export function readResponseContent(c: ChildCursor): ResponseContent | undefined {
  const name = c.peek();
  if (name === undefined || !CONTENT_ELEMENTS.includes(name)) return undefined;
  const el = c.required(name);
  switch (name) {
    case 'GBCSPayload':
      return { kind: 'GBCSPayload', gbcsPayload: el.value(t.gbcsPayload) };
    case 'PreCommand':
    case 'LocalCommand': {
      const p = el.children();
      const content: ResponseContent =
        name === 'PreCommand'
          ? {
              kind: 'PreCommand',
              gbcsVersion: p.requiredValue('GBCSVersion', gbcsVersion),
              gbcsPayload: p.requiredValue('GBCSPayload', t.gbcsPayload),
            }
          : { kind: 'LocalCommand', gbcsPayload: p.requiredValue('GBCSPayload', t.gbcsPayload) };
      p.end();
      return content;
    }
    case 'DSPInventory': {
      const d = el.children();
      const devices = d.many('Device', 1, MAX_INVENTORY_DEVICES).map(readInventoryDevice);
      d.end();
      return { kind: 'DSPInventory', devices };
    }
    case 'FutureDatedDeviceAlertMessage': {
      const f = el.children();
      const content: ResponseContent = {
        kind: 'FutureDatedDeviceAlertMessage',
        futureDatedAlertCode: f.requiredValue('FutureDatedAlertCode', futureDatedAlertCode),
        gbcsPayload: f.requiredValue('GBCSPayload', t.gbcsPayload),
        instructionNumber: f.requiredValue('InstructionNumber', unsignedShort),
        totalCommandInstructions: f.requiredValue('TotalCommandInstructions', unsignedShort),
      };
      f.end();
      return content;
    }
    default:
      return unmodelled(el);
  }
}

/** Writes the content element of sr:ResponseMessage. */
export function responseContentElement(content: ResponseContent, path: string): XmlElement {
  const p = `${path}/sr:${content.kind}`;
  switch (content.kind) {
    case 'GBCSPayload':
      return srValue('GBCSPayload', t.gbcsPayload, content.gbcsPayload, path);
    case 'PreCommand':
      return srElement('PreCommand', [
        srValue('GBCSVersion', gbcsVersion, content.gbcsVersion, p),
        srValue('GBCSPayload', t.gbcsPayload, content.gbcsPayload, p),
      ]);
    case 'LocalCommand':
      return srElement('LocalCommand', [srValue('GBCSPayload', t.gbcsPayload, content.gbcsPayload, p)]);
    case 'DSPInventory': {
      const devices = content.devices;
      if (!Array.isArray(devices) || devices.length < 1 || devices.length > MAX_INVENTORY_DEVICES) {
        throw new InvalidInputError(
          `${p}/sr:Device`,
          `1 to ${MAX_INVENTORY_DEVICES} devices (an empty inventory cannot be written: answer with an error code instead)`,
          devices?.length,
        );
      }
      return srElement(
        'DSPInventory',
        devices.map((d, i) => inventoryDeviceElement(d, `${p}/sr:Device[${i + 1}]`)),
      );
    }
    case 'FutureDatedDeviceAlertMessage':
      return srElement('FutureDatedDeviceAlertMessage', [
        srValue('FutureDatedAlertCode', futureDatedAlertCode, content.futureDatedAlertCode, p),
        srValue('GBCSPayload', t.gbcsPayload, content.gbcsPayload, p),
        srValue('InstructionNumber', unsignedShort, content.instructionNumber, p),
        srValue('TotalCommandInstructions', unsignedShort, content.totalCommandInstructions, p),
      ]);
    default:
      throw new InvalidInputError(path, 'response content the harness can write', content.kind);
  }
}
