/** Reports read from the journal (decision: the journal is the only history). */
export {
  type CodeCount,
  compare,
  type ErrorCodeReport,
  type ErrorCodeReportOptions,
  errorCodeReport,
  type ErrorEvent,
  type ErrorStage,
  type GroupCount,
} from './errorCodeReport.ts';
export { renderErrorCodeReport, toCsv } from './errorCodeFormats.ts';
export { RESPONSE_CODE_MEANINGS } from './responseCodeMeanings.ts';
export { textTable } from './textTable.ts';
