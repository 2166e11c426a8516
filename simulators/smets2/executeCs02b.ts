import { REMOTE_PARTY_ROLES } from '../core/roles.ts';
import type { Reason } from '../core/verdict.ts';
import type {
  CertificateUpdateOutcome,
  CertificateUpdateStatus,
  CredentialsReplacementMode,
  Cs02bCommand,
  Cs02bExecutionOutcome,
  RemotePartySeqNumberChange,
} from '../gbcs/index.ts';
import type { ActiveDevice } from './ActiveDevice.ts';
import { type CertificateEntry, EMPTY_ENTITY_ID } from './CertificateTable.ts';
import { cellAt, cellIndexByName, cellIndexOf } from './cells.ts';
import { judgeReplacement } from './certificateChecks.ts';
import { hasCell } from './deviceTypes.ts';
import { modeRule } from './replacementRules.ts';

const ROOT = cellIndexByName('root');

/** Worked out before anything changes; `applyCs02b` then writes it in one go. */
export interface Cs02bPlan {
  readonly outcome: Cs02bExecutionOutcome;
  /** Cell index → certificate (DER) for each successful replacement. */
  readonly changes: readonly (readonly [number, Buffer])[];
  /** Role number → new floor, for each role with a replaced cell (when the command sets a floor). */
  readonly floors: readonly (readonly [number, bigint])[];
  readonly reasons: readonly Reason[];
}

/**
 * A target outside the mode's scope (e.g. a supplier cell in a network-operator-by-network-operator
 * command) refuses the whole command: the sender has no authority over that cell [assumed: whole
 * refusal rather than a per-cell status]. Identifiers that are no cell at all are judged per cell.
 */
export function scopeProblem(
  device: ActiveDevice,
  mode: CredentialsReplacementMode,
  command: Cs02bCommand,
): Reason | undefined {
  const targets = new Set(modeRule(mode, device.type).targets.map(cellIndexByName));
  for (const r of command.replacements) {
    const cell = cellIndexOf(r.targetTrustAnchorCell);
    if (cell >= 0 && !targets.has(cell))
      return {
        code: 'target-out-of-scope',
        message: `${mode} may not replace the ${cellAt(cell).name} cell`,
      };
  }
  return undefined;
}

/** Judges every replacement; the device itself is not touched. */
export function planCs02b(
  device: ActiveDevice,
  mode: CredentialsReplacementMode,
  command: Cs02bCommand,
  counter: bigint,
  now: Date,
): Cs02bPlan {
  const fault = device.fault;
  const applyTimeChecks = command.control.applyTimeBasedCpvChecks !== 1;
  const planned = new Map<number, { entry: CertificateEntry | undefined; der?: Buffer }>();
  const outcomes: CertificateUpdateOutcome[] = [];
  const reasons: Reason[] = [];
  for (const r of command.replacements) {
    const cell = cellIndexOf(r.targetTrustAnchorCell);
    const present = hasCell(device.typeCode, cell);
    const existing = present ? (planned.has(cell) ? planned.get(cell)!.entry : device.cell(cell)) : undefined;
    let status: CertificateUpdateStatus;
    if (!present) status = 'trustAnchorNotFound';
    else if (fault?.kind === 'resourcesBusy') status = 'resourcesBusy';
    else if (fault?.kind === 'cellOutcome' && cellIndexByName(fault.cell) === cell) status = fault.status;
    else {
      // Judged against the root cell as the command found it, even if the command also replaces it.
      const root = device.cell(ROOT);
      const judgement = judgeReplacement(
        r.replacingCertificate,
        cellAt(cell),
        command.certificationPathCertificates,
        root,
        now,
        applyTimeChecks,
      );
      status = judgement.status;
      reasons.push(...judgement.reasons);
    }
    const replacing =
      status === 'success'
        ? device.services.state.certificates.entry(
            device.services.state.certificates.intern(r.replacingCertificate),
          )
        : existing;
    if (status === 'success') planned.set(cell, { entry: replacing, der: r.replacingCertificate });
    outcomes.push({
      cell: r.targetTrustAnchorCell,
      status,
      existingSubjectUniqueId: existing?.entityId ?? EMPTY_ENTITY_ID,
      existingSubjectKeyId: existing?.keyId ?? Buffer.alloc(0),
      replacingSubjectUniqueId: replacing?.entityId ?? EMPTY_ENTITY_ID,
      replacingSubjectKeyId: replacing?.keyId ?? Buffer.alloc(0),
    });
  }
  const changes = [...planned].map(([cell, p]) => [cell, p.der!] as const);
  const floor = command.control.newRemotePartyFloorSeqNumber;
  const changedRoles = [...new Set(changes.map(([cell]) => cellAt(cell).role))];
  const seqChanges: RemotePartySeqNumberChange[] =
    floor === undefined
      ? []
      : changedRoles.map((role) => ({
          role,
          floorSeqNumber: floor,
          ...(command.control.otherSeqNumberChanges && {
            otherSeqNumberChanges: command.control.otherSeqNumberChanges,
          }),
        }));
  return {
    outcome: {
      seqNumber: counter,
      credentialsReplacementMode: mode,
      remotePartySeqNumberChanges: seqChanges,
      certificateOutcomes: outcomes,
    },
    changes,
    floors: floor === undefined ? [] : changedRoles.map((role) => [REMOTE_PARTY_ROLES[role], floor] as const),
    reasons,
  };
}

/** Writes a plan: each cell is replaced whole or not at all; floors follow the replaced roles. */
export function applyCs02b(device: ActiveDevice, plan: Cs02bPlan): void {
  const { state } = device.services;
  for (const [cell, der] of plan.changes) state.setCell(device.index, cell, state.certificates.intern(der));
  for (const [role, floor] of plan.floors) device.setCounter(role, floor);
}

export function allSucceeded(outcome: Cs02bExecutionOutcome): boolean {
  return outcome.certificateOutcomes.every((o) => o.status === 'success');
}
