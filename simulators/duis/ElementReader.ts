import { InvalidInputError } from '../core/errors.ts';
import type { Codec } from './codecs.ts';
import { DS_NS, SR_NS } from './namespaces.ts';
import { childElements, directText, expandedName } from './xmlDocument.ts';

/** How an element is named in paths and messages: `sr:Foo`, `ds:Foo`, or `{namespace}Foo`. */
export function displayName(el: Element): string {
  if (el.namespaceURI === SR_NS) return `sr:${el.localName}`;
  if (el.namespaceURI === DS_NS) return `ds:${el.localName}`;
  return expandedName(el);
}

/**
 * An element of a DUIS document together with its path from the root (`sr:Request/sr:Header/
 * sr:RequestID`, always written with the `sr:` prefix whatever prefix the document uses), so
 * every error names the element to fix.
 */
export class ElementReader {
  constructor(
    readonly element: Element,
    readonly path: string,
  ) {}

  get name(): string {
    return this.element.localName ?? '';
  }

  text(): string {
    return directText(this.element);
  }

  value<T>(codec: Codec<T>): T {
    return codec.parse(this.text(), this.path);
  }

  /** Reads the element children in order; see ChildCursor. */
  children(): ChildCursor {
    return new ChildCursor(this);
  }
}

/**
 * Walks the children of an element in schema order: each call takes the next child if it has the
 * asked-for name and complains, naming the path, when a required child is missing or an
 * unexpected one is in the way. `end()` refuses anything left over.
 */
export class ChildCursor {
  readonly #parent: ElementReader;
  readonly #elements: Element[];
  #index = 0;

  constructor(parent: ElementReader) {
    this.#parent = parent;
    this.#elements = childElements(parent.element);
    const stray = directText(parent.element).trim();
    if (stray !== '') {
      throw new InvalidInputError(parent.path, 'only child elements inside (no text)', stray);
    }
  }

  #next(): Element | undefined {
    return this.#elements[this.#index];
  }

  #isSr(el: Element | undefined, names: readonly string[]): el is Element {
    return el !== undefined && el.namespaceURI === SR_NS && names.includes(el.localName ?? '');
  }

  #childPath(name: string, position?: number): string {
    return `${this.#parent.path}/sr:${name}${position === undefined ? '' : `[${position}]`}`;
  }

  #take(el: Element, position?: number): ElementReader {
    this.#index++;
    return new ElementReader(el, this.#childPath(el.localName ?? '', position));
  }

  #missing(names: readonly string[], what?: string): never {
    const next = this.#next();
    const wanted = names.map((n) => `sr:${n}`).join(' or ');
    throw new InvalidInputError(
      names.length === 1 ? this.#childPath(names[0]!) : `${this.#parent.path}/(${wanted})`,
      `the element ${wanted}${what ? ` (${what})` : ''}${next ? ' at this position' : ''}`,
      next ? `element ${displayName(next)}` : undefined,
    );
  }

  /** The local name of the next child if it is in the DUIS namespace. */
  peek(): string | undefined {
    const next = this.#next();
    return next?.namespaceURI === SR_NS ? (next.localName ?? undefined) : undefined;
  }

  optional(name: string): ElementReader | undefined {
    const next = this.#next();
    return this.#isSr(next, [name]) ? this.#take(next) : undefined;
  }

  required(name: string, what?: string): ElementReader {
    const next = this.#next();
    if (!this.#isSr(next, [name])) this.#missing([name], what);
    return this.#take(next);
  }

  /** One of several alternative elements (an xs:choice). */
  choice(names: readonly string[], what?: string): ElementReader {
    const next = this.#next();
    if (!this.#isSr(next, names)) this.#missing(names, what);
    return this.#take(next);
  }

  /** `min` to `max` repetitions of `name`; paths carry a 1-based position when `max` > 1. */
  many(name: string, min: number, max: number, what?: string): ElementReader[] {
    const out: ElementReader[] = [];
    while (this.#isSr(this.#next(), [name])) {
      if (out.length === max) {
        throw new InvalidInputError(
          this.#childPath(name, max + 1),
          `at most ${max} sr:${name} elements`,
          'more',
        );
      }
      out.push(this.#take(this.#next()!, max > 1 ? out.length + 1 : undefined));
    }
    if (out.length < min) {
      if (out.length === 0) this.#missing([name], what);
      throw new InvalidInputError(this.#childPath(name), `at least ${min} sr:${name} elements`, out.length);
    }
    return out;
  }

  requiredValue<T>(name: string, codec: Codec<T>): T {
    return this.required(name, codec.describe).value(codec);
  }

  optionalValue<T>(name: string, codec: Codec<T>): T | undefined {
    return this.optional(name)?.value(codec);
  }

  /** Takes an enveloped ds:Signature if it is next; its content is the XML-DSig verifier's business. */
  signature(): Element | undefined {
    const next = this.#next();
    if (next !== undefined && next.namespaceURI === DS_NS && next.localName === 'Signature') {
      this.#index++;
      return next;
    }
    return undefined;
  }

  /** Refuses any child left unread. */
  end(): void {
    const next = this.#next();
    if (next !== undefined) {
      throw new InvalidInputError(
        `${this.#parent.path}/${displayName(next)}`,
        `no further element inside ${this.#parent.path.split('/').pop()} (unexpected element or wrong order)`,
        `element ${displayName(next)}`,
      );
    }
  }
}
