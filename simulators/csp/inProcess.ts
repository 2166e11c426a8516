import type { SimulatedClock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import type { Fleet } from '../smets2/index.ts';
import { CspDeviceGateway } from './CspDeviceGateway.ts';
import { CspNetwork } from './CspNetwork.ts';
import { FleetDeviceSide } from './FleetDeviceSide.ts';
import type { Random } from './random.ts';
import { type RegionSettingsData, WAN_REGIONS, type WanRegion } from './regions.ts';
import { SimulatedScheduler } from './SimulatedScheduler.ts';

export interface InProcessCspOptions {
  readonly fleet: Fleet;
  readonly clock: SimulatedClock;
  readonly regionOf: (deviceId: Eui) => string | undefined;
  readonly journal?: Journal;
  readonly settings?: Partial<Record<WanRegion, RegionSettingsData>>;
  readonly random?: Random;
}

export interface InProcessCsp {
  readonly scheduler: SimulatedScheduler;
  readonly network: CspNetwork;
  readonly gateway: CspDeviceGateway;
}

/** The usual simulated set-up: one fleet behind all three regions, time driven by a SimulatedScheduler. */
export function inProcessCsp(options: InProcessCspOptions): InProcessCsp {
  const scheduler = new SimulatedScheduler(options.clock);
  const network = new CspNetwork({
    scheduler,
    regionOf: options.regionOf,
    ...(options.journal && { journal: options.journal }),
    ...(options.settings && { settings: options.settings }),
    ...(options.random && { random: options.random }),
  });
  const side = new FleetDeviceSide(options.fleet);
  for (const region of WAN_REGIONS) network.attach(region, side);
  return { scheduler, network, gateway: new CspDeviceGateway(network) };
}
