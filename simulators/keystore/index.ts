/** The harness key store: credentials, lookup, the harness file format and DCC Boxed's keystore.json. */

export { Credential, type CredentialFields } from './Credential.ts';
export { checkCredential } from './checkCredential.ts';
export { chooseCredential } from './chooseCredential.ts';
export {
  type DccBoxedEntry,
  type DccBoxedKeyStoreJson,
  type DccBoxedSource,
  type DccBoxedUsageKey,
  dccBoxedUsageOf,
  exportDccBoxedKeyStore,
  importDccBoxedKeyStore,
  saveDccBoxedKeyStore,
} from './dccBoxedKeyStore.ts';
export { type NormalisedName, normaliseName, sameName } from './distinguishedName.ts';
export { CELL_USAGES, type CellUsage, CREDENTIAL_USAGES } from './fields.ts';
export { InMemoryKeyStore, type InMemoryKeyStoreOptions } from './InMemoryKeyStore.ts';
export type { KeyStore, LookupOptions } from './KeyStore.ts';
export {
  KEYSTORE_FILE_FORMAT,
  KEYSTORE_FILE_VERSION,
  type KeyStoreFile,
  type KeyStoreFileCredential,
  keyStoreFromJson,
  keyStoreToJson,
  type LoadOptions,
  loadKeyStore,
  saveKeyStore,
} from './keyStoreFile.ts';
