import type { X509Certificate } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import { type DuisResponseCode, InvalidInputError } from '../core/errors.ts';
import type { Journal } from '../core/Journal.ts';
import { Mpan } from '../core/Mpan.ts';
import { UnknownDeviceError } from '../inventory/inventoryErrors.ts';
import type { RegistrationData } from '../rdp/index.ts';
import type { CertificateLike } from '../smki/index.ts';
import type { DuisSigningCredential } from '../xmldsig/signDuis.ts';
import { CertificatePool } from './CertificatePool.ts';
import { CountersignatureVerifier, type CountersignedRequest } from './countersignature.ts';
import {
  type CertificatesOf,
  type CorrectionReport,
  type NetworkOperatorSlotMismatch,
  foreignNetworkOperatorSlots,
  registeredNetworkOperator,
} from './networkOperatorSlots.ts';
import { correctSlots } from './correctSlots.ts';
import { answer, type ChangeCause, journalSlotChange } from './respond.ts';
import {
  contentsOf,
  type InitialSlots,
  type S1Device,
  type S1DeviceInput,
  type SlotContents,
} from './S1Device.ts';
import {
  DEFAULT_RESPONSE_CODES,
  DEFAULT_SMETS1_ERROR_CODES,
  type S1spOutcome,
  type S1spRefusalCode,
  type SlotChange,
} from './S1spOutcome.ts';
import { type S1DeviceTypeSpec, SLOT_INDEX, SLOT_NAMES, SLOT_SPECS, SMETS1_DEVICE_TYPES } from './slots.ts';

export interface S1spOptions {
  /** The cohort's name as the inventory writes it (DUIS `S1SP`), e.g. `S1SP-A`. */
  readonly id: string;
  readonly clock: Clock;
  readonly journal: Journal;
  /** The S1SP's own XML-signing credential: signs every SMETS1 response. */
  readonly signingKey: DuisSigningCredential;
  /** The DSP's XML-signing certificate: a request not signed with it is refused. */
  readonly dspCertificate: X509Certificate;
  /** Replacement certificates must be signed by this CA; without it the issuer name alone is checked. */
  readonly organisationCa?: CertificateLike;
  /** Share one pool between S1SPs to share certificate objects across cohorts. */
  readonly pool?: CertificatePool;
  /** Added to (or overriding) SMETS1_DEVICE_TYPES. */
  readonly deviceTypes?: Readonly<Record<string, S1DeviceTypeSpec>>;
  /** Names a party in messages, e.g. from the estate's PartyDirectory; default the EUI alone. */
  readonly describeParty?: (eui: Eui) => string;
  readonly smets1ErrorCodes?: Partial<Record<S1spRefusalCode, number>>;
  readonly responseCodes?: Partial<Record<S1spRefusalCode, DuisResponseCode>>;
}

/**
 * A SMETS1 Service Provider: holds SMETS1 devices' certificates by proxy in virtual anchor slots
 * and acts on the Service Requests the DSP forwards, countersigned. Its one authorisation rule is
 * the SMETS2 device's: the sender must own the certificate in the authorising slot. It does no
 * Registration Data check – that is the DSP's (SRPD 6.1), which is exactly what MP107 is about.
 */
export class S1sp {
  readonly id: string;
  readonly #o: S1spOptions;
  readonly #pool: CertificatePool;
  readonly #types: Readonly<Record<string, S1DeviceTypeSpec>>;
  readonly #verifier: CountersignatureVerifier;
  readonly #devices = new Map<string, S1Device>();
  readonly #describe: (eui: Eui) => string;

  constructor(options: S1spOptions) {
    if (typeof options.id !== 'string' || options.id.trim() === '') {
      throw new InvalidInputError('id', 'an S1SP name such as S1SP-A', options.id);
    }
    this.id = options.id;
    this.#o = options;
    this.#pool = options.pool ?? new CertificatePool();
    this.#types = { ...SMETS1_DEVICE_TYPES, ...options.deviceTypes };
    this.#verifier = new CountersignatureVerifier(options.dspCertificate);
    this.#describe = options.describeParty ?? ((eui) => eui.toString());
  }

  get deviceCount(): number {
    return this.#devices.size;
  }

  has(deviceId: Eui): boolean {
    return this.#devices.has(deviceId.hex);
  }

  deviceIds(): Eui[] {
    return [...this.#devices.values()].map((d) => d.deviceId);
  }

  /**
   * Enrols a SMETS1 device (migration) with the certificates its slots start with. A trusted DCC
   * step: certificates are checked for role and key usage only, not for validity or issuer.
   */
  enrol(input: S1DeviceInput, initialSlots: InitialSlots = {}): void {
    const { deviceId, deviceType, mpxn } = input;
    const spec = this.#typeSpec(deviceType);
    if (this.#devices.has(deviceId.hex)) {
      throw new InvalidInputError('deviceId', `a device not yet enrolled at ${this.id}`, deviceId.toString());
    }
    if ((mpxn instanceof Mpan) !== (spec.mpxn === 'MPAN')) {
      throw new InvalidInputError('mpxn', `an ${spec.mpxn} for a SMETS1 ${deviceType}`, mpxn.value);
    }
    const slots: S1Device['slots'] = [undefined, undefined, undefined, undefined];
    for (const name of SLOT_NAMES) {
      const given = initialSlots[name];
      if (given === undefined) continue;
      const slot = SLOT_SPECS[name];
      if (!spec.slots.includes(name)) {
        throw new InvalidInputError(name, `no certificate: a ${deviceType} has no ${slot.label}`, 'one');
      }
      const held = this.#pool.intern(given, name);
      if (held.role !== slot.role || held.usage !== slot.usage) {
        const got = `${held.role ?? 'an unknown role'} ${held.usage ?? 'unknown usage'} (${held.owner})`;
        throw new InvalidInputError(name, `a ${slot.role} ${slot.usage} certificate`, got);
      }
      slots[SLOT_INDEX[name]] = held;
    }
    this.#devices.set(deviceId.hex, { deviceId, deviceType, mpxn, slots });
  }

  /** What the device's slots hold now; UnknownDeviceError (E19) when it is not enrolled here. */
  slots(deviceId: Eui): SlotContents {
    return contentsOf(this.#require(deviceId));
  }

  /**
   * Acts on a request the DSP forwards: verifies the DSP's countersignature, then 6.15.1 replaces
   * slots (all or nothing), 6.24.1 reads them, device-credential SRVs are not applicable. Never
   * throws for a refusal: the outcome says why, and carries the signed SMETS1 response.
   */
  async handle(request: CountersignedRequest): Promise<S1spOutcome> {
    const checked = await this.#verifier.check(request);
    // Everything after the await is synchronous: one request is decided and applied atomically.
    const ctx = {
      s1spId: this.id,
      clock: this.#o.clock,
      journal: this.#o.journal,
      signingKey: this.#o.signingKey,
      pool: this.#pool,
      describe: this.#describe,
      typeSpec: (t: string) => this.#typeSpec(t),
      smets1ErrorCodes: { ...DEFAULT_SMETS1_ERROR_CODES, ...this.#o.smets1ErrorCodes },
      responseCodes: { ...DEFAULT_RESPONSE_CODES, ...this.#o.responseCodes },
      ...(this.#o.organisationCa === undefined ? {} : { organisationCa: this.#o.organisationCa }),
      apply: (changes: readonly SlotChange[], cause: ChangeCause) => this.#apply(changes, cause),
    };
    return answer(request, checked, (id) => this.#devices.get(id.hex), ctx);
  }

  /** MP107 R2: devices whose NO slots hold a certificate the party registered at `at` does not own. */
  findMismatchedNetworkOperatorSlots(registrations: RegistrationData, at: Date): NetworkOperatorSlotMismatch[] {
    const found: NetworkOperatorSlotMismatch[] = [];
    for (const device of this.#devices.values()) {
      const spec = this.#typeSpec(device.deviceType);
      const registered = registeredNetworkOperator(device, spec, registrations, at);
      const slots = foreignNetworkOperatorSlots(device, spec, registered);
      if (slots.length === 0) continue;
      const { deviceId, deviceType, mpxn } = device;
      found.push({ s1sp: this.id, deviceId, deviceType, mpxn, registered, slots });
    }
    return found;
  }

  /**
   * MP107 R2: puts the registered party's certificates (`certificatesOf`) into the NO slots of the
   * given devices of this S1SP that are still mismatched. `apply: false` is a dry run that only
   * reports; `apply: true` replaces and journals every replacement. Devices of other S1SPs are ignored.
   */
  correctNetworkOperatorSlots(
    devices: readonly NetworkOperatorSlotMismatch[],
    certificatesOf: CertificatesOf,
    options: { readonly apply: boolean },
  ): CorrectionReport {
    return correctSlots(devices.filter((d) => d.s1sp === this.id), certificatesOf, options.apply, {
      s1spId: this.id,
      clock: this.#o.clock,
      pool: this.#pool,
      ...(this.#o.organisationCa === undefined ? {} : { organisationCa: this.#o.organisationCa }),
      device: (id) => this.#devices.get(id.hex),
      typeSpec: (t) => this.#typeSpec(t),
      apply: (changes) => this.#apply(changes, { what: 'MP107 R2 correction' }),
    });
  }

  /** The only place slots change: each replacement is made and journalled. */
  #apply(changes: readonly SlotChange[], cause: ChangeCause): void {
    const at = this.#o.clock.now();
    for (const change of changes) {
      this.#require(change.deviceId).slots[SLOT_INDEX[change.slot]] = change.after;
      journalSlotChange(this.#o.journal, this.id, at, change, cause);
    }
  }

  #require(deviceId: Eui): S1Device {
    const device = this.#devices.get(deviceId.hex);
    if (device === undefined) {
      throw new UnknownDeviceError(deviceId, `device ${deviceId} is not enrolled at ${this.id}`);
    }
    return device;
  }

  #typeSpec(deviceType: string): S1DeviceTypeSpec {
    const spec = Object.hasOwn(this.#types, deviceType) ? this.#types[deviceType] : undefined;
    if (spec === undefined) {
      const known = Object.keys(this.#types).join(', ');
      throw new InvalidInputError('deviceType', `a SMETS1 device type (${known})`, deviceType);
    }
    return spec;
  }
}
