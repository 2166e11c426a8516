import { type DuisResponseCode, HarnessError } from '../core/errors.ts';

/**
 * Untrusted GBCS bytes that do not parse: a frame, a grouping header or a use-case payload. Names the
 * field, the byte offset (from the start of the buffer handed to the decoder) and what was expected,
 * so a tester can see at once which byte to change. A device answers such a command as malformed.
 */
export class GbcsDecodeError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E12';

  constructor(
    readonly field: string,
    readonly offset: number,
    readonly expected: string,
    readonly received?: string,
  ) {
    super(
      `GBCS ${field} at offset ${offset}: expected ${expected}${received === undefined ? '' : `, got ${received}`}`,
    );
  }
}

/** `0x0A` style, for messages. */
export function hexByte(n: number): string {
  return `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
}
