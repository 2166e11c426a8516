/**
 * The post-commissioning obligations of a SMETS2+ device (SEC Appendix AC §5 as seed 004 and
 * docs/domain.md summarise it), and which device types carry which. The table is data: an estate
 * changes it through the settings (`settings.ts`), not through code.
 */

/**
 * - `issueCredentialsDS` / `issueCredentialsKA`: SRV 6.17 Issue Security Credentials, one per key usage;
 * - `updateDeviceCredentialsDS` / `updateDeviceCredentialsKA`: SRV 6.15.2 Update Security Credentials (Device);
 * - `networkOperatorCredentials`: SRV 6.15.1 (KRP) placing the network operator's certificates – or,
 *   where the NO cells held DCC credentials, SRV 6.21 Request Handover of DCC Controlled Device;
 * - `supplierCredentials`: the supplier cells hold the registered supplier's certificates (judged by
 *   the proposed criteria only; the SEC's list has no such line);
 * - `communicating`: the DSP's check that the device communicates;
 * - `recoveryAnchor`: the DSP's check that the Recovery trust anchor cell is populated.
 */
export type ObligationId =
  | 'issueCredentialsDS'
  | 'issueCredentialsKA'
  | 'updateDeviceCredentialsDS'
  | 'updateDeviceCredentialsKA'
  | 'networkOperatorCredentials'
  | 'supplierCredentials'
  | 'communicating'
  | 'recoveryAnchor';

export const OBLIGATION_IDS: readonly ObligationId[] = [
  'issueCredentialsDS',
  'issueCredentialsKA',
  'updateDeviceCredentialsDS',
  'updateDeviceCredentialsKA',
  'networkOperatorCredentials',
  'supplierCredentials',
  'communicating',
  'recoveryAnchor',
];

/** One line a Working Group reads for each obligation. */
export const OBLIGATION_TITLES: Readonly<Record<ObligationId, string>> = {
  issueCredentialsDS: 'SRV 6.17 Issue Security Credentials (DS)',
  issueCredentialsKA: 'SRV 6.17 Issue Security Credentials (KA)',
  updateDeviceCredentialsDS: 'SRV 6.15.2 Update Security Credentials (Device, DS)',
  updateDeviceCredentialsKA: 'SRV 6.15.2 Update Security Credentials (Device, KA)',
  networkOperatorCredentials: 'Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials)',
  supplierCredentials: "Supplier cells hold the registered supplier's certificates",
  communicating: 'Device communicating (DSP check)',
  recoveryAnchor: 'Recovery trust anchor populated (DSP check)',
};

export function isObligationId(text: unknown): text is ObligationId {
  return typeof text === 'string' && (OBLIGATION_IDS as readonly string[]).includes(text);
}

const ALL: readonly ObligationId[] = OBLIGATION_IDS;
const WITHOUT_NO: readonly ObligationId[] = OBLIGATION_IDS.filter((o) => o !== 'networkOperatorCredentials');

/**
 * Which obligations each device type carries. **[assumed]** (SEC Appendix AC's text is not public):
 * ESME and GPF everything (the GPF's network operator cells take the gas transporter's certificates,
 * decision 0005); GSME everything but network operator credentials (it has no NO cells); the CHF is
 * not judged on its own – it is the unit the DCC raises incidents for (§5.13, see `chfIncidents.ts`).
 */
export const DEFAULT_OBLIGATIONS_BY_DEVICE_TYPE: Readonly<Record<string, readonly ObligationId[]>> = {
  ESME: ALL,
  GSME: WITHOUT_NO,
  GPF: ALL,
};
