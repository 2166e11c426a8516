import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { Journal } from '../core/Journal.ts';
import type { RequestId } from '../core/RequestId.ts';
import {
  buildDuisRequest,
  buildDuisResponse,
  buildLazyDuisResponse,
  DEFAULT_SCHEMA_VERSION,
  type DuisResponse,
  type DuisResponseInput,
  type DuisText,
  isSchemaResponseCode,
  SCHEMA_DCC_ALERT_CODES,
  type ServiceRequestInput,
  textOf,
} from '../duis/index.ts';
import type { InProcessSignature, InProcessSigning } from '../duis/InProcessSigning.ts';
import { type DuisSigningCredential, signDuis } from '../xmldsig/signDuis.ts';
import { type DspAnswer, xmlAnswer } from './DspAnswer.ts';
import type { DeliveryMeta, UserOutbox } from './ports.ts';
import type { UserDirectory } from './UserDirectory.ts';

export interface ResponderOptions {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly outbox: UserOutbox;
  readonly users: UserDirectory;
  /** The DSP's XML-signing credential, resolved on first use. */
  readonly signer: () => Promise<DuisSigningCredential>;
  /** In-process signing (decision 0009): responses are left unsigned in the XML and signed beside it as `dsp`. */
  readonly inProcess?: { readonly signing: InProcessSigning; readonly dsp: Eui };
}

/** What the journal says about a response besides its XML. */
export interface ResponseNote {
  readonly summary: string;
  readonly requestId?: RequestId;
  readonly srv?: string;
  readonly deviceId?: Eui;
}

/**
 * Writes, signs and sends every DUIS response and alert the DSP produces, journalling each:
 * synchronously as an HTTP answer, or later through the UserOutbox.
 */
export class Responder {
  readonly #options: ResponderOptions;
  #signer: Promise<DuisSigningCredential> | undefined;

  constructor(options: ResponderOptions) {
    this.#options = options;
  }

  get now(): Date {
    return this.#options.clock.now();
  }

  /** A request countersigned by the DSP (signed with its XML-signing key), as the S1SP receives it. */
  async countersign(request: ServiceRequestInput): Promise<string> {
    const signer = await this.#credential();
    return buildDuisRequest(request, { sign: (xml) => signDuis(xml, signer) });
  }

  /**
   * A signed `sr:Response` (with in-process signing: unsigned, its signature goes beside it, and its
   * text is written when first read – the response code is checked now, the other values then);
   * codes outside the DUIS schema (harness-defined) are allowed but flagged by the schema.
   */
  async sign(input: DuisResponseInput): Promise<DuisText> {
    const body = input.body;
    const outsideSchema =
      !isSchemaResponseCode(input.header.responseCode) ||
      (body.kind === 'DCCAlertMessage' && !SCHEMA_DCC_ALERT_CODES.includes(body.dccAlertCode));
    if (this.#options.inProcess) return buildLazyDuisResponse(input, { allowCodesOutsideSchema: outsideSchema });
    const signer = await this.#credential();
    return buildDuisResponse(input, {
      sign: (xml) => signDuis(xml, signer),
      allowCodesOutsideSchema: outsideSchema,
    });
  }

  /** The synchronous answer to `to`'s request: signed, journalled. */
  async answer(to: Eui, input: DuisResponseInput, note: ResponseNote, reason?: string): Promise<DspAnswer> {
    const xml = await this.sign(input);
    this.#journalOut(to, 'response', input.header.responseCode, xml, note);
    return xmlAnswer(xml, input.header.responseCode, reason, this.#inProcessSignature(xml, input));
  }

  /** An asynchronous response or alert for a User: signed, journalled, handed to the outbox. */
  async deliver(
    to: Eui,
    input: DuisResponseInput,
    meta: Omit<DeliveryMeta, 'responseCode' | 'responseUrl'>,
    summary: string,
  ): Promise<void> {
    await this.deliverXml(to, await this.sign(input), input.header.responseCode, meta, summary, input);
  }

  /**
   * As `deliver`, for XML the DSP does not sign itself (an S1SP's signed answer, carried as it is);
   * `input`, when the DSP wrote `xml` from it, travels sealed with an in-process signature.
   */
  async deliverXml(
    to: Eui,
    xml: DuisText,
    code: DuisResponseCode,
    meta: Omit<DeliveryMeta, 'responseCode' | 'responseUrl'>,
    summary: string,
    input?: DuisResponseInput,
  ): Promise<void> {
    const note: ResponseNote = {
      summary,
      ...(meta.requestId && { requestId: meta.requestId }),
      ...(meta.srv && { srv: meta.srv }),
      ...(meta.deviceId && { deviceId: meta.deviceId }),
    };
    this.#journalOut(to, meta.kind === 'response' ? 'response' : 'alert', code, xml, note);
    const responseUrl = this.#options.users.get(to)?.responseUrl;
    const inProcessSignature = this.#inProcessSignature(xml, input);
    this.#options.outbox.deliver(to, xml, {
      ...meta,
      responseCode: code,
      ...(responseUrl && { responseUrl }),
      ...(inProcessSignature !== undefined && { inProcessSignature }),
    });
  }

  /** With in-process signing, the DSP's signature over `xml`, sealing the response value it was written from (decision 0009). */
  #inProcessSignature(xml: DuisText, input: DuisResponseInput | undefined): InProcessSignature | undefined {
    const p = this.#options.inProcess;
    return p?.signing.sign(p.dsp, xml, input && responseValue(input));
  }

  #credential(): Promise<DuisSigningCredential> {
    this.#signer ??= this.#options.signer();
    return this.#signer;
  }

  #journalOut(to: Eui, kind: string, code: DuisResponseCode, xml: DuisText, note: ResponseNote): void {
    const journal = this.#options.journal;
    journal.append({
      at: this.now,
      via: 'DUIS',
      from: 'DSP',
      to: to.toString(),
      kind,
      summary: note.summary,
      responseCode: code,
      // Text still to be written is written only for a journal that keeps it.
      ...((typeof xml === 'string' || journal.keepsPayload('DUIS')) && { payload: textOf(xml) }),
      ...(note.requestId && { requestId: note.requestId.toString() }),
      ...(note.srv && { srv: note.srv }),
      ...(note.deviceId && { deviceId: note.deviceId.toString() }),
    });
  }
}

/** The value `buildDuisResponse(input)` writes – what parsing its XML gives back (checked in responseValue.test.ts). */
export function responseValue(input: DuisResponseInput): DuisResponse {
  return { schemaVersion: input.schemaVersion ?? DEFAULT_SCHEMA_VERSION, header: input.header, body: input.body };
}
