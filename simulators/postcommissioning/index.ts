/** Post-commissioning tracking (seed 004): obligations, two judgements over one journal, reports, batches. */
export { type AttemptOutcome, type CommandDetail, type DeviceFrame, type DeviceHistory, type FrameKind, finalOutcome, type OutcomeKind, type SrAttempt } from './attempts.ts';
export { type BatchOptions, type BatchResult, DEFAULT_ESTATE_SIZE, runBatch } from './batch.ts';
export { CAUSE_TITLES, type CauseCode, SEED_FALSE_POSITIVE_CAUSES } from './causes.ts';
export { type ChfIncident, chfIncidents } from './chfIncidents.ts';
export { type CheckContext, type CheckResult, type CheckStatus, evaluate } from './checks.ts';
export {
  type CellHolderRule,
  type CellsCheck,
  type Check,
  type CommunicatedCheck,
  CRITERIA,
  type Criteria,
  CURRENT,
  type DeviceCredentialCheck,
  NETWORK_OPERATOR_CELLS,
  PROPOSED,
  type ServiceRequestCheck,
  SUPPLIER_CELLS,
} from './criteria.ts';
export { assignScenarios, assignScenariosExactly, countScenarios, type FaultMix, mulberry32, parseFaultMix } from './faultMix.ts';
export { CSV_VIEWS, type CsvView, toCsv } from './formatCsv.ts';
export { type HtmlOptions, toHtml } from './formatHtml.ts';
export { fleetCells, inventoryDevices, type TrackedEstate, trackHarness, type TrackHarnessOptions } from './harnessPorts.ts';
export { JournalFacts } from './JournalFacts.ts';
export { commissionedAt, type CriteriaVerdict, type DeviceStatus, judgeDevice, type JudgeInputs, type ObligationVerdict } from './judge.ts';
export { DEFAULT_OBLIGATIONS_BY_DEVICE_TYPE, isObligationId, OBLIGATION_IDS, OBLIGATION_TITLES, type ObligationId } from './obligations.ts';
export type { CellsPort, DeviceCells, TrackedDevice } from './ports.ts';
export { BATCH_PRESET_NAMES, BATCH_PRESETS, type BatchPreset, type BatchPresetName, type SupplierShare } from './presets.ts';
export {
  type CauseCount,
  type Counts,
  type DeviceRow,
  type GroupSummary,
  type ObligationFailure,
  type PostCommissioningReport,
  postCommissioningReport,
  type ReportOptions,
  type SupplierSummary,
  toJson,
} from './report.ts';
export { certifyCsr, changeOfSupplierBody, handoverBody, issueCredentialsBody, networkOperatorBody, updateDeviceCredentialsBody } from './requestBodies.ts';
export { esmeOf, installScenarioHomes, mpanOf, mprnOf, type ScenarioHome } from './scenarioHomes.ts';
export { type FaultData, isScenarioName, type Scenario, SCENARIO_NAMES, type ScenarioKind, type ScenarioName, scenarioNamed, SCENARIOS, WORKFLOW_STEPS, type WorkflowStep } from './scenarios.ts';
export { DAY_MS, DEFAULT_DEADLINE_MS, DEFAULT_SETTINGS, durationMs, parsePostCommissioningSettings, type PostCommissioningSettings } from './settings.ts';
export { type DrivenDevice, type DriverOptions, type DriverStats, SupplierDriver } from './SupplierDriver.ts';
export { type Classification, type DeviceVerdict, type SupplierOfDevice, type TrackerInputs, trackPostCommissioning, type TrackingResult } from './tracker.ts';
