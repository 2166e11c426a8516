/**
 * The two judgements over the same journal, as data. A criteria set says, per obligation, what
 * meets it; `checks.ts` evaluates each kind of check. A Working Group variant is another object of
 * this shape (e.g. `{ ...PROPOSED, checks: { ...PROPOSED.checks, communicating: … } }`).
 */
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import type { CellName } from '../smets2/index.ts';
import type { FrameKind } from './attempts.ts';
import type { ObligationId } from './obligations.ts';

/** Met by a *successful* Service Request (I0, non-empty successful execution outcome) of one of `srvs`. */
export interface ServiceRequestCheck {
  readonly kind: 'serviceRequest';
  readonly srvs: readonly string[];
  /** 6.17 / 6.15.2: which device key the command is for. */
  readonly keyUsage?: KeyUsage;
  /** CS02b SRVs: the role whose cells it replaces. */
  readonly targetRole?: RemotePartyRole;
}

/**
 * Who must own the certificates in the cells: the supplier registered now for the device's meter
 * points; the network operator registered for its MPAN (the gas transporter for a GPF's MPRN); the
 * DCC's Recovery party; or anyone (the cell merely populated).
 */
export type CellHolderRule = 'registeredSupplier' | 'registeredNetworkOperator' | 'dccRecovery' | 'anyone';

/** Met when every listed cell the device type has holds a certificate of the right owner. */
export interface CellsCheck {
  readonly kind: 'cells';
  readonly cells: readonly CellName[];
  readonly holder: CellHolderRule;
}

/** Met when the device's own certificate of this key usage has been replaced (6.15.2's effect). */
export interface DeviceCredentialCheck {
  readonly kind: 'deviceCredentialRenewed';
  readonly usage: KeyUsage;
}

/** Met when the device sent one of these frames after commissioning, by the deadline. */
export interface CommunicatedCheck {
  readonly kind: 'communicated';
  readonly evidence: readonly FrameKind[];
}

export type Check = ServiceRequestCheck | CellsCheck | DeviceCredentialCheck | CommunicatedCheck;

export interface Criteria {
  readonly name: string;
  readonly title: string;
  /** Where the criteria come from, for the report. */
  readonly basis: string;
  /** Obligations without a check are not judged by this set. */
  readonly checks: Readonly<Partial<Record<ObligationId, Check>>>;
  /**
   * SRVs that, once sent, fail every Service Request obligation not yet met – "the Device will continue
   * to be reported as having failed" after a change of supplier before completion (seed 004).
   */
  readonly interruptedBy: readonly string[];
}

export const SUPPLIER_CELLS: readonly CellName[] = ['supplierDS', 'supplierKA', 'supplierKAPrePayment'];
export const NETWORK_OPERATOR_CELLS: readonly CellName[] = ['networkOperatorDS', 'networkOperatorKA'];

/** SEC Appendix AC §5 as the DCC reports today: each SR in the sequence must succeed. */
export const CURRENT: Criteria = Object.freeze<Criteria>({
  name: 'current',
  title: 'Current criteria (SEC Appendix AC §5)',
  basis:
    'Each Service Request must be successful – an I0 device response with a non-empty, successful execution outcome: ' +
    '2× SRV 6.17 (DS, KA), 2× SRV 6.15.2 (DS, KA), SRV 6.15.1 for the network operator certificates; the DSP checks ' +
    'that the device communicates (a device response) and that the Recovery cell is populated. Time-outs, empty ' +
    'execution status, a change of supplier (6.23) before completion and 6.21 instead of 6.15.1 count as failures.',
  checks: {
    issueCredentialsDS: { kind: 'serviceRequest', srvs: ['6.17'], keyUsage: 'DS' },
    issueCredentialsKA: { kind: 'serviceRequest', srvs: ['6.17'], keyUsage: 'KA' },
    updateDeviceCredentialsDS: { kind: 'serviceRequest', srvs: ['6.15.2'], keyUsage: 'DS' },
    updateDeviceCredentialsKA: { kind: 'serviceRequest', srvs: ['6.15.2'], keyUsage: 'KA' },
    networkOperatorCredentials: { kind: 'serviceRequest', srvs: ['6.15.1'], targetRole: 'networkOperator' },
    communicating: { kind: 'communicated', evidence: ['response'] },
    recoveryAnchor: { kind: 'cells', cells: ['recovery'], holder: 'anyone' },
  },
  interruptedBy: ['6.23'],
});

/** Seed 004's proposal: judge by what is actually in the device's cells. */
export const PROPOSED: Criteria = Object.freeze<Criteria>({
  name: 'proposed',
  title: 'Proposed criteria (certificates on the device)',
  basis:
    "The supplier cells hold the registered supplier's certificates, the network operator cells the registered " +
    "network operator's (the gas transporter's on a GPF), the Recovery cell the DCC Recovery certificate, the " +
    "device's own DS and KA certificates have been replaced, and the device has communicated (any response, " +
    'alert or late response) – however the Service Requests went.',
  checks: {
    issueCredentialsDS: { kind: 'deviceCredentialRenewed', usage: 'DS' },
    issueCredentialsKA: { kind: 'deviceCredentialRenewed', usage: 'KA' },
    updateDeviceCredentialsDS: { kind: 'deviceCredentialRenewed', usage: 'DS' },
    updateDeviceCredentialsKA: { kind: 'deviceCredentialRenewed', usage: 'KA' },
    networkOperatorCredentials: { kind: 'cells', cells: NETWORK_OPERATOR_CELLS, holder: 'registeredNetworkOperator' },
    supplierCredentials: { kind: 'cells', cells: SUPPLIER_CELLS, holder: 'registeredSupplier' },
    communicating: { kind: 'communicated', evidence: ['response', 'alert', 'lateResponse'] },
    recoveryAnchor: { kind: 'cells', cells: ['recovery'], holder: 'dccRecovery' },
  },
  interruptedBy: [],
});

export const CRITERIA: readonly Criteria[] = [CURRENT, PROPOSED];
