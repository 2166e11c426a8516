import type { RequestId } from '../core/RequestId.ts';
import type { CommandVariant, Srv } from '../core/Srv.ts';
import type { RequestBody } from './requestBodies.ts';

/** The `sr:Header` of a request. */
export interface ServiceRequestHeader {
  /** sr:RequestID: originator (the User), target (the device, or the DCC for non-device SRVs), counter. */
  readonly requestId: RequestId;
  /** sr:FirstInSequence (optional, for sequenced requests). */
  readonly firstInSequence?: boolean;
  /** sr:PrecedingServiceRequestID (optional, for sequenced requests). */
  readonly precedingServiceRequestId?: RequestId;
  readonly commandVariant: CommandVariant;
  /** sr:ServiceReference: always `srv.serviceReference` in a parsed request (the parser checks it). */
  readonly serviceReference: string;
  /** sr:ServiceReferenceVariant, resolved in the SRV catalogue. */
  readonly srv: Srv;
}

/**
 * A DUIS Service Request (`sr:Request`) as a value: no XML left in it. With CommandVariant 5, 6
 * or 7 the body is the `SignedPreCommand` the User signed, whatever the SRV.
 */
export interface ServiceRequest {
  /** The root's schemaVersion, normalised to major.minor (e.g. `5.4`). */
  readonly schemaVersion: string;
  readonly header: ServiceRequestHeader;
  readonly body: RequestBody;
}

/**
 * What parseDuisRequest returns: the value plus, as non-enumerable properties (so deep equality
 * and JSON ignore them), the parsed DOM for anything not modelled – notably the enveloped
 * signature for the XML-DSig verifier, which needs the document it came in.
 */
export interface ParsedServiceRequest extends ServiceRequest {
  /** The `sr:Request` element (its ownerDocument is the parsed document). */
  readonly element: Element;
  /** The `ds:Signature` last child of the root, if present; not checked here. */
  readonly signatureElement: Element | undefined;
}

/** What buildDuisRequest takes: a ServiceRequest, or the same with ids as text and defaults left out. */
export interface ServiceRequestInput {
  /** Default DEFAULT_SCHEMA_VERSION (5.4). */
  readonly schemaVersion?: string;
  readonly header: {
    readonly requestId: RequestId | string;
    readonly firstInSequence?: boolean;
    readonly precedingServiceRequestId?: RequestId | string;
    readonly commandVariant: CommandVariant | number;
    /** Default `srv.serviceReference`; give another value only to build a deliberately wrong request. */
    readonly serviceReference?: string;
    readonly srv: Srv | string;
  };
  readonly body: RequestBody;
}

/** The sr:Body element a request must carry for its SRV and CommandVariant. */
export function expectedBodyElement(srv: Srv, commandVariant: number): string {
  return SIGNED_PRE_COMMAND_VARIANTS.includes(commandVariant) ? 'SignedPreCommand' : srv.duisElement;
}

/** CommandVariants whose input is a Signed Pre-Command (XSD table: CV 5, 6, 7). */
export const SIGNED_PRE_COMMAND_VARIANTS: readonly number[] = [5, 6, 7];

/** Attaches DOM handles to a parsed value without making them part of its value. */
export function withDom<T extends object>(
  value: T,
  element: Element,
  signatureElement: Element | undefined,
): T & { readonly element: Element; readonly signatureElement: Element | undefined } {
  return Object.defineProperties(value, {
    element: { value: element, enumerable: false },
    signatureElement: { value: signatureElement, enumerable: false },
  }) as T & { element: Element; signatureElement: Element | undefined };
}
