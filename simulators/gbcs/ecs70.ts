import type { DlmsDateTime } from './DlmsDateTime.ts';
import type { AccessRequestSpecification, DlmsAccessRequest, DlmsAccessResponse } from './dlmsAccess.ts';
import { type DlmsData, dlms, dlmsDateTimeOf } from './dlmsData.ts';

/** COSEM Clock (class 8) at 0-0:1.0.0.255, the object ECS70 works on. */
export const CLOCK = { classId: 8, obis: '0-0:1.0.0.255' } as const;
const CLOCK_ATTRIBUTE = { time: 2, status: 4, clockBase: 9 } as const;
const CLOCK_METHOD = { adjustToPresetTime: 4, presetAdjustingTime: 5 } as const;

/** ECS70 Set Clock on ESME, as the RTDS command does it. */
export interface Ecs70SetClock {
  /** Set clock_base (enum; RTDS 5). */
  readonly clockBase: number;
  /** preset_adjusting_time(preset time, validity interval start, validity interval end). */
  readonly presetTime: DlmsDateTime;
  readonly validityIntervalStart: DlmsDateTime;
  readonly validityIntervalEnd: DlmsDateTime;
}

/** What the device reports back: its time and clock status after the update, plus per-step results. */
export interface Ecs70Outcome {
  readonly time?: DlmsDateTime;
  readonly clockStatus?: number;
  /** Per specification, in request order: 0 = success. */
  readonly results: readonly number[];
}

function clockSpec(kind: AccessRequestSpecification['kind'], id: number): AccessRequestSpecification {
  return { kind, descriptor: { classId: CLOCK.classId, obis: CLOCK.obis, id } };
}

/**
 * The RTDS ECS70 access-request: set clock_base, preset_adjusting_time, adjust_to_preset_time, then read
 * time and status. The invoke id is the low 24 bits of the originator counter, flags 0x20 (RTDS).
 */
export function buildEcs70Request(
  inputs: Ecs70SetClock & { readonly originatorCounter: bigint },
): DlmsAccessRequest {
  return {
    longInvokeIdAndPriority: 0x20000000 | Number(inputs.originatorCounter & 0xffffffn),
    dateTime: Buffer.alloc(0),
    specifications: [
      clockSpec('set', CLOCK_ATTRIBUTE.clockBase),
      clockSpec('action', CLOCK_METHOD.presetAdjustingTime),
      clockSpec('action', CLOCK_METHOD.adjustToPresetTime),
      clockSpec('get', CLOCK_ATTRIBUTE.time),
      clockSpec('get', CLOCK_ATTRIBUTE.status),
    ],
    data: [
      dlms.scalar('enum', inputs.clockBase),
      dlms.structure(
        dlms.dateTimeOctets(inputs.presetTime),
        dlms.dateTimeOctets(inputs.validityIntervalStart),
        dlms.dateTimeOctets(inputs.validityIntervalEnd),
      ),
      dlms.scalar('integer', 0),
      dlms.null(),
      dlms.null(),
    ],
  };
}

function dataFor(
  req: DlmsAccessRequest,
  values: readonly DlmsData[],
  kind: AccessRequestSpecification['kind'],
  id: number,
): DlmsData | undefined {
  const i = req.specifications.findIndex(
    (s) =>
      s.kind === kind &&
      s.descriptor.classId === CLOCK.classId &&
      s.descriptor.obis === CLOCK.obis &&
      s.descriptor.id === id,
  );
  return i < 0 ? undefined : values[i];
}

/** Reads the set-clock fields back out of an access-request; undefined if it is not shaped like ECS70. */
export function interpretEcs70Request(req: DlmsAccessRequest): Ecs70SetClock | undefined {
  const base = dataFor(req, req.data, 'set', CLOCK_ATTRIBUTE.clockBase);
  const preset = dataFor(req, req.data, 'action', CLOCK_METHOD.presetAdjustingTime);
  if (base?.type !== 'enum' || preset?.type !== 'structure' || preset.items.length !== 3) return undefined;
  const [presetTime, validityIntervalStart, validityIntervalEnd] = preset.items.map(dlmsDateTimeOf);
  if (!presetTime || !validityIntervalStart || !validityIntervalEnd) return undefined;
  return { clockBase: Number(base.value), presetTime, validityIntervalStart, validityIntervalEnd };
}

/** Pairs a response with its request: the response data is positional. */
export function interpretEcs70Response(req: DlmsAccessRequest, res: DlmsAccessResponse): Ecs70Outcome {
  const time = dlmsDateTimeOf(dataFor(req, res.data, 'get', CLOCK_ATTRIBUTE.time));
  const status = dataFor(req, res.data, 'get', CLOCK_ATTRIBUTE.status);
  const clockStatus =
    status && 'value' in status && typeof status.value === 'bigint' ? Number(status.value) : undefined;
  return {
    ...(time && { time }),
    ...(clockStatus !== undefined && { clockStatus }),
    results: res.results.map((r) => r.result),
  };
}
