import type { DuisResponseCode } from '../core/errors.ts';
import { HarnessError } from '../core/errors.ts';
import type { ParsedServiceRequest } from '../duis/index.ts';
import type { DuisResponseInput } from '../duis/index.ts';
import type { Exchange } from './DeviceExchange.ts';
import type { RequestHeader } from './readHeader.ts';
import type { DccUser } from './UserDirectory.ts';

/** A request that passed the SRPD pipeline, ready to be carried out. */
export interface Accepted {
  readonly header: RequestHeader;
  readonly request: ParsedServiceRequest;
  readonly user: DccUser;
  readonly now: Date;
}

/**
 * What carrying out a request came to. A refusal changes nothing; an acceptance changes things
 * only through `commit`, which the Dsp runs together with the counter update, after which the
 * `exchange` (if any) goes to the device.
 */
export type Dispatched =
  | { readonly refused: true; readonly code: DuisResponseCode; readonly message: string }
  | {
      readonly refused: false;
      readonly response: DuisResponseInput;
      readonly summary: string;
      readonly commit?: () => void;
      readonly exchange?: Exchange;
    };

export function refusal(code: DuisResponseCode, message: string): Dispatched {
  return { refused: true, code, message };
}

/** A harness error as a refusal with its own DUIS code; anything else is a bug and is rethrown. */
export function refusalOf(error: unknown, prefix = ''): Dispatched {
  if (error instanceof HarnessError) return refusal(error.responseCode, `${prefix}${error.message}`);
  throw error;
}
