/** Why an obligation failed: one code per reason, with the words a report uses. */

export type CauseCode =
  | 'timeout'
  | 'unreachable'
  | 'emptyExecutionOutcome'
  | 'deviceFailure'
  | 'deviceRefused'
  | 'refused'
  | 'unreadable'
  | 'noOutcome'
  | 'late'
  | 'changeOfSupplier'
  | 'otherServiceRequest'
  | 'notSent'
  | 'wrongNetworkOperator'
  | 'wrongSupplier'
  | 'recoveryMissing'
  | 'recoveryWrong'
  | 'emptyCell'
  | 'notRenewed'
  | 'notCommunicating'
  | 'deviceUnknown';

export const CAUSE_TITLES: Readonly<Record<CauseCode, string>> = {
  timeout: 'Response timed out (E21)',
  unreachable: 'Device unreachable (E20)',
  emptyExecutionOutcome: 'Empty execution status (I0 without execution outcome)',
  deviceFailure: 'Execution outcome reports a failure',
  deviceRefused: 'Device refused the command (alerts only)',
  refused: 'DSP refused the request (E…)',
  unreadable: 'Device response could not be read',
  noOutcome: 'No outcome by the deadline',
  late: 'Succeeded only after the deadline',
  changeOfSupplier: 'Change of supplier (6.23) before completion',
  otherServiceRequest: 'Done by another SRV (6.21 instead of 6.15.1)',
  notSent: 'Service Request never sent',
  wrongNetworkOperator: 'Network operator cells hold the wrong certificate',
  wrongSupplier: "Supplier cells do not hold the registered supplier's certificate",
  recoveryMissing: 'Recovery trust anchor missing',
  recoveryWrong: 'Recovery cell holds a certificate not the DCC Recovery one',
  emptyCell: 'Trust anchor cell empty',
  notRenewed: 'Device credentials not renewed',
  notCommunicating: 'Device never communicated',
  deviceUnknown: 'Device cells unknown',
};

/** The four false-positive causes seed 004 names. */
export const SEED_FALSE_POSITIVE_CAUSES: readonly CauseCode[] = ['timeout', 'emptyExecutionOutcome', 'changeOfSupplier', 'otherServiceRequest'];
