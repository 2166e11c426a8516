/** The tracker's ports over a running harness: the inventory's devices, the fleet's cells, the RDP store. */
import { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import type { InventoryData } from '../inventory/InventoryData.ts';
import type { RegistrationData } from '../rdp/RegistrationData.ts';
import type { CellName, Fleet } from '../smets2/index.ts';
import type { Criteria } from './criteria.ts';
import type { JournalFacts } from './JournalFacts.ts';
import type { CellsPort, DeviceCells, TrackedDevice } from './ports.ts';
import { DEFAULT_SETTINGS, type PostCommissioningSettings } from './settings.ts';
import { trackPostCommissioning, type TrackingResult } from './tracker.ts';

/**
 * Commissioned SMETS2 devices of the inventory whose type carries obligations, with their HAN's CHF,
 * meter points and commissioning date (devices without one are left out: their clock has not started).
 */
export function inventoryDevices(inventory: InventoryData, settings: PostCommissioningSettings = DEFAULT_SETTINGS): TrackedDevice[] {
  return inventory.devices().flatMap((r) => {
    if (r.smetsVersion !== 'SMETS2' || r.status !== 'Commissioned' || r.dateCommissioned === undefined) return [];
    if (settings.obligationsByDeviceType[r.deviceType] === undefined) return [];
    return [
      {
        deviceId: r.deviceId.toString(),
        deviceType: r.deviceType,
        ...(r.chfId && { chfId: r.chfId.toString() }),
        mpxns: inventory.mpxnsOf(r.deviceId),
        commissionedAt: r.dateCommissioned,
      },
    ];
  });
}

/** The fleet's cells as the owners' Entity IDs, and whether CS02d has replaced the device's own certificates. */
export function fleetCells(fleet: Fleet): CellsPort {
  return {
    cellsOf(deviceId: string): DeviceCells | undefined {
      const device = fleet.find(Eui.parse(deviceId));
      if (device === undefined) return undefined;
      const owners: Partial<Record<CellName, string | null>> = {};
      for (const view of device.cells()) owners[view.name] = view.certificate?.entityId.toString() ?? null;
      return { owners, renewed: { DS: device.keyGeneration('DS') > 0, KA: device.keyGeneration('KA') > 0 } };
    },
  };
}

/** What `trackHarness` reads: a Harness has all of it. */
export interface TrackedEstate {
  readonly journal: Journal;
  readonly inventory: InventoryData;
  readonly fleet: Fleet;
  readonly registrations: RegistrationData;
  readonly clock: { now(): Date };
}

export interface TrackHarnessOptions {
  /** Default: the estate's clock now. */
  readonly asOf?: Date;
  readonly settings?: PostCommissioningSettings;
  readonly criteria?: readonly Criteria[];
  /**
   * The journal already read, entry by entry, by a subscriber (`journal.subscribe((e) => facts.add(e))`
   * from before the first entry): what a journal that keeps no entries (`keepEntries: false`) needs.
   */
  readonly facts?: JournalFacts;
}

/** The tracker over a running estate's journal, inventory, fleet and Registration Data. */
export function trackHarness(estate: TrackedEstate, options: TrackHarnessOptions = {}): TrackingResult {
  if (options.facts === undefined && !estate.journal.keepsEntries) {
    throw new RangeError('trackHarness: this journal keeps no entries (keepEntries: false); pass the facts a subscriber read from it');
  }
  const settings = options.settings ?? DEFAULT_SETTINGS;
  return trackPostCommissioning({
    journal: options.facts ?? estate.journal.entries(),
    devices: inventoryDevices(estate.inventory, settings),
    cells: fleetCells(estate.fleet),
    registrations: estate.registrations,
    asOf: options.asOf ?? estate.clock.now(),
    settings,
    ...(options.criteria && { criteria: options.criteria }),
  });
}
