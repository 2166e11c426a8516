/**
 * How each cause of a post-commissioning failure is produced in the running estate, as data: what the
 * installer leaves in the cells, which device fault is on during which step of the supplier's
 * workflow, which steps the supplier skips, and where a change of supplier happens.
 */
import { InvalidInputError } from '../core/errors.ts';

/**
 * The supplier's Service Requests for one device, in the order it sends them: Commission Device
 * (8.1.1, for meters installed but not yet commissioned), then the post-commissioning ones.
 */
export type WorkflowStep = 'commission' | 'networkOperator' | 'issueDS' | 'updateDS' | 'issueKA' | 'updateKA';

export const WORKFLOW_STEPS: readonly WorkflowStep[] = ['commission', 'networkOperator', 'issueDS', 'updateDS', 'issueKA', 'updateKA'];

/** Fault data as `Device.setFault` takes it (`parseFault`). */
export type FaultData = string | { readonly kind: string; readonly [parameter: string]: unknown };

export type ScenarioKind = 'clean' | 'falsePositive' | 'realFailure' | 'missedByCurrent';

export interface Scenario {
  readonly kind: ScenarioKind;
  readonly description: string;
  /** The NO cells at installation: the supplier's (it sends 6.15.1), the ACB's (it asks for 6.21), or another NO's. */
  readonly networkOperatorCells: 'supplier' | 'accessControlBroker' | 'wrongNetworkOperator';
  /** The Recovery cell left empty at installation. */
  readonly recoveryEmpty?: boolean;
  /** A fault on the device during one step (set before it, cleared after), or `always` from commissioning on. */
  readonly faults?: Readonly<Partial<Record<WorkflowStep | 'always', FaultData>>>;
  readonly skip?: readonly WorkflowStep[];
  /** The meter point changes supplier (RDP, then the new supplier's 6.23) just before this step. */
  readonly changeOfSupplierBefore?: WorkflowStep;
  /** The supplier's 6.15.1 places another network operator's certificates. */
  readonly placeWrongNetworkOperator?: boolean;
  /**
   * The supplier's 6.15.1 is future-dated (sr:ExecutionDateTime) this many milliseconds ahead: the
   * device answers at once with commandAccepted only – an empty execution status – and replaces the
   * certificates when the time comes.
   */
  readonly networkOperatorExecutesAfterMs?: number;
}

/** A response arrives, but after the CSP's 30 s time-out: E21, then a late response. */
const LATE = { kind: 'delayedResponse', ms: 120_000 } as const;

export const SCENARIOS = {
  clean: { kind: 'clean', description: 'Every Service Request succeeds', networkOperatorCells: 'supplier' },
  responseTimeout: {
    kind: 'falsePositive',
    description: 'The 6.15.1 is executed but its response comes after the time-out (E21)',
    networkOperatorCells: 'supplier',
    faults: { networkOperator: LATE },
  },
  emptyExecutionStatus: {
    kind: 'falsePositive',
    description: 'The 6.15.1 is future-dated: answered at once with an empty execution status, executed an hour later',
    networkOperatorCells: 'supplier',
    networkOperatorExecutesAfterMs: 3_600_000,
  },
  changeOfSupplier: {
    kind: 'falsePositive',
    description: 'Change of supplier (6.23) before the KA credentials; the new supplier completes them',
    networkOperatorCells: 'supplier',
    changeOfSupplierBefore: 'issueKA',
  },
  handover: {
    kind: 'falsePositive',
    description: 'NO cells held DCC credentials: SRV 6.21 instead of 6.15.1',
    networkOperatorCells: 'accessControlBroker',
  },
  wrongNetworkOperatorInstalled: {
    kind: 'realFailure',
    description: "Installed with another NO's certificates: the supplier's 6.15.1 is refused by the device",
    networkOperatorCells: 'wrongNetworkOperator',
  },
  recoveryMissing: {
    kind: 'realFailure',
    description: 'Recovery trust anchor cell empty',
    networkOperatorCells: 'supplier',
    recoveryEmpty: true,
  },
  neverCommunicating: {
    kind: 'realFailure',
    description: 'The device never communicates after commissioning (offline from then on)',
    networkOperatorCells: 'supplier',
    faults: { always: 'offline' },
  },
  credentialsNotRenewed: {
    kind: 'realFailure',
    description: 'The supplier never sends 6.17 / 6.15.2',
    networkOperatorCells: 'supplier',
    skip: ['issueDS', 'updateDS', 'issueKA', 'updateKA'],
  },
  wrongNetworkOperatorPlaced: {
    kind: 'missedByCurrent',
    description: "The supplier's successful 6.15.1 places another NO's certificates",
    networkOperatorCells: 'supplier',
    placeWrongNetworkOperator: true,
  },
} as const satisfies Readonly<Record<string, Scenario>>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(text: unknown): text is ScenarioName {
  return typeof text === 'string' && Object.hasOwn(SCENARIOS, text);
}

export function scenarioNamed(name: unknown, field = 'scenario'): Scenario {
  if (!isScenarioName(name)) throw new InvalidInputError(field, `one of ${SCENARIO_NAMES.join(', ')}`, name);
  return SCENARIOS[name];
}
