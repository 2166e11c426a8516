import { type DuisResponseCode, HarnessError } from '../core/errors.ts';

/** Why a document was refused before anything looked at its content. */
export type XmlRefusal =
  | 'not-well-formed'
  | 'doctype'
  | 'entity-declaration'
  | 'processing-instruction'
  | 'undeclared-prefix'
  | 'unsupported-namespace-name';

/**
 * XML that the harness will not parse: not well-formed, or carrying a construct DUIS has no use
 * for and that opens the door to attacks (DOCTYPE and ENTITY declarations, processing
 * instructions). DUIS answers such a request with E12 (invalid request format).
 */
export class XmlRefusedError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E12';

  constructor(
    readonly refusal: XmlRefusal,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`XML refused (${refusal}): ${detail}`, options);
  }
}
