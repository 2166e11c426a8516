import { Eui } from '../core/Eui.ts';
import { type DuisResponseCode, HarnessError, InvalidInputError } from '../core/errors.ts';
import { ChangeFeed } from '../rdp/ChangeFeed.ts';
import { checkDate } from '../rdp/dates.ts';
import { type DeviceInput, type DeviceRecord, makeDeviceRecord } from './DeviceRecord.ts';
import {
  COMMS_HUB_TYPES,
  DEVICE_TYPES,
  type DeviceStatus,
  type DeviceType,
  type EsmeVariant,
} from './enumerations.ts';
import { InventoryData } from './InventoryData.ts';
import { applyInventoryUpdate, type InventoryUpdate } from './InventoryUpdate.ts';
import {
  DeviceStatusError,
  DeviceTypeError,
  DuplicateDeviceError,
  UnknownDeviceError,
} from './inventoryErrors.ts';
import { canTransition, DECOMMISSION_FROM, statusesLeadingTo } from './statusTransitions.ts';

/** SRV 12.2 Device Pre-notification, as the DUIS 5.4 schema's DevicePrenotification has it. */
export interface PrenotificationInput {
  readonly deviceId: Eui;
  readonly manufacturer: string;
  readonly model: string;
  readonly deviceType: DeviceType;
  readonly smetsChtsVersion?: string;
  readonly firmwareVersion?: string;
  readonly esmeVariant?: EsmeVariant;
  readonly associatedGpfId?: Eui;
}

export interface InventoryChange {
  readonly version: number;
  readonly deviceIds: readonly Eui[];
}

export type InventoryListener = (change: InventoryChange) => void;

/** A batch failed at one device: `index` says which, `cause` why. Nothing was added. */
export class DeviceBatchError extends HarnessError {
  readonly responseCode: DuisResponseCode;

  constructor(
    readonly index: number,
    override readonly cause: HarnessError,
  ) {
    super(`device ${index + 1}: ${cause.message}`, { cause });
    this.responseCode = cause.responseCode;
  }
}

/**
 * The DCC's Smart Metering Inventory. User-facing operations follow DUIS (8.2 via InventoryData,
 * 8.3 decommission, 8.4 updateInventory, 12.2 prenotify); DCC-side ones (add, whitelist, commission,
 * setStatus) let an estate and the simulators move devices along. Every operation checks fully
 * before it changes anything; status changes follow STATUS_TRANSITIONS.
 */
export class SmartMeteringInventory extends InventoryData {
  readonly #feed = new ChangeFeed<InventoryChange>();
  #snapshot: InventoryData | undefined;

  constructor() {
    super(new Map());
  }

  /** DCC-side enrolment in any status (estate files, SMETS1 migration). */
  add(input: DeviceInput): DeviceRecord {
    this.addAll([input]);
    return this.require(input.deviceId);
  }

  /** Adds many devices as one change: all or none. A CHF may come later in the batch than its devices. */
  addAll(inputs: readonly DeviceInput[]): void {
    const staging = new Map(this.records);
    const records = inputs.map((input, index) => {
      try {
        const record = makeDeviceRecord(input);
        const existing = staging.get(record.deviceId.hex);
        if (existing !== undefined) throw new DuplicateDeviceError(record.deviceId, existing.status);
        staging.set(record.deviceId.hex, record);
        return record;
      } catch (error) {
        throw error instanceof HarnessError ? new DeviceBatchError(index, error) : error;
      }
    });
    records.forEach((record, index) => {
      try {
        checkChf(staging, record);
      } catch (error) {
        throw error instanceof HarnessError ? new DeviceBatchError(index, error) : error;
      }
    });
    this.#commit(records, []);
  }

  /**
   * SRV 12.2: adds a SMETS2 device in status Pending. Not for the Communications Hub's CHF and GPF:
   * the DCC adds those itself (use `add`), so they are refused with E11.
   */
  prenotify(input: PrenotificationInput): DeviceRecord {
    if (typeof input !== 'object' || input === null)
      throw new InvalidInputError('DevicePrenotification', 'an object', input);
    if (!(input.deviceId instanceof Eui)) throw new InvalidInputError('DeviceID', 'an Eui', input.deviceId);
    if (COMMS_HUB_TYPES.includes(input.deviceType)) {
      const valid = DEVICE_TYPES.filter((t) => !COMMS_HUB_TYPES.includes(t));
      throw new DeviceTypeError(input.deviceId, input.deviceType, 'Device Pre-notification (12.2)', valid);
    }
    for (const field of ['manufacturer', 'model'] as const) {
      if (input[field] === undefined)
        throw new InvalidInputError(field, 'a value (DevicePrenotification requires it)', undefined);
    }
    const record = makeDeviceRecord({ ...input, status: 'Pending', smetsVersion: 'SMETS2' });
    const existing = this.get(record.deviceId);
    if (existing !== undefined) throw new DuplicateDeviceError(record.deviceId, existing.status);
    this.#commit([record], []);
    return record;
  }

  /** SRV 8.3 Decommission Device: only from DECOMMISSION_FROM (see statusTransitions.ts). */
  decommission(deviceId: Eui): DeviceRecord {
    const record = this.#known(deviceId);
    if (!DECOMMISSION_FROM.includes(record.status)) {
      throw new DeviceStatusError(
        record.deviceId,
        record.status,
        'Decommission Device (8.3)',
        DECOMMISSION_FROM,
      );
    }
    return this.#replace(makeDeviceRecord({ ...record, status: 'Decommissioned' }));
  }

  /** SRV 8.4 Update Inventory; returns the new record, or undefined when the device was deleted. */
  updateInventory(deviceId: Eui, update: InventoryUpdate): DeviceRecord | undefined {
    const record = this.#known(deviceId);
    const next = applyInventoryUpdate(record, update);
    if (next === undefined) {
      const onHan = record.deviceType === 'CHF' ? this.devicesOnChf(record.deviceId) : [];
      if (onHan.length > 0) {
        throw new InvalidInputError(
          'DeleteDevice',
          'a CHF with no devices on its device log',
          `${onHan.length} devices`,
        );
      }
      this.records.delete(record.deviceId.hex);
      this.#commit([], [record.deviceId]);
      return undefined;
    }
    return this.#replace(next);
  }

  /** Adds a device to a CHF's device log: status Whitelisted, associated with `chfId`. */
  whitelist(deviceId: Eui, chfId: Eui): DeviceRecord {
    const record = this.#known(deviceId);
    if (record.deviceType === 'CHF') {
      throw new DeviceTypeError(record.deviceId, 'CHF', 'Whitelisting on a CHF device log', NOT_CHF);
    }
    this.#checkTransition(record, 'Whitelisted', 'Whitelisting');
    const next = makeDeviceRecord({ ...record, status: 'Whitelisted', chfId });
    checkChf(this.records, next);
    return this.#replace(next);
  }

  /** Commissioning (8.1.1, or a CHF joining the WAN): status Commissioned, with its date. */
  commission(deviceId: Eui, at: Date): DeviceRecord {
    const record = this.#known(deviceId);
    const date = checkDate(at, 'DateCommissioned');
    this.#checkTransition(record, 'Commissioned', 'Commissioning');
    if (record.smetsVersion === 'SMETS2' && record.deviceType !== 'CHF' && record.chfId === undefined) {
      throw new DeviceStatusError(
        record.deviceId,
        record.status,
        'Commissioning a device on no CHF device log',
        ['Whitelisted'],
      );
    }
    return this.#replace(makeDeviceRecord({ ...record, status: 'Commissioned', dateCommissioned: date }));
  }

  /** DCC-side status change (suspension, recovery, …), along STATUS_TRANSITIONS. */
  setStatus(deviceId: Eui, status: DeviceStatus): DeviceRecord {
    const record = this.#known(deviceId);
    const next = makeDeviceRecord({ ...record, status });
    this.#checkTransition(record, next.status, `Status change to ${next.status}`);
    return this.#replace(next);
  }

  /** An immutable copy; the same object until the next change. */
  snapshot(): InventoryData {
    if (this.#snapshot === undefined) {
      this.#snapshot = new InventoryData(new Map(this.records), this.version);
      Object.freeze(this.#snapshot);
    }
    return this.#snapshot;
  }

  onChange(listener: InventoryListener): () => void {
    return this.#feed.subscribe(listener);
  }

  #known(deviceId: Eui): DeviceRecord {
    if (!(deviceId instanceof Eui)) throw new InvalidInputError('DeviceID', 'an Eui', deviceId);
    return this.require(deviceId);
  }

  #checkTransition(record: DeviceRecord, to: DeviceStatus, operation: string): void {
    if (!canTransition(record.status, to)) {
      throw new DeviceStatusError(record.deviceId, record.status, operation, statusesLeadingTo(to));
    }
  }

  #replace(record: DeviceRecord): DeviceRecord {
    this.#commit([record], []);
    return record;
  }

  #commit(records: readonly DeviceRecord[], removed: readonly Eui[]): void {
    for (const r of records) this.records.set(r.deviceId.hex, r);
    this.currentVersion += 1;
    this.#snapshot = undefined;
    const change = Object.freeze({
      version: this.currentVersion,
      deviceIds: Object.freeze([...records.map((r) => r.deviceId), ...removed]),
    });
    this.#feed.publish(change, 'an inventory');
  }
}

const NOT_CHF = DEVICE_TYPES.filter((t) => t !== 'CHF');

/** A device's chfId must name a CHF the inventory holds. */
function checkChf(records: ReadonlyMap<string, DeviceRecord>, record: DeviceRecord): void {
  if (record.chfId === undefined) return;
  const chf = records.get(record.chfId.hex);
  if (chf === undefined)
    throw new UnknownDeviceError(
      record.chfId,
      `CHF ${record.chfId} (chfId of device ${record.deviceId}) is not in the Smart Metering Inventory`,
    );
  if (chf.deviceType !== 'CHF') {
    throw new InvalidInputError(
      `chfId of device ${record.deviceId}`,
      'the device ID of a CHF',
      `${chf.deviceId} (${chf.deviceType})`,
    );
  }
}
