/**
 * A DUIS document whose text is written when first read. In process (decision 0009) the User takes
 * the DSP's answers as the values they were written from, so most of them are never read as text:
 * the DSP checks each against the schema as it answers, and leaves the writing to whoever reads.
 */
export class LazyXml {
  #write: (() => string) | undefined;
  #text: string | undefined;

  /** `write` is called once, on the first read, and let go. */
  constructor(write: () => string) {
    this.#write = write;
  }

  get text(): string {
    if (this.#text === undefined) {
      this.#text = this.#write!();
      this.#write = undefined;
    }
    return this.#text;
  }

  toString(): string {
    return this.text;
  }
}

/** A DUIS document as it travels: its text, or the promise of it (in process). */
export type DuisText = string | LazyXml;

/** The text of a document, writing it if it was not yet. */
export function textOf(document: DuisText): string {
  return typeof document === 'string' ? document : document.text;
}
