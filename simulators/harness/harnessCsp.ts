import { type Clock, SimulatedClock } from '../core/clock.ts';
import type { Journal } from '../core/Journal.ts';
import {
  CspDeviceGateway,
  CspNetwork,
  FleetDeviceSide,
  inProcessCsp,
  type Scheduler,
  type SimulatedScheduler,
  SystemScheduler,
  WAN_REGIONS,
} from '../csp/index.ts';
import type { InventoryData } from '../inventory/InventoryData.ts';
import type { Fleet } from '../smets2/index.ts';

/** The CSP as the harness exposes it. */
export interface HarnessCsp {
  readonly scheduler: Scheduler;
  readonly network: CspNetwork;
  readonly gateway: CspDeviceGateway;
}

/** The CSP and the one concrete scheduler behind it. */
export type BuiltCsp = HarnessCsp &
  ({ readonly simulated: SimulatedScheduler; readonly system?: undefined } | { readonly simulated?: undefined; readonly system: SystemScheduler });

/**
 * The fleet behind all three regions' WANs, in process. Simulated time: a SimulatedScheduler over
 * the estate's SimulatedClock (`inProcessCsp`). Wall time: real timers (`SystemScheduler`), for
 * standalone servers real clients talk to. Regions come from the inventory.
 */
export function buildCsp(o: { clock: Clock; fleet: Fleet; inventory: InventoryData; journal: Journal }): BuiltCsp {
  const regionOf = (deviceId: Parameters<InventoryData['cspRegionOf']>[0]) => o.inventory.cspRegionOf(deviceId);
  if (o.clock instanceof SimulatedClock) {
    const csp = inProcessCsp({ fleet: o.fleet, clock: o.clock, regionOf, journal: o.journal });
    return { ...csp, simulated: csp.scheduler };
  }
  const system = new SystemScheduler({ clock: o.clock });
  const network = new CspNetwork({ scheduler: system, regionOf, journal: o.journal });
  const side = new FleetDeviceSide(o.fleet);
  for (const region of WAN_REGIONS) network.attach(region, side);
  return { scheduler: system, network, gateway: new CspDeviceGateway(network), system };
}
