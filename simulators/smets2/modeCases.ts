/** Test support: one worked case per CS02b replacement mode (who holds the authorising cell, what it replaces). */
import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { CredentialsReplacementMode } from '../gbcs/index.ts';
import { Smki } from '../smki/index.ts';
import type { Device } from './Device.ts';
import {
  ACB,
  CHF,
  certificateFor,
  command,
  cs02b,
  installed,
  NO_A,
  NO_B,
  RECOVERY,
  type Replacement,
  SUPPLIER,
  SUPPLIER_B,
  TRANSCOS,
  WAN,
  type World,
} from './testSupport.ts';

export const NEW_ROOT = new Smki('a new root').root.der;

export interface ModeCase {
  /** The device type the mode is exercised on (WAN modes need a CHF, and ACB-by-ACB signed too). */
  readonly type: 'ESME' | 'CHF';
  /** Who sends it, and with which key (default: the sender's DS key). */
  readonly holder: Eui;
  readonly key?: (w: World) => KeyObject;
  /** MAC-only (ACB-by-ACB on a non-CHF) / signature-only (recovery, contingency: bare DF frame). */
  readonly frame?: 'macOnly' | 'signatureOnly';
  readonly replacements: () => Replacement[];
}

const SUPPLIER_B_CELLS = (): Replacement[] => [
  { cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
  { cell: 'supplierKA', certificate: certificateFor(SUPPLIER_B, 'supplierKA') },
  { cell: 'supplierKAPrePayment', certificate: certificateFor(SUPPLIER_B, 'supplierKAPrePayment') },
];

export const CASES: Record<CredentialsReplacementMode, ModeCase> = {
  rootBySupplier: {
    type: 'ESME',
    holder: SUPPLIER,
    replacements: () => [{ cell: 'root', certificate: NEW_ROOT }],
  },
  rootByWanProvider: {
    type: 'CHF',
    holder: WAN,
    replacements: () => [{ cell: 'root', certificate: NEW_ROOT }],
  },
  supplierBySupplier: { type: 'ESME', holder: SUPPLIER, replacements: SUPPLIER_B_CELLS },
  networkOperatorByNetworkOperator: {
    type: 'ESME',
    holder: NO_A,
    replacements: () => [
      { cell: 'networkOperatorDS', certificate: certificateFor(NO_B, 'networkOperatorDS') },
      { cell: 'networkOperatorKA', certificate: certificateFor(NO_B, 'networkOperatorKA') },
    ],
  },
  accessControlBrokerByACB: {
    type: 'ESME',
    holder: ACB,
    frame: 'macOnly',
    replacements: () => [
      { cell: 'accessControlBrokerDS', certificate: certificateFor(ACB, 'accessControlBrokerDS', 1) },
      { cell: 'accessControlBrokerKA', certificate: certificateFor(ACB, 'accessControlBrokerKA', 1) },
    ],
  },
  wanProviderByWanProvider: {
    type: 'CHF',
    holder: WAN,
    replacements: () => [{ cell: 'wanProviderDS', certificate: certificateFor(WAN, 'wanProviderDS', 1) }],
  },
  transCoSByTransCoS: {
    type: 'ESME',
    holder: TRANSCOS,
    replacements: () => [
      { cell: 'transitionalCoSDS', certificate: certificateFor(TRANSCOS, 'transitionalCoSDS', 1) },
    ],
  },
  supplierByTransCoS: { type: 'ESME', holder: TRANSCOS, replacements: SUPPLIER_B_CELLS },
  anyExceptAbnormalRootByRecovery: {
    type: 'ESME',
    holder: RECOVERY,
    frame: 'signatureOnly',
    replacements: () => [
      { cell: 'networkOperatorDS', certificate: certificateFor(NO_B, 'networkOperatorDS') },
      { cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
    ],
  },
  anyByContingency: {
    type: 'ESME',
    holder: ACB,
    key: (w) => w.smki.root.privateKey,
    frame: 'signatureOnly',
    replacements: () => [
      { cell: 'root', certificate: NEW_ROOT },
      { cell: 'supplierKA', certificate: certificateFor(SUPPLIER_B, 'supplierKA') },
    ],
  },
};

export const OTHER_SENDERS: readonly Eui[] = [SUPPLIER, SUPPLIER_B, NO_A, NO_B, ACB, WAN, TRANSCOS, RECOVERY];

export function deviceFor(w: World, type: 'ESME' | 'CHF'): Device {
  return type === 'CHF' ? w.install(CHF, { type: 'CHF' }) : installed(w);
}

export function send(
  device: Device,
  mode: CredentialsReplacementMode,
  c: ModeCase,
  from: Eui,
  key: KeyObject | null,
  counter = 500n,
) {
  return device.handle(
    command({
      from,
      to: device,
      counter,
      payload: cs02b(mode, c.replacements(), counter),
      signer: c.frame === 'macOnly' ? null : key,
      mac: c.frame === 'signatureOnly' ? 'none' : 'acb',
    }),
  );
}
