import { DISTRIBUTORS } from '../core/distributors.ts';
import { defineParty, type Party } from './Party.ts';

/**
 * The embedded default estate's organisations. EUIs follow one readable pattern,
 * `90-B3-D5-1F-40-KK-NN-00`: KK the kind (00 DCC, 01 import supplier, 02 network operator,
 * 03 gas supplier, 04 gas transporter) and NN a number – for network operators the distributor
 * ID written in decimal digits, so the NO for MPANs starting 12 is `90-B3-D5-1F-40-02-12-00`.
 * S1SP cohorts are `90-B3-D5-1F-40-00-00-A1…A3`. They stay clear of DCC Boxed's `90-B3-D5-1F-30-…`
 * identities, which the `dccboxed` profile uses.
 */
const party = defineParty;

const dccParties: Party[] = [
  party('90B3D51F40000001', 'DCC Recovery', 'recovery', 'recovery', []),
  party('90B3D51F40000002', 'DCC Access Control Broker', 'accessControlBroker', 'accessControlBroker', [], {
    signsDspResponses: true,
  }),
  party('90B3D51F40000004', 'DCC Transitional CoS', 'transitionalCoS', 'transitionalCoS', []),
  party('90B3D51F40000007', 'DCC WAN Provider', 'wanProvider', 'wanProvider', []),
];

/** SMETS1 Service Providers: three cohorts, as MP107 describes; each signs its SMETS1 responses. */
const s1sps: Party[] = ['A', 'B', 'C'].map((cohort, i) =>
  party(`90B3D51F400000A${i + 1}`, `SMETS1 Service Provider ${cohort}`, 's1sp', 'other', [], { s1spId: `S1SP-${cohort}` }),
);

const suppliers: Party[] = [
  party('90B3D51F40010100', 'Aurora Energy', 'importSupplier', 'supplier', ['IS', 'GS']),
  party('90B3D51F40010200', 'Borealis Power', 'importSupplier', 'supplier', ['IS']),
  party('90B3D51F40010300', 'Cirrus Energy', 'importSupplier', 'supplier', ['IS'], { small: true }),
  party('90B3D51F40030100', 'Dunlin Gas', 'gasSupplier', 'supplier', ['GS'], { small: true }),
];

/** One network operator party per distributor ID: the fourteen DNO licence areas and the IDNOs. */
const networkOperators: Party[] = DISTRIBUTORS.map((d) =>
  party(
    `90B3D51F4002${String(d.id).padStart(2, '0')}00`,
    d.area === null ? d.operatorName : `${d.operatorName} (${d.area})`,
    'networkOperator',
    'networkOperator',
    ['ED'],
    { distributorId: d.id },
  ),
);

const gasTransporters: Party[] = [
  party('90B3D51F40040100', 'Cadent Gas', 'gasTransporter', 'networkOperator', ['GT']),
  party('90B3D51F40040200', 'Northern Gas Networks', 'gasTransporter', 'networkOperator', ['GT']),
  party('90B3D51F40040300', 'SGN', 'gasTransporter', 'networkOperator', ['GT']),
  party('90B3D51F40040400', 'Wales & West Utilities', 'gasTransporter', 'networkOperator', ['GT']),
  party('90B3D51F40040500', 'Independent Pipelines (iGT)', 'gasTransporter', 'networkOperator', ['GT']),
];

export const DEFAULT_PARTIES: readonly Party[] = [
  ...dccParties,
  ...s1sps,
  ...suppliers,
  ...networkOperators,
  ...gasTransporters,
];
