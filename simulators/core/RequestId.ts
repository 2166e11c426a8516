import { Eui } from './Eui.ts';
import { InvalidInputError } from './errors.ts';

/** The largest counter DUIS allows: the counter is an unsigned 64-bit integer. */
export const MAX_REQUEST_COUNTER = (1n << 64n) - 1n;

/** The form the DUIS 5.4 schema (RequestIDType) prescribes for each EUI: eight dash-separated hex pairs. */
const DASHED_EUI = /^[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){7}$/;
/** Decimal, no sign, no leading zeros (the schema's pattern refuses `0123`). */
const DECIMAL = /^(0|[1-9][0-9]*)$/;

const EXAMPLE = '90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000';

/**
 * A DUIS RequestID, `originatorEUI:targetEUI:counter`, as in the `sr:RequestID` header element:
 * the originator is the sending User's Entity ID, the target the device (or the DCC's EUI for
 * non-device requests), the counter a per-originator value the User increases with every request.
 * Parses the schema's form only (dashed EUIs in either case, a decimal counter up to 2^64-1) and
 * formats with upper-case dashed EUIs.
 */
export class RequestId {
  /** The text form, made once (see Eui.toString). */
  #text: string | undefined;

  private constructor(
    readonly originator: Eui,
    readonly target: Eui,
    readonly counter: bigint,
  ) {}

  static of(originator: Eui, target: Eui, counter: bigint | number, field = 'RequestID'): RequestId {
    const value = typeof counter === 'number' && Number.isSafeInteger(counter) ? BigInt(counter) : counter;
    if (typeof value !== 'bigint' || value < 0n || value > MAX_REQUEST_COUNTER) {
      throw new InvalidInputError(field, `a counter from 0 to ${MAX_REQUEST_COUNTER}`, counter);
    }
    return new RequestId(originator, target, value);
  }

  static parse(text: unknown, field = 'RequestID'): RequestId {
    if (typeof text !== 'string') {
      throw new InvalidInputError(field, `originatorEUI:targetEUI:counter (e.g. ${EXAMPLE})`, text);
    }
    const parts = text.trim().split(':');
    if (parts.length !== 3) {
      throw new InvalidInputError(
        field,
        `three parts originatorEUI:targetEUI:counter separated by ':' (e.g. ${EXAMPLE})`,
        text,
      );
    }
    const [originatorText, targetText, counterText] = parts as [string, string, string];
    const originator = parseDashedEui(originatorText, 'originator', field);
    const target = parseDashedEui(targetText, 'target', field);
    if (!DECIMAL.test(counterText) || BigInt(counterText) > MAX_REQUEST_COUNTER) {
      throw new InvalidInputError(
        field,
        `a counter after the second ':' as a decimal integer from 0 to ${MAX_REQUEST_COUNTER} without leading zeros`,
        counterText,
      );
    }
    return new RequestId(originator, target, BigInt(counterText));
  }

  /** `90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000` */
  toString(): string {
    this.#text ??= `${this.originator}:${this.target}:${this.counter}`;
    return this.#text;
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: RequestId | undefined | null): boolean {
    return (
      other != null &&
      other.counter === this.counter &&
      other.originator.equals(this.originator) &&
      other.target.equals(this.target)
    );
  }
}

function parseDashedEui(text: string, part: 'originator' | 'target', field: string): Eui {
  if (!DASHED_EUI.test(text)) {
    const where = part === 'originator' ? "before the first ':'" : "between the two ':'";
    throw new InvalidInputError(
      field,
      `the ${part} EUI ${where} as eight dash-separated hex pairs (e.g. 90-B3-D5-1F-30-01-00-00)`,
      text,
    );
  }
  return Eui.parse(text, field);
}
