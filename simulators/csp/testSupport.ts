/** Test support: a fleet with a North and a South meter, commands to them, and rigs (in process, WebSocket). */
import { Eui } from '../core/Eui.ts';
import { Journal } from '../core/Journal.ts';
import { RequestId } from '../core/RequestId.ts';
import type { DeviceCommand, DeviceOutcome } from '../dsp/ports.ts';
import type { Device } from '../smets2/index.ts';
import { certificateFor, command, cs02b, installed, SUPPLIER, SUPPLIER_B, type World, world } from '../smets2/testSupport.ts';
import { CspDeviceGateway } from './CspDeviceGateway.ts';
import { CspNetwork } from './CspNetwork.ts';
import { FleetHost } from './FleetHost.ts';
import { inProcessCsp } from './inProcess.ts';
import type { Random } from './random.ts';
import { type RegionSettingsData, WAN_REGIONS, type WanRegion } from './regions.ts';
import { SimulatedScheduler } from './SimulatedScheduler.ts';
import { WebSocketCspLink } from './WebSocketCspLink.ts';

export const NORTH_METER = Eui.parse('00DB000000000001');
export const SOUTH_METER = Eui.parse('00DB000000000005');
/** In the inventory but with no SMETS2 CSP region. */
export const SMETS1_METER = Eui.parse('00DB000000000009');

const REGIONS: Record<string, string> = {
  [NORTH_METER.hex]: 'North',
  [SOUTH_METER.hex]: '4G South',
  [SMETS1_METER.hex]: 'SMETS1',
};

/** As `inventory.cspRegionOf`: throws for a device it does not know. */
export function regionOf(deviceId: Eui): string | undefined {
  const region = REGIONS[deviceId.hex];
  if (region === undefined) throw new Error(`unknown device ${deviceId}`);
  return region;
}

export interface RigOptions {
  readonly settings?: Partial<Record<WanRegion, RegionSettingsData>>;
  readonly random?: Random;
}

/** A random that plays the given numbers in turn (then 0.5s): loss and jitter on cue. */
export function scripted(...values: number[]): Random {
  return () => values.shift() ?? 0.5;
}

/** A CSP over a fleet, and how to take it down. Time moves only through `scheduler`. */
export interface Rig {
  readonly world: World;
  readonly north: Device;
  readonly south: Device;
  readonly journal: Journal;
  readonly scheduler: SimulatedScheduler;
  readonly network: CspNetwork;
  readonly gateway: CspDeviceGateway;
  close(): Promise<void>;
}

export type RigFactory = (options?: RigOptions) => Promise<Rig>;

function devices(): { world: World; north: Device; south: Device; journal: Journal } {
  const w = world();
  return { world: w, north: installed(w, NORTH_METER), south: installed(w, SOUTH_METER), journal: new Journal() };
}

export const inProcessRig: RigFactory = async (options = {}) => {
  const d = devices();
  const csp = inProcessCsp({ fleet: d.world.fleet, clock: d.world.clock, regionOf, journal: d.journal, ...options });
  return { ...d, ...csp, close: async () => csp.network.close() };
};

/** The same, with the fleet behind a FleetHost per region over WebSocket on loopback. */
export const webSocketRig: RigFactory = async (options = {}) => {
  const d = devices();
  const scheduler = new SimulatedScheduler(d.world.clock);
  const network = new CspNetwork({ scheduler, regionOf, journal: d.journal, ...options });
  const link = await WebSocketCspLink.listen({ network });
  const hosts = await Promise.all(WAN_REGIONS.map((r) => FleetHost.connect(link.urlFor(r), d.world.fleet)));
  return {
    ...d,
    scheduler,
    network,
    gateway: new CspDeviceGateway(network),
    close: async () => {
      await Promise.all(hosts.map((h) => h.close()));
      await link.close();
      network.close();
    },
  };
};

let counter = 100n;

/** A CS02b (supplier A replaces its cells with supplier B's) as the DSP would hand it to the CSP. */
export function cs02bCommand(to: Device, options: { from?: Eui; executionDateTime?: Date } = {}): DeviceCommand {
  const n = counter++;
  const from = options.from ?? SUPPLIER;
  const cells = [
    { cell: 'supplierDS' as const, certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
    { cell: 'supplierKA' as const, certificate: certificateFor(SUPPLIER_B, 'supplierKA') },
  ];
  const extra = options.executionDateTime ? { executionDateTime: options.executionDateTime } : {};
  const bytes = command({ from, to, counter: n, payload: cs02b('supplierBySupplier', cells, n, extra) });
  return { deviceId: to.eui, bytes, requestId: RequestId.of(from, to.eui, n) };
}

/** A promise's outcome, readable without awaiting it. */
export function watch(outcome: Promise<DeviceOutcome>): { readonly value: DeviceOutcome | undefined } {
  const seen: { value: DeviceOutcome | undefined } = { value: undefined };
  void outcome.then((o) => {
    seen.value = o;
  });
  return seen;
}

/** Whether the device has executed a `cs02bCommand` (its supplier DS cell now holds supplier B's certificate). */
export function replaced(device: Device): boolean {
  return device.cell('supplierDS')?.der.equals(certificateFor(SUPPLIER_B, 'supplierDS')) ?? false;
}
