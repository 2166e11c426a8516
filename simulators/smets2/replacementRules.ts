import type { CredentialsReplacementMode } from '../gbcs/index.ts';
import { CELL_NAMES, type CellName } from './cells.ts';
import type { DeviceType } from './deviceTypes.ts';

/**
 * How a device authenticates a command and which cells it may change, per CS02b credentials
 * replacement mode. DATA, one row per mode (GBCS CS02b, as domain.md and gbcs.md give it):
 *
 * - `authorisingCell`: the cell whose certificate's owner must have sent the command (the originator
 *   system title must be that certificate's Entity ID) and whose key verifies the signature. Its role
 *   is the anti-replay counter the command is checked against.
 * - `signature`: the command must carry a signature verifying with that cell's key.
 * - `mac`: `required` – the ACB MAC (DD wrapper, device KA × ACB KA cell) must be there and verify;
 *   `ifPresent` – signature-only modes (recovery, contingency): a bare DF frame is fine, a MAC that is
 *   there must still verify.
 * - `targets`: the cells the mode may replace. A command naming any other cell of the table is refused
 *   whole (0x8F30 no authority) [assumed: GBCS gives the scope, not this exact refusal].
 * - `overrides`: a different row on some device types (ACB-by-ACB: MAC only on a non-CHF device [spec]).
 */
export interface ModeRule {
  readonly authorisingCell: CellName;
  readonly signature: boolean;
  readonly mac: 'required' | 'ifPresent';
  readonly targets: readonly CellName[];
  readonly overrides?: Partial<Record<DeviceType, Omit<ModeRule, 'targets' | 'overrides'>>>;
}

const SUPPLIER_CELLS: readonly CellName[] = ['supplierDS', 'supplierKA', 'supplierKAPrePayment'];
const SIGNED = { signature: true, mac: 'required' } as const;
const SIGNATURE_ONLY = { signature: true, mac: 'ifPresent' } as const;

export const MODE_RULES: Readonly<Record<CredentialsReplacementMode, ModeRule>> = {
  rootBySupplier: {
    authorisingCell: 'supplierDS',
    ...SIGNED,
    targets: ['root'],
  },
  rootByWanProvider: {
    authorisingCell: 'wanProviderDS',
    ...SIGNED,
    targets: ['root'],
  },
  supplierBySupplier: {
    authorisingCell: 'supplierDS',
    ...SIGNED,
    targets: SUPPLIER_CELLS,
  },
  networkOperatorByNetworkOperator: {
    authorisingCell: 'networkOperatorDS',
    ...SIGNED,
    targets: ['networkOperatorDS', 'networkOperatorKA'],
  },
  accessControlBrokerByACB: {
    authorisingCell: 'accessControlBrokerDS',
    ...SIGNED,
    targets: ['accessControlBrokerDS', 'accessControlBrokerKA'],
    overrides: Object.fromEntries(
      (['ESME', 'GSME', 'GPF'] as const).map((t) => [
        t,
        {
          authorisingCell: 'accessControlBrokerKA',
          signature: false,
          mac: 'required',
        },
      ]),
    ),
  },
  wanProviderByWanProvider: {
    authorisingCell: 'wanProviderDS',
    ...SIGNED,
    targets: ['wanProviderDS'],
  },
  transCoSByTransCoS: {
    authorisingCell: 'transitionalCoSDS',
    ...SIGNED,
    targets: ['transitionalCoSDS'],
  },
  supplierByTransCoS: {
    authorisingCell: 'transitionalCoSDS',
    ...SIGNED,
    targets: SUPPLIER_CELLS,
  },
  /** Every cell but the root [assumed reading of "any except abnormal root"]. */
  anyExceptAbnormalRootByRecovery: {
    authorisingCell: 'recovery',
    ...SIGNATURE_ONLY,
    targets: CELL_NAMES.filter((n) => n !== 'root'),
  },
  /**
   * Signed with the contingency key. The harness has no separate contingency cell: the key is taken to
   * be the one certified in the root cell [assumed], so the SMKI root's private key signs these.
   */
  anyByContingency: {
    authorisingCell: 'root',
    ...SIGNATURE_ONLY,
    targets: CELL_NAMES,
  },
};

/** The rule for a mode on a device type, overrides applied. */
export function modeRule(mode: CredentialsReplacementMode, type: DeviceType): ModeRule {
  const rule = MODE_RULES[mode];
  const override = rule.overrides?.[type];
  return override ? { ...rule, ...override } : rule;
}
