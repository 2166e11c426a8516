import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { type CertificateLike, certificateDer } from './decode.ts';
import { describeCertificate } from './describe.ts';

/** Certificate status as the SMKI repository reports it (DCC Boxed's letters). */
export type CertificateStatus = 'P' | 'I' | 'N' | 'E' | 'R';

export interface RepositoryEntry {
  readonly der: Buffer;
  /** Upper-case hex serial, no leading zeros. */
  readonly serial: string;
  readonly kind: 'organisation' | 'device';
  /** The organisation's Entity ID, or the device's ID (hardwareModuleName). */
  readonly eui: Eui;
  readonly usage: 'DS' | 'KA';
  /** Role number from the subject OU (organisation certificates), e.g. 2, 3, 135. */
  readonly role?: number;
  readonly status: CertificateStatus;
}

/**
 * The SMKI repository: every organisation and device certificate the estate has issued, searchable
 * by subject name (an organisation's EUI) or subject alternative name (a device's EUI) and
 * retrievable by serial, as Users' systems look certificates up before they trust them.
 */
export class SmkiRepository {
  readonly #bySerial = new Map<string, RepositoryEntry>();
  readonly #byEui = new Map<string, RepositoryEntry[]>();

  /** Adds a certificate (idempotent by serial); CA certificates and unreadable ones are refused. */
  add(certificate: CertificateLike, status: CertificateStatus = 'I'): RepositoryEntry {
    const description = describeCertificate(certificate);
    if ((description.kind !== 'organisation' && description.kind !== 'device') || !description.eui || !description.usage) {
      throw new TypeError(`SmkiRepository: not an organisation or device certificate (serial ${description.serial})`);
    }
    const held = this.#bySerial.get(description.serial);
    if (held) return held;
    const entry: RepositoryEntry = Object.freeze({
      der: certificateDer(certificate),
      serial: description.serial,
      kind: description.kind,
      eui: description.eui,
      usage: description.usage,
      ...(description.roleNumber === undefined ? {} : { role: description.roleNumber }),
      status,
    });
    this.#index(entry);
    return entry;
  }

  #index(entry: RepositoryEntry): void {
    this.#bySerial.set(entry.serial, entry);
    const list = this.#byEui.get(entry.eui.hex);
    if (list === undefined) this.#byEui.set(entry.eui.hex, [entry]);
    else list.push(entry);
  }

  /**
   * Adds a device certificate by its particulars, issued only when someone reads its `der`: an estate
   * of a million devices lists them all without issuing a million certificates up front. `der` must
   * give the certificate these particulars describe (the SMKI issues it deterministically).
   */
  addDevice(particulars: { readonly serial: string; readonly eui: Eui; readonly usage: 'DS' | 'KA'; readonly status?: CertificateStatus }, der: () => Buffer): RepositoryEntry {
    if (typeof particulars.serial !== 'string' || !/^[0-9A-Fa-f]{1,40}$/.test(particulars.serial)) {
      throw new InvalidInputError('serial', 'up to 40 hex digits', particulars.serial);
    }
    const serial = BigInt(`0x${particulars.serial}`).toString(16).toUpperCase();
    const held = this.#bySerial.get(serial);
    if (held) return held;
    let issued: Buffer | undefined;
    const entry: RepositoryEntry = Object.freeze({
      get der(): Buffer {
        issued ??= der();
        return issued;
      },
      serial,
      kind: 'device' as const,
      eui: particulars.eui,
      usage: particulars.usage,
      status: particulars.status ?? 'I',
    });
    this.#index(entry);
    return entry;
  }

  /** Organisation certificates whose subject unique identifier is this EUI. */
  bySubjectName(eui: Eui): RepositoryEntry[] {
    return (this.#byEui.get(eui.hex) ?? []).filter((e) => e.kind === 'organisation');
  }

  /** Device certificates whose subjectAltName hardwareModuleName is this EUI. */
  bySubjectAltName(eui: Eui): RepositoryEntry[] {
    return (this.#byEui.get(eui.hex) ?? []).filter((e) => e.kind === 'device');
  }

  /** By serial in hex (any case, leading zeros allowed). */
  bySerial(serialHex: string): RepositoryEntry | undefined {
    if (!/^[0-9A-Fa-f]{1,40}$/.test(serialHex)) return undefined;
    return this.#bySerial.get(BigInt(`0x${serialHex}`).toString(16).toUpperCase());
  }

  get size(): number {
    return this.#bySerial.size;
  }
}
