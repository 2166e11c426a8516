import { Eui } from '../core/Eui.ts';
import { defineParty, type Party } from './Party.ts';

/**
 * The identities of DCC Boxed (and of the RTDS test data), so a client configured for DCC Boxed
 * works unchanged against the harness. Credentials come from a DCC Boxed keystore.json; what it
 * lacks (e.g. an XML-signing key for supplier 2) the harness's test SMKI issues.
 */
const party = defineParty;

export const DCC_BOXED_PARTIES: readonly Party[] = [
  party('90B3D51F30000001', 'DCC Recovery', 'recovery', 'recovery', []),
  party('90B3D51F30000002', 'DCC Access Control Broker', 'accessControlBroker', 'accessControlBroker', [], {
    signsDspResponses: true,
  }),
  party('90B3D51F30000004', 'DCC Transitional CoS', 'transitionalCoS', 'transitionalCoS', []),
  party('90B3D51F30000007', 'DCC WAN Provider', 'wanProvider', 'wanProvider', []),
  party('90B3D51F30010000', 'Supplier', 'importSupplier', 'supplier', ['IS', 'GS']),
  party('90B3D51F30030000', 'Supplier 2', 'importSupplier', 'supplier', ['IS', 'GS']),
  // The RTDS MPAN 1312345678333 names distributor 13; DCC Boxed's network operator serves it.
  party('90B3D51F30020000', 'Network Operator', 'networkOperator', 'networkOperator', ['ED', 'GT'], {
    distributorId: 13,
  }),
];

/** DCC Boxed's devices (RTDS): ESME, GSME, CHF and GPF of one home area network. */
export const DCC_BOXED_DEVICES = [
  { eui: Eui.parse('00DB1234567890A0'), type: 'ESME' },
  { eui: Eui.parse('00DB1234567890A1'), type: 'GSME' },
  { eui: Eui.parse('00DB1234567890A2'), type: 'CHF' },
  { eui: Eui.parse('00DB1234567890A3'), type: 'GPF' },
] as const;
