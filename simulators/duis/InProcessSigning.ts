import type { Eui } from '../core/Eui.ts';
import type { GbcsSigning } from '../gbcs/GbcsSigning.ts';
import { InProcessGbcsSigning } from '../gbcs/InProcessGbcsSigning.ts';
import { type DuisText, textOf } from './LazyXml.ts';

/**
 * A signature minted by one `InProcessSigning`: who signed and the exact text, sealed. Only the
 * instance that made it can read it back (a private field, not a property), so it cannot be forged
 * or altered by whoever carries it, and another estate's signing does not recognise it.
 */
export class InProcessSignature {
  readonly #issuer: InProcessSigning;
  readonly #signer: string;
  readonly #text: DuisText;
  readonly #reading: unknown;

  /** @internal – made only by `InProcessSigning.sign`. */
  constructor(issuer: InProcessSigning, signer: Eui, text: DuisText, seal: symbol, reading: unknown) {
    if (seal !== SEAL) throw new TypeError('InProcessSignature: only InProcessSigning.sign makes signatures');
    this.#issuer = issuer;
    this.#signer = signer.hex;
    this.#text = text;
    this.#reading = reading;
  }

  /**
   * Whether this signature is `issuer`'s, by `signer`, over exactly `text`. A document still to be
   * written (LazyXml) matches itself without being written; text matches the text it writes.
   */
  static matches(signature: unknown, issuer: InProcessSigning, signer: Eui, text: DuisText): boolean {
    if (!(typeof signature === 'object' && signature !== null && #issuer in signature && signature.#issuer === issuer && signature.#signer === signer.hex)) {
      return false;
    }
    // Strings are immutable: the same text object compares in O(1), another copy byte by byte.
    return signature.#text === text || textOf(signature.#text) === textOf(text);
  }

  /** The signer's own reading of the text, sealed with it: only when `matches` holds, else undefined. */
  static readingOf(signature: unknown, issuer: InProcessSigning, signer: Eui, text: DuisText): unknown {
    return InProcessSignature.matches(signature, issuer, signer, text) ? (signature as InProcessSignature).#reading : undefined;
  }

  /** For logs and errors: who signed, never the text. */
  toString(): string {
    return #signer in this ? `in-process signature of ${this.#signer}` : 'not an in-process signature';
  }
}

const SEAL = Symbol('InProcessSignature');

/**
 * The in-process signing path of decision 0009, for very large batches: DUIS documents travel
 * between in-process Users and the DSP unsigned in the XML, each with a sealed `InProcessSignature`
 * beside it naming its signer and holding its exact text. It stands in for XML-DSig's ECDSA (which
 * costs more than the rest of a Service Request): whoever checks still learns who sent the document
 * and that not a byte changed, and every other check runs unchanged. Nothing is hashed – the seal
 * is the language's own (a private field only this module can read), which holds because the
 * signature never leaves the process: an estate with in-process signing has no HTTP interface.
 * GBCS signatures, which travel inside the frames' bytes, are sealed by `gbcs` (decision 0013).
 */
export class InProcessSigning {
  /**
   * The same estate's GBCS signatures (decision 0013): its Users' pre-commands, its devices'
   * responses and alerts, and the devices' checks of the commands they receive.
   */
  readonly gbcs: GbcsSigning;

  constructor(gbcs: GbcsSigning = new InProcessGbcsSigning()) {
    this.gbcs = gbcs;
  }

  /**
   * `signer`'s signature over `text`. `reading` is what the signer wrote the text from (the DSP's
   * response value), sealed with it so that a reader in the same process can take it instead of
   * parsing the text again; whoever gives one answers for it being exactly what the text parses to.
   */
  sign(signer: Eui, text: DuisText, reading?: unknown): InProcessSignature {
    return new InProcessSignature(this, signer, text, SEAL, reading);
  }

  /** The reading sealed in `signature`, when it is this instance's, by `signer`, over exactly `text`; else undefined. */
  reading(signer: Eui, text: DuisText, signature: unknown): unknown {
    return InProcessSignature.readingOf(signature, this, signer, text);
  }

  /** Whether `signature` is one this instance made, for `signer`, over exactly `text`; never throws. */
  verify(signer: Eui, text: DuisText, signature: unknown): boolean {
    return InProcessSignature.matches(signature, this, signer, text);
  }
}
