import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { UserRole } from '../core/roles.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';

/** SEC User status as the DSP checks it: a suspended User's requests are refused with E3. */
export type UserStatus = 'active' | 'suspended';

export const USER_STATUSES: readonly UserStatus[] = ['active', 'suspended'];

/** A DCC User as the DSP knows it. */
export interface DccUser {
  readonly eui: Eui;
  readonly name: string;
  readonly roles: readonly UserRole[];
  readonly status: UserStatus;
  /** Where the DSP POSTs asynchronous responses and alerts; absent until the User registers one. */
  readonly responseUrl?: string;
}

/** The DCC Users the DSP knows, by EUI. */
export interface UserDirectory {
  get(eui: Eui): DccUser | undefined;
}

export interface PartyUserDirectoryOptions {
  /** Response URLs to start with, by User EUI. */
  readonly responseUrls?: Iterable<readonly [Eui, string]>;
}

/**
 * The Users of an estate: every party with at least one User Role (the DCC's own roles are not
 * DCC Users), all active at first. Status and response URL can be changed afterwards, e.g. by a
 * Gherkin step suspending a User.
 */
export class PartyUserDirectory implements UserDirectory {
  readonly #users = new Map<string, DccUser>();

  constructor(parties: PartyDirectory, options: PartyUserDirectoryOptions = {}) {
    for (const party of parties.parties) {
      if (party.userRoles.length === 0) continue;
      this.#users.set(party.eui.hex, {
        eui: party.eui,
        name: party.name,
        roles: Object.freeze([...party.userRoles]),
        status: 'active',
      });
    }
    for (const [eui, url] of options.responseUrls ?? []) this.setResponseUrl(eui, url);
  }

  get(eui: Eui): DccUser | undefined {
    return this.#users.get(eui.hex);
  }

  list(): readonly DccUser[] {
    return [...this.#users.values()];
  }

  setStatus(eui: Eui, status: UserStatus): DccUser {
    if (!USER_STATUSES.includes(status)) {
      throw new InvalidInputError('status', `one of ${USER_STATUSES.join(', ')}`, status);
    }
    return this.#update(eui, { status });
  }

  setResponseUrl(eui: Eui, url: string): DccUser {
    if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new InvalidInputError('responseUrl', 'an http(s) URL', url);
    }
    return this.#update(eui, { responseUrl: url });
  }

  #update(eui: Eui, change: Partial<Pick<DccUser, 'status' | 'responseUrl'>>): DccUser {
    const user = this.#users.get(eui.hex);
    if (user === undefined) {
      throw new InvalidInputError('User', 'the EUI of a party with a User Role', eui.toString());
    }
    const next = Object.freeze({ ...user, ...change });
    this.#users.set(eui.hex, next);
    return next;
  }
}
