import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { UserRole } from '../core/roles.ts';
import type { Party, PartyKind } from './Party.ts';

/** The estate's organisations, indexed the ways the simulators ask for them. */
export class PartyDirectory {
  readonly #byEui = new Map<string, Party>();
  readonly #byName = new Map<string, Party>();
  readonly #byDistributor = new Map<number, Party>();

  constructor(readonly parties: readonly Party[]) {
    for (const p of parties) {
      if (this.#byEui.has(p.eui.hex)) throw new InvalidInputError('parties', 'unique EUIs', p.eui.toString());
      if (this.#byName.has(p.name.toLowerCase()))
        throw new InvalidInputError('parties', 'unique names', p.name);
      this.#byEui.set(p.eui.hex, p);
      this.#byName.set(p.name.toLowerCase(), p);
      if (p.distributorId !== undefined) {
        if (this.#byDistributor.has(p.distributorId)) {
          throw new InvalidInputError('parties', 'one network operator per distributor ID', p.distributorId);
        }
        this.#byDistributor.set(p.distributorId, p);
      }
    }
  }

  byEui(eui: Eui): Party | undefined {
    return this.#byEui.get(eui.hex);
  }

  /** By exact name (any case), as Gherkin steps and estate files name parties. */
  byName(name: string): Party {
    const party = this.#byName.get(name.trim().toLowerCase());
    if (party === undefined) {
      throw new InvalidInputError(
        'party',
        `one of the estate's parties (${this.parties.map((p) => p.name).join(', ')})`,
        name,
      );
    }
    return party;
  }

  /** The network operator registered by default for MPANs whose first two digits are this distributor ID. */
  networkOperatorFor(distributorId: number): Party | undefined {
    return this.#byDistributor.get(distributorId);
  }

  ofKind(kind: PartyKind): Party[] {
    return this.parties.filter((p) => p.kind === kind);
  }

  withUserRole(role: UserRole): Party[] {
    return this.parties.filter((p) => p.userRoles.includes(role));
  }

  /** The party whose XML-signing credential signs DSP responses. */
  dspSigner(): Party {
    const signer = this.parties.find((p) => p.signsDspResponses);
    if (signer === undefined)
      throw new InvalidInputError('parties', 'a party with signsDspResponses', undefined);
    return signer;
  }
}
