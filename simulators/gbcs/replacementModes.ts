import { GbcsDecodeError } from './GbcsDecodeError.ts';

/**
 * GBCS CS02b credentials replacement modes, numbered 0–9 in this order (domain.md); the CS02b message
 * code is 0x0100 + the mode number.
 */
export const CREDENTIALS_REPLACEMENT_MODES = [
  'rootBySupplier',
  'rootByWanProvider',
  'supplierBySupplier',
  'networkOperatorByNetworkOperator',
  'accessControlBrokerByACB',
  'wanProviderByWanProvider',
  'transCoSByTransCoS',
  'supplierByTransCoS',
  'anyExceptAbnormalRootByRecovery',
  'anyByContingency',
] as const;

export type CredentialsReplacementMode = (typeof CREDENTIALS_REPLACEMENT_MODES)[number];

export function replacementModeNumber(mode: CredentialsReplacementMode): number {
  return CREDENTIALS_REPLACEMENT_MODES.indexOf(mode);
}

export function replacementModeFromNumber(
  n: number,
  offset: number,
  field = 'credentialsReplacementMode',
): CredentialsReplacementMode {
  const mode = CREDENTIALS_REPLACEMENT_MODES[n];
  if (mode === undefined)
    throw new GbcsDecodeError(field, offset, 'a credentials replacement mode 0-9', String(n));
  return mode;
}
