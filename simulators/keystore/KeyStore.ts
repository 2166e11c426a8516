import type { Eui } from '../core/Eui.ts';
import type { CredentialUsage } from '../core/roles.ts';
import type { Credential, CredentialFields } from './Credential.ts';
import type { CellUsage } from './fields.ts';

export interface LookupOptions {
  /** Only the credential with this certificate serial. */
  readonly serial?: bigint;
  /**
   * KA only: the trust anchor cell. Defaults to `management`, so a supplier's prepayment top-up
   * key is found only when asked for; when `serial` is given and this is not, any cell matches.
   */
  readonly cellUsage?: CellUsage;
  /** Only credentials with this remote party role number. */
  readonly role?: number;
  /** The time for the choice rule instead of the store's clock (e.g. to verify an old signature). */
  readonly at?: Date;
}

/**
 * Where the harness keeps keys and certificates. Every simulator looks credentials up through
 * this one interface. When several credentials match, `chooseCredential` decides (see there).
 */
export interface KeyStore {
  /** The credential for an EUI and usage; throws UnknownCredentialError naming both when absent. */
  lookup(eui: Eui, usage: CredentialUsage, options?: LookupOptions): Promise<Credential>;
  /** As lookup, but undefined when absent. */
  find(eui: Eui, usage: CredentialUsage, options?: LookupOptions): Promise<Credential | undefined>;
  /**
   * The credential whose certificate has this issuer and serial, as XML-DSig's X509IssuerSerial
   * names a signer. The issuer may be in RFC 4514 or certificate order (`CN=Z1,OU=07` or
   * `OU=07, CN=Z1`). With no issuer, the serial alone must identify one credential: if certificates
   * from several issuers carry it, throws InvalidInputError asking for the issuer.
   */
  findBySerial(issuer: string | undefined, serial: bigint): Promise<Credential | undefined>;
  /** Every credential, in the order added. */
  list(): Promise<readonly Credential[]>;
  /**
   * Adds a credential after `checkCredential`; throws InvalidInputError if its parts disagree or a
   * certificate with the same issuer and serial is already held.
   */
  add(credential: Credential | CredentialFields): Promise<void>;
}
