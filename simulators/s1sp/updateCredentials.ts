import type { Eui } from '../core/Eui.ts';
import type { Reason } from '../core/verdict.ts';
import { authorisingCellFor, type UpdateSecurityCredentialsKrpBody } from '../duis/index.ts';
import type { CertificatePool, HeldCertificate } from './CertificatePool.ts';
import { checkSlotCertificate, type SlotCertificateCheckOptions } from './checkSlotCertificate.ts';
import type { CredentialsReplacementMode, ReplacementOutcomeContent } from './mmcContent.ts';
import { type S1Device, slotOf } from './S1Device.ts';
import type { S1spRefusalCode, SlotChange } from './S1spOutcome.ts';
import { SLOT_SPECS, type SlotName, slotForCell } from './slots.ts';

export interface UpdateContext extends SlotCertificateCheckOptions {
  readonly pool: CertificatePool;
  /** Slots the device's type has. */
  readonly deviceSlots: readonly SlotName[];
  /** `90-B3-… (Party name)` for messages. */
  readonly describe: (eui: Eui) => string;
}

export interface ExecutionOutcomeContent {
  readonly credentialsReplacementMode: CredentialsReplacementMode;
  readonly replacements: readonly ReplacementOutcomeContent[];
}

/** A 6.15.1 request judged: the changes to make, or why none are made. */
export type UpdateDecision =
  | {
      readonly ok: true;
      readonly changes: readonly SlotChange[];
      readonly executionOutcome: ExecutionOutcomeContent;
    }
  | {
      readonly ok: false;
      readonly code: S1spRefusalCode;
      readonly reasons: readonly Reason[];
      readonly executionOutcome?: ExecutionOutcomeContent;
    };

/**
 * SRV 6.15.1 at the S1SP, the SMETS1 form of the SMETS2 device rule: the sender must own the
 * certificate currently in the authorising slot (the DS slot of the role being replaced); then
 * every replacement certificate must fit its slot. All or nothing: one bad certificate refuses
 * the request and nothing changes. Decides only; the caller applies the changes.
 */
export function decideUpdate(
  device: S1Device,
  sender: Eui,
  body: UpdateSecurityCredentialsKrpBody,
  ctx: UpdateContext,
): UpdateDecision {
  if (body.executionDateTime !== undefined) {
    const when = body.executionDateTime.toISOString();
    const message = `ExecutionDateTime ${when}: the S1SP simulator replaces certificates only on demand`;
    return refuse('future-dated-not-supported', 'future-dated', message);
  }
  const targets = body.replacements.map((r) => slotForCell(r.targetCell));
  const missing = body.replacements.filter((_, i) => {
    const slot = targets[i];
    return slot === undefined || !ctx.deviceSlots.includes(slot);
  });
  if (missing.length > 0) {
    const cells = missing.map(({ targetCell: c }) => `${c.role} ${c.keyUsage} (${c.cellUsage})`);
    const message = `SMETS1 device ${device.deviceId} has no virtual anchor slot for ${cells.join(', ')}`;
    return refuse('no-such-slot', 'no-such-slot', message);
  }
  const slots = targets as SlotName[];
  const authorising = slotForCell(authorisingCellFor('6.15.1', body.remotePartyRole))!;
  const holder = slotOf(device, authorising);
  const label = SLOT_SPECS[authorising].label;
  if (holder === undefined) {
    const message =
      `the ${label} of ${device.deviceId} is empty: ` +
      `nobody can authorise replacing the ${body.remotePartyRole} certificates`;
    return refuse('empty-authorising-slot', 'empty-authorising-slot', message);
  }
  if (!holder.owner.equals(sender)) {
    const message =
      `${ctx.describe(sender)} does not own the certificate in the ${label} of ${device.deviceId}; ` +
      `it belongs to ${ctx.describe(holder.owner)}`;
    return refuse('not-certificate-owner', 'not-certificate-owner', message);
  }
  const mode: CredentialsReplacementMode =
    body.remotePartyRole === 'Supplier' ? 'SupplierBySupplier' : 'NetworkOperatorByNetworkOperator';
  const verdicts = body.replacements.map((r, i) => checkSlotCertificate(r.certificate, slots[i]!, ctx));
  if (verdicts.some((v) => !v.ok)) {
    const replacements = verdicts.flatMap((v, i) => (v.ok ? [] : [badOutcome(device, slots[i]!)]));
    return {
      ok: false,
      code: 'bad-certificate',
      reasons: verdicts.flatMap((v) => v.reasons),
      executionOutcome: { credentialsReplacementMode: mode, replacements },
    };
  }
  const changes = body.replacements.map((r, i) => {
    const slot = slots[i]!;
    const after = ctx.pool.intern(r.certificate);
    return { deviceId: device.deviceId, slot, before: slotOf(device, slot), after };
  });
  const replacements = changes.map(successOutcome);
  return { ok: true, changes, executionOutcome: { credentialsReplacementMode: mode, replacements } };
}

export function successOutcome(change: SlotChange): ReplacementOutcomeContent {
  return {
    ...slotOutcome(change.slot, change.before),
    status: 'success',
    newRemotePartyId: change.after.owner,
    newCertificateHash: change.after.sha1,
  };
}

function badOutcome(device: S1Device, slot: SlotName): ReplacementOutcomeContent {
  return { ...slotOutcome(slot, slotOf(device, slot)), status: 'badCertificate' };
}

function slotOutcome(slot: SlotName, before: HeldCertificate | undefined) {
  const spec = SLOT_SPECS[slot];
  return {
    certificateType: spec.usage === 'DS' ? 'DigitalSigning' : 'KeyAgreement',
    remotePartyRole: spec.duisRole,
    ...(before && { existingRemotePartyId: before.owner, existingCertificateHash: before.sha1 }),
  } as const;
}

function refuse(code: S1spRefusalCode, reasonCode: string, message: string): UpdateDecision {
  return { ok: false, code, reasons: [{ code: reasonCode, message }] };
}
