import type { RegistrationData } from '../rdp/RegistrationData.ts';
import type { RegistrationSource } from './ports.ts';

/**
 * The DSP's own copy of Registration Data when it should lag behind the RDP: it keeps the snapshot
 * it took until `refresh()` (e.g. an overnight file from the RDP). Give the DSP the
 * `RegistrationStore` itself instead for a copy that is always current.
 */
export class RegistrationCopy implements RegistrationSource {
  #copy: RegistrationData;

  constructor(readonly source: RegistrationSource) {
    this.#copy = source.snapshot();
  }

  snapshot(): RegistrationData {
    return this.#copy;
  }

  /** Takes the source's current data; returns the version now held. */
  refresh(): number {
    this.#copy = this.source.snapshot();
    return this.#copy.version;
  }
}
