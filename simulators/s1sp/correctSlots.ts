import type { Eui } from '../core/Eui.ts';
import type { Verdict } from '../core/verdict.ts';
import { checkSlotCertificate } from './checkSlotCertificate.ts';
import {
  type CertificatesOf,
  type CorrectionContext,
  type CorrectionFailure,
  type CorrectionReport,
  foreignNetworkOperatorSlots,
  type NetworkOperatorSlotMismatch,
  planCorrection,
} from './networkOperatorSlots.ts';
import type { S1Device } from './S1Device.ts';
import type { SlotChange } from './S1spOutcome.ts';
import type { S1DeviceTypeSpec, SlotName } from './slots.ts';

export interface CorrectSlotsContext extends CorrectionContext {
  readonly s1spId: string;
  readonly device: (deviceId: Eui) => S1Device | undefined;
  readonly typeSpec: (deviceType: string) => S1DeviceTypeSpec;
  /** Makes one device's changes and journals each one. */
  readonly apply: (changes: readonly SlotChange[]) => void;
}

/**
 * MP107 R2 for one S1SP: looks at each device again (its slots may have changed since the scan),
 * plans the replacements for the ones still mismatched against the party the scan found
 * registered, and in apply mode makes them, device by device (each device all or nothing).
 */
export function correctSlots(
  mismatches: readonly NetworkOperatorSlotMismatch[],
  certificatesOf: CertificatesOf,
  apply: boolean,
  ctx: CorrectSlotsContext,
): CorrectionReport {
  // One job judges each certificate once per slot, not once per device (same clock reading).
  const verdicts = new WeakMap<Uint8Array, Map<SlotName, Verdict>>();
  const check = (der: Uint8Array, slot: SlotName): Verdict => {
    const bySlot = verdicts.get(der) ?? new Map<SlotName, Verdict>();
    verdicts.set(der, bySlot);
    const verdict = bySlot.get(slot) ?? checkSlotCertificate(der, slot, ctx);
    bySlot.set(slot, verdict);
    return verdict;
  };
  const changes: SlotChange[] = [];
  const failures: CorrectionFailure[] = [];
  let mismatched = 0;
  let corrected = 0;
  for (const mismatch of mismatches) {
    const device = ctx.device(mismatch.deviceId);
    if (device === undefined) {
      const reason = `device ${mismatch.deviceId} is not enrolled at ${ctx.s1spId}`;
      failures.push({ deviceId: mismatch.deviceId, code: 'unknown-device', reason });
      continue;
    }
    const spec = ctx.typeSpec(device.deviceType);
    if (foreignNetworkOperatorSlots(device, spec, mismatch.registered).length === 0) continue;
    mismatched += 1;
    const plan = planCorrection(device, spec, mismatch.registered, certificatesOf, { ...ctx, check });
    if (!plan.ok) {
      failures.push(plan.failure);
      continue;
    }
    changes.push(...plan.changes);
    if (apply && plan.changes.length > 0) {
      ctx.apply(plan.changes);
      corrected += 1;
    }
  }
  return { s1sp: ctx.s1spId, apply, checked: mismatches.length, mismatched, corrected, changes, failures };
}
