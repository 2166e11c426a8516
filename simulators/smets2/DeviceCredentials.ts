import { type KeyObject, X509Certificate } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import type { Smki } from '../smki/index.ts';

/** A device's own DS or KA credential: its certificate and keys. */
export interface DeviceKeyMaterial {
  readonly certificate: Buffer;
  readonly publicKey: KeyObject;
  /** Absent when the harness does not hold it (e.g. an RTDS device's KA key). */
  readonly privateKey?: KeyObject;
}

/**
 * A credential given from outside instead of derived (RTDS devices: the published certificate, with no
 * private key). Applies to generation 0 only; a CS02c/CS02d cycle moves the device onto derived keys.
 */
export interface CredentialOverride {
  readonly certificate: Buffer;
  readonly privateKey?: KeyObject;
}

/** Default LRU size: the four credentials (DS, KA; two generations) of 8,192 devices talking at once. */
export const DEFAULT_DEVICE_KEY_CACHE_SIZE = 32_768;

/**
 * Device key pairs and certificates, derived on demand from the SMKI seed + EUI + usage + generation
 * (`Smki.deviceKeyPair`, `Smki.issueDeviceCertificate`): nothing is stored per device. The
 * certificate is issued only when asked for (CS02c needs the keys alone). An LRU keeps the
 * credentials of the devices currently talking, so a scenario does not re-derive them per message;
 * its size bounds the memory whatever the fleet size.
 */
export class DeviceCredentials {
  readonly #cache = new Map<string, DeviceKeyMaterial>();

  constructor(
    readonly smki: Smki,
    readonly cacheSize = DEFAULT_DEVICE_KEY_CACHE_SIZE,
  ) {}

  derived(eui: Eui, usage: KeyUsage, generation: number): DeviceKeyMaterial {
    const key = `${eui.hex}/${usage}/${generation}`;
    const hit = this.#cache.get(key);
    if (hit !== undefined) {
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return hit;
    }
    const material = new DerivedMaterial(this.smki, eui, usage, generation);
    this.#cache.set(key, material);
    if (this.#cache.size > this.cacheSize) this.#cache.delete(this.#cache.keys().next().value!);
    return material;
  }
}

class DerivedMaterial implements DeviceKeyMaterial {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly #issue: () => Buffer;
  #certificate: Buffer | undefined;

  constructor(smki: Smki, eui: Eui, usage: KeyUsage, generation: number) {
    const keys = smki.deviceKeyPair({ eui, usage, generation });
    this.privateKey = keys.privateKey;
    this.publicKey = keys.publicKey;
    this.#issue = () => smki.issueDeviceCertificate({ eui, usage, generation }, keys).der;
  }

  get certificate(): Buffer {
    this.#certificate ??= this.#issue();
    return this.#certificate;
  }
}

export function overrideMaterial(override: CredentialOverride): DeviceKeyMaterial {
  return {
    certificate: override.certificate,
    publicKey: new X509Certificate(override.certificate).publicKey,
    ...(override.privateKey && { privateKey: override.privateKey }),
  };
}
