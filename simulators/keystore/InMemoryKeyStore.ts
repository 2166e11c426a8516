import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import { InvalidInputError, UnknownCredentialError } from '../core/errors.ts';
import type { CredentialUsage } from '../core/roles.ts';
import { Credential, type CredentialFields } from './Credential.ts';
import { checkCredential } from './checkCredential.ts';
import { chooseCredential } from './chooseCredential.ts';
import { type NormalisedName, normaliseName, sameName } from './distinguishedName.ts';
import type { KeyStore, LookupOptions } from './KeyStore.ts';

export interface InMemoryKeyStoreOptions {
  /** Time for the choice rule; without one, validity is not considered (see chooseCredential). */
  readonly clock?: Clock;
}

/** A KeyStore held in memory. Files are read and written by loadKeyStore/saveKeyStore and the DCC Boxed functions. */
export class InMemoryKeyStore implements KeyStore {
  readonly #clock: Clock | undefined;
  #credentials: Credential[] = [];
  /** The credentials by certificate serial, in the order added: findBySerial runs for every signed request. */
  #bySerial = new Map<bigint, Credential[]>();
  /** Issuer names as X509IssuerName writes them, normalised (a signer writes the same string every time). */
  readonly #issuerNames = new Map<string, NormalisedName>();

  constructor(options: InMemoryKeyStoreOptions = {}) {
    this.#clock = options.clock;
  }

  get size(): number {
    return this.#credentials.length;
  }

  async lookup(eui: Eui, usage: CredentialUsage, options: LookupOptions = {}): Promise<Credential> {
    const found = this.#find(eui, usage, options);
    if (found !== undefined) return found;
    throw new UnknownCredentialError(
      `no ${usage} credential for EUI ${eui}${describeOptions(options)} in the key store; ${this.#describeHeld(eui)}`,
    );
  }

  async find(eui: Eui, usage: CredentialUsage, options: LookupOptions = {}): Promise<Credential | undefined> {
    return this.#find(eui, usage, options);
  }

  async findBySerial(issuer: string | undefined, serial: bigint): Promise<Credential | undefined> {
    const wanted = issuer === undefined ? undefined : this.#normalisedIssuer(issuer);
    const matches = (this.#bySerial.get(serial) ?? []).filter(
      (c) => wanted === undefined || sameName(c.issuerName, wanted),
    );
    if (matches.length > 1) {
      throw new InvalidInputError(
        'issuer',
        `an issuer name: serial ${serial} is held under several issuers (${matches.map((c) => c.issuer).join('; ')})`,
        issuer,
      );
    }
    return matches[0];
  }

  async list(): Promise<readonly Credential[]> {
    return [...this.#credentials];
  }

  async add(credential: Credential | CredentialFields): Promise<void> {
    const c = credential instanceof Credential ? credential : new Credential(credential);
    checkCredential(c);
    const clash = this.#credentials.find(
      (held) => held.serial === c.serial && sameName(held.issuerName, c.issuerName),
    );
    if (clash !== undefined) {
      throw new InvalidInputError(
        'serial',
        `a certificate not already in the key store (issuer ${c.issuer} serial ${c.serial} is held as ${clash.label})`,
        c.serial,
      );
    }
    this.#credentials.push(c);
    this.#index(c);
  }

  /**
   * Takes over another store's credentials, dropping this store's own. Loaders fill a fresh store
   * and swap it in only once the whole file has been read, so a bad file changes nothing.
   */
  replaceWith(other: InMemoryKeyStore): void {
    this.#credentials = [...other.#credentials];
    this.#bySerial = new Map();
    for (const c of this.#credentials) this.#index(c);
  }

  #index(c: Credential): void {
    const held = this.#bySerial.get(c.serial);
    if (held === undefined) this.#bySerial.set(c.serial, [c]);
    else held.push(c);
  }

  /** normaliseName, remembered for the last few hundred names (it parses the name: ~20 µs). Failures are not kept. */
  #normalisedIssuer(issuer: string): NormalisedName {
    let name = this.#issuerNames.get(issuer);
    if (name === undefined) {
      name = Object.freeze(normaliseName(issuer));
      if (this.#issuerNames.size >= MAX_REMEMBERED_ISSUER_NAMES) this.#issuerNames.clear();
      this.#issuerNames.set(issuer, name);
    }
    return name;
  }

  #find(eui: Eui, usage: CredentialUsage, options: LookupOptions): Credential | undefined {
    const cellUsage = options.cellUsage ?? (options.serial === undefined ? 'management' : undefined);
    const candidates = this.#credentials.filter(
      (c) =>
        c.eui.equals(eui) &&
        c.usage === usage &&
        (options.serial === undefined || c.serial === options.serial) &&
        (options.role === undefined || c.role === options.role) &&
        (cellUsage === undefined || (c.cellUsage ?? 'management') === cellUsage),
    );
    return chooseCredential(candidates, options.at ?? this.#clock?.now());
  }

  #describeHeld(eui: Eui): string {
    const counts = new Map<string, number>();
    for (const c of this.#credentials) {
      if (!c.eui.equals(eui)) continue;
      const key = c.cellUsage === 'prePaymentTopUp' ? 'KA (prePaymentTopUp)' : c.usage;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size === 0) return 'it holds nothing for that EUI';
    return `for that EUI it holds ${[...counts].map(([key, n]) => `${key} x${n}`).join(', ')}`;
  }
}

/** Bounds the memory a stream of requests naming ever new issuers can take. */
const MAX_REMEMBERED_ISSUER_NAMES = 256;

function describeOptions(options: LookupOptions): string {
  const parts = [
    options.serial === undefined ? undefined : `serial ${options.serial}`,
    options.cellUsage === undefined ? undefined : `cell usage ${options.cellUsage}`,
    options.role === undefined ? undefined : `role ${options.role}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` with ${parts.join(', ')}`;
}
