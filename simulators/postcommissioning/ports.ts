/**
 * What the tracker reads besides the journal – ports, so it stays a pure function with no transport:
 * the devices to follow, what is in their cells now, and Registration Data (`RegistrationData`).
 */
import type { KeyUsage } from '../core/roles.ts';
import type { Mpxn } from '../rdp/mpxn.ts';
import type { CellName } from '../smets2/index.ts';

/** A SMETS2+ device followed from commissioning. EUIs as the journal writes them (`00-DB-40-…`). */
export interface TrackedDevice {
  readonly deviceId: string;
  /** ESME, GSME, GPF … – which obligations apply (settings). */
  readonly deviceType: string;
  /** The Communications Hub Function whose HAN holds it: the unit of §5.13 incidents. */
  readonly chfId?: string;
  /** Its meter points: an ESME's MPAN(s), a GSME's or GPF's MPRN(s). */
  readonly mpxns: readonly Mpxn[];
  /** When it was commissioned (the inventory's date), unless the journal shows an 8.1.1 later. */
  readonly commissionedAt: Date;
}

/** A device's trust anchor cells now, as the DSP's certificate checks would read them. */
export interface DeviceCells {
  /**
   * The Entity ID (EUI text) of the owner of each cell's certificate, `null` when the cell is empty.
   * Only the cells the device type has are present.
   */
  readonly owners: Readonly<Partial<Record<CellName, string | null>>>;
  /** Whether the device's own DS / KA certificate has been replaced since installation (6.15.2's effect). */
  readonly renewed: Readonly<Record<KeyUsage, boolean>>;
}

export interface CellsPort {
  /** Undefined when the device is not known to whoever holds the cells. */
  cellsOf(deviceId: string): DeviceCells | undefined;
}
