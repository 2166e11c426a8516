import { SECMP0063_RESPONSE_CODE } from '../dsp/rules/networkOperatorCertificate.ts';

/**
 * Short meanings of the DUIS response codes the harness sends, for report readers. The generic
 * codes' meanings follow public DUIS guides (docs/domain.md); the SRV-specific codes' meanings
 * are not published in the project's sources and are left out. E9063 is the harness's own.
 */
export const RESPONSE_CODE_MEANINGS: Readonly<Record<string, string>> = Object.freeze({
  E1: 'invalid User or User Role',
  E2: 'User Role not allowed for this SRV',
  E3: 'invalid User status',
  E4: 'User Role not authorised for this device at this time',
  E5: 'invalid device status',
  E11: 'SRV not valid for this device type',
  E12: 'invalid request or command variant',
  E13: 'request invalid for this URL',
  E19: 'device unknown',
  E20: 'unable to communicate with the device',
  E21: 'no response from the device',
  E30: 'future-dated command timed out',
  [SECMP0063_RESPONSE_CODE]: 'SECMP0063 [harness-defined]: Network Operator certificate not owned by the registered NO or GT',
});
