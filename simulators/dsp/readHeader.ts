import { HarnessError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { type CommandVariant, Srv } from '../core/Srv.ts';
import { SR_NS } from '../duis/index.ts';

const ELEMENT_NODE = 1;

/**
 * The part of a request the DSP must read before it can trust anything: who sent it (RequestID),
 * what it asks (CommandVariant, ServiceReferenceVariant). Read straight from the DOM, before the
 * full parse, because the signer check needs the originator and a refusal of a malformed body
 * needs the SRV to name in a signed E12.
 */
export interface RequestHeader {
  readonly requestId: RequestId;
  readonly commandVariant: CommandVariant;
  readonly srv: Srv;
}

/** A header the DSP cannot read: answered with a plain HTTP 400, as no signed DUIS answer can name it. */
export class UnreadableHeaderError extends HarnessError {
  readonly responseCode = 'E12';
}

export function readHeader(doc: Document): RequestHeader {
  const root = doc.documentElement;
  if (root === null || root.localName !== 'Request' || root.namespaceURI !== SR_NS) {
    throw new UnreadableHeaderError(`the root element must be sr:Request in namespace ${SR_NS}`);
  }
  const header = children(root)[0];
  if (header === undefined || header.localName !== 'Header' || header.namespaceURI !== SR_NS) {
    throw new UnreadableHeaderError('the first child of sr:Request must be sr:Header');
  }
  const fields = new Map(children(header).map((el) => [el.localName, el]));
  let requestId: RequestId;
  try {
    requestId = RequestId.parse(fieldText(fields, 'RequestID'), 'sr:RequestID');
  } catch (error) {
    if (error instanceof UnreadableHeaderError) throw error;
    throw new UnreadableHeaderError(messageOf(error), { cause: error });
  }
  const cvText = fieldText(fields, 'CommandVariant');
  if (!/^[1-9]$/.test(cvText)) {
    throw new UnreadableHeaderError(`sr:CommandVariant: expected a digit from 1 to 9, got "${cvText}"`);
  }
  const variant = fieldText(fields, 'ServiceReferenceVariant');
  const srv = Srv.byVariant(variant);
  if (srv === undefined) {
    const known = Srv.catalogue.map((s) => s.id).join(', ');
    throw new UnreadableHeaderError(
      `sr:ServiceReferenceVariant "${variant}" is not one the harness's DSP serves (${known})`,
    );
  }
  return { requestId, commandVariant: Number(cvText) as CommandVariant, srv };
}

/** The trimmed text of sr:Header's child `name`; refused when it has none. */
function fieldText(fields: ReadonlyMap<string, Element>, name: string): string {
  const el = fields.get(name);
  if (el === undefined || el.namespaceURI !== SR_NS) {
    throw new UnreadableHeaderError(`sr:Header has no sr:${name}`);
  }
  return (el.textContent ?? '').trim();
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
