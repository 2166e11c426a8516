import { InvalidInputError } from '../core/errors.ts';
import { CERTIFICATE_UPDATE_STATUS, type CertificateUpdateStatus } from '../gbcs/index.ts';
import { type CellName, isCellName } from './cells.ts';

/**
 * Faults a device can be told to show, one at a time. Each is data (`{ kind: 'delayedResponse', ms:
 * 120000 }` or just `"offline"`), so an estate file or a Gherkin step can set it:
 *
 * - `offline`: the device hears nothing – no response, no alert, nothing changes.
 * - `noResponse`: the device executes the command (and raises its alerts) but sends no response.
 * - `delayedResponse`: executes now; the response is released by `tick` once the clock has passed
 *   `ms` after receipt (set it beyond a DSP time-out to produce E20/E21-style stories).
 * - `emptyExecutionOutcome`: a CS02b executes but is answered with commandAccepted only – the
 *   future-dated shape with no execution outcome (the post-commissioning false positive).
 * - `resourcesBusy`: every CS02b cell outcome is resourcesBusy and nothing changes (not even counters).
 * - `cellOutcome`: CS02b replacements of `cell` fail with `status` (e.g. insufficientMemory, other)
 *   while the other cells are judged normally – partial failures on demand.
 */
export type Fault =
  | { readonly kind: 'offline' }
  | { readonly kind: 'noResponse' }
  | { readonly kind: 'delayedResponse'; readonly ms: number }
  | { readonly kind: 'emptyExecutionOutcome' }
  | { readonly kind: 'resourcesBusy' }
  | {
      readonly kind: 'cellOutcome';
      readonly cell: CellName;
      readonly status: CertificateUpdateStatus;
    };

export type FaultKind = Fault['kind'];
export const FAULT_KINDS: readonly FaultKind[] = [
  'offline',
  'noResponse',
  'delayedResponse',
  'emptyExecutionOutcome',
  'resourcesBusy',
  'cellOutcome',
];

/** A fault from data: a kind name, or an object with `kind` and its parameters. `none`/null clears. */
export function parseFault(data: unknown, field = 'fault'): Fault | undefined {
  if (data === null || data === undefined || data === 'none') return undefined;
  const object: Record<string, unknown> =
    typeof data === 'string' ? { kind: data.trim() } : isRecord(data) ? data : {};
  const kind = object.kind;
  switch (kind) {
    case 'offline':
    case 'noResponse':
    case 'emptyExecutionOutcome':
    case 'resourcesBusy':
      return { kind };
    case 'delayedResponse': {
      const ms = Number(object.ms);
      if (!Number.isFinite(ms) || ms < 0)
        throw new InvalidInputError(`${field}.ms`, 'a delay in milliseconds ≥ 0', object.ms);
      return { kind, ms };
    }
    case 'cellOutcome': {
      if (!isCellName(object.cell)) throw new InvalidInputError(`${field}.cell`, 'a cell name', object.cell);
      const status = object.status;
      if (
        typeof status !== 'string' ||
        !Object.hasOwn(CERTIFICATE_UPDATE_STATUS, status) ||
        status === 'success'
      )
        throw new InvalidInputError(`${field}.status`, 'a failing certificate update status', status);
      return {
        kind,
        cell: object.cell,
        status: status as CertificateUpdateStatus,
      };
    }
    default:
      throw new InvalidInputError(`${field}.kind`, `none or one of ${FAULT_KINDS.join(', ')}`, kind ?? data);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
