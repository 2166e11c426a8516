import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';

/**
 * Values crossing between the DSP and its admission workers (postMessage's structured clone),
 * with the harness's value classes kept: structured clone copies plain objects, arrays, bigints,
 * Dates and byte arrays, but turns any class instance into a plain object and a Buffer into a
 * Uint8Array, silently. So {@link toWorkerValue} writes an Eui, a RequestId, a catalogue Srv and
 * a Buffer as tagged plain objects, and {@link fromWorkerValue} makes them again; any other
 * object that is not plain (another class, a Map, a function …) is refused with
 * {@link NotAWorkerValue}, so the caller falls back to doing the work in the main thread rather
 * than handing on something that has changed on the way. Only own enumerable properties travel
 * (a parsed request's non-enumerable DOM references do not).
 */
export class NotAWorkerValue extends Error {}

/** The key that marks a tagged value; a plain object that has it itself is refused. */
const TAG = '\u0000smets-harness';

type Tagged =
  | { readonly [TAG]: 'Eui'; readonly hex: string }
  | { readonly [TAG]: 'RequestId'; readonly originator: string; readonly target: string; readonly counter: bigint }
  | { readonly [TAG]: 'Srv'; readonly id: string }
  | { readonly [TAG]: 'Buffer'; readonly bytes: Uint8Array };

export function toWorkerValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') throw new NotAWorkerValue(`a ${typeof value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(toWorkerValue);
  if (value instanceof Eui) return { [TAG]: 'Eui', hex: value.hex } satisfies Tagged;
  if (value instanceof RequestId) {
    return {
      [TAG]: 'RequestId',
      originator: value.originator.hex,
      target: value.target.hex,
      counter: value.counter,
    } satisfies Tagged;
  }
  if (value instanceof Srv) return { [TAG]: 'Srv', id: value.id } satisfies Tagged;
  // Only the Buffer's own bytes: a small Buffer is a view of a shared 8 KiB pool.
  if (Buffer.isBuffer(value)) return { [TAG]: 'Buffer', bytes: new Uint8Array(value) } satisfies Tagged;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (value instanceof Date || (value instanceof Uint8Array && proto === Uint8Array.prototype)) return value;
  if (proto !== Object.prototype && proto !== null) {
    throw new NotAWorkerValue(`an instance of ${(value as object).constructor?.name ?? 'an unknown class'}`);
  }
  if (Object.hasOwn(value, TAG)) throw new NotAWorkerValue('an object with the tag key');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = toWorkerValue((value as Record<string, unknown>)[key]);
  return out;
}

export function fromWorkerValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(fromWorkerValue);
  if (value instanceof Date || value instanceof Uint8Array) return value;
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, TAG)) {
    const tagged = value as Tagged;
    switch (tagged[TAG]) {
      case 'Eui':
        return Eui.parse(tagged.hex);
      case 'RequestId':
        return RequestId.of(Eui.parse(tagged.originator), Eui.parse(tagged.target), tagged.counter);
      case 'Srv': {
        const srv = Srv.byVariant(tagged.id);
        if (srv === undefined) throw new NotAWorkerValue(`SRV ${tagged.id} is not in the catalogue`);
        return srv;
      }
      case 'Buffer':
        return Buffer.from(tagged.bytes.buffer, tagged.bytes.byteOffset, tagged.bytes.byteLength);
      default:
        throw new NotAWorkerValue(`an unknown tag ${String((tagged as Record<string, unknown>)[TAG])}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = fromWorkerValue(record[key]);
  return out;
}
