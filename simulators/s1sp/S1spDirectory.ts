import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { InventoryData } from '../inventory/index.ts';
import { UnknownDeviceError } from '../inventory/inventoryErrors.ts';
import type { RegistrationData } from '../rdp/index.ts';
import type { CountersignedRequest } from './countersignature.ts';
import type { CertificatesOf, CorrectionReport, NetworkOperatorSlotMismatch } from './networkOperatorSlots.ts';
import type { S1sp } from './S1sp.ts';
import type { InitialSlots, S1DeviceInput } from './S1Device.ts';
import type { S1spOutcome } from './S1spOutcome.ts';

/** Which S1SP serves a SMETS1 device: the Smart Metering Inventory's `S1SP` field. */
export type S1spRouting = (deviceId: Eui) => string | undefined;

/** Routing from the Smart Metering Inventory (its records' `s1spId`). */
export function routeByInventory(inventory: InventoryData): S1spRouting {
  return (deviceId) => inventory.get(deviceId)?.s1spId;
}

/**
 * The S1SP cohorts (`S1SP-A`, `S1SP-B`, `S1SP-C` …) behind one front: requests and enrolments go
 * to the S1SP the routing names, the MP107 R2 job runs across all of them.
 */
export class S1spDirectory {
  readonly #byId = new Map<string, S1sp>();

  constructor(
    s1sps: readonly S1sp[],
    readonly routing: S1spRouting,
  ) {
    for (const s1sp of s1sps) {
      if (this.#byId.has(s1sp.id)) throw new InvalidInputError('s1sps', 'S1SPs with distinct ids', s1sp.id);
      this.#byId.set(s1sp.id, s1sp);
    }
  }

  get all(): readonly S1sp[] {
    return [...this.#byId.values()];
  }

  get(id: string): S1sp {
    const s1sp = this.#byId.get(id);
    if (s1sp === undefined) throw new InvalidInputError('S1SP', `one of ${[...this.#byId.keys()].join(', ')}`, id);
    return s1sp;
  }

  /** The S1SP serving the device; UnknownDeviceError (E19) when the routing names none or an unknown one. */
  route(deviceId: Eui): S1sp {
    const id = this.routing(deviceId);
    const s1sp = id === undefined ? undefined : this.#byId.get(id);
    if (s1sp === undefined) {
      const why = id === undefined ? 'no S1SP serves it' : `its S1SP ${id} is not in the directory`;
      throw new UnknownDeviceError(deviceId, `SMETS1 device ${deviceId}: ${why}`);
    }
    return s1sp;
  }

  enrol(device: S1DeviceInput, initialSlots: InitialSlots = {}): S1sp {
    const s1sp = this.route(device.deviceId);
    s1sp.enrol(device, initialSlots);
    return s1sp;
  }

  /** Forwards a countersigned request to the device's S1SP (the DSP knows the device ID already). */
  handle(deviceId: Eui, request: CountersignedRequest): Promise<S1spOutcome> {
    return this.route(deviceId).handle(request);
  }

  findMismatchedNetworkOperatorSlots(registrations: RegistrationData, at: Date): NetworkOperatorSlotMismatch[] {
    return this.all.flatMap((s1sp) => s1sp.findMismatchedNetworkOperatorSlots(registrations, at));
  }

  /** One report per S1SP, each given the mismatches that name it. */
  correctNetworkOperatorSlots(
    devices: readonly NetworkOperatorSlotMismatch[],
    certificatesOf: CertificatesOf,
    options: { readonly apply: boolean },
  ): CorrectionReport[] {
    return this.all.map((s1sp) => s1sp.correctNetworkOperatorSlots(devices, certificatesOf, options));
  }
}
