/** The Registration Data Provider: effective-dated registrations, the Eligible User check, file ingest. */

export { ChangeFeed } from './ChangeFeed.ts';
export { checkDate, formatDate, parseEffectiveDate } from './dates.ts';
export { checkEligibility } from './eligibility.ts';
export { describeMpxn, FUELS, type Fuel, fuelOf, type Mpxn, parseFuel, parseMpxn } from './mpxn.ts';
export {
  type DateRange,
  type EligibilityTime,
  type EligibilityVerdict,
  type Period,
  REGISTRATION_ROLES,
  type Registration,
  type RegistrationInput,
  type RegistrationRole,
  ROLES_BY_FUEL,
  roleLabel,
  userRoleFor,
} from './Registration.ts';
export { type MpxnEntry, RegistrationData } from './RegistrationData.ts';
export {
  RegistrationBatchError,
  type RegistrationChange,
  type RegistrationListener,
  RegistrationStore,
  type RegistrationStoreOptions,
} from './RegistrationStore.ts';
export {
  parseRecord,
  RECORD_FIELDS,
  REQUIRED_RECORD_FIELDS,
  type RecordParseOptions,
  type RegistrationRecord,
  toRecord,
} from './records.ts';
export {
  applyRegistrations,
  type LoadRegistrationsOptions,
  loadRegistrationFile,
  type ParsedRegistrations,
  parseRegistrationsCsv,
  parseRegistrationsJson,
  type RegistrationFileFormat,
  readRegistrationFile,
  registrationsToCsv,
  registrationsToJson,
  saveRegistrationFile,
} from './registrationFiles.ts';
