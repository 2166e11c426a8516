/**
 * EUI-64 → device index, as an open-addressing hash table over typed arrays (linear probing, load
 * factor ≤ 0.5). A Map<bigint, number> would cost ~70 heap bytes per device; this costs 8 (two Int32
 * slots per device) and keeps a million devices off the garbage collector's books.
 *
 * The EUIs themselves live in the fleet's columns; the table stores `index + 1` (0 = free slot) and
 * asks the owner for the EUI halves of an index when it probes.
 */
export class EuiIndex {
  #slots: Int32Array;
  #mask: number;
  #count = 0;

  constructor(
    capacity: number,
    private readonly hiOf: (index: number) => number,
    private readonly loOf: (index: number) => number,
  ) {
    const size = tableSize(capacity);
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
  }

  get size(): number {
    return this.#count;
  }

  /** The device index for an EUI given as its high and low 32 bits, or -1. */
  find(hi: number, lo: number): number {
    const slots = this.#slots;
    for (let s = hash(hi, lo) & this.#mask; ; s = (s + 1) & this.#mask) {
      const v = slots[s]!;
      if (v === 0) return -1;
      const index = v - 1;
      if (this.hiOf(index) === hi && this.loOf(index) === lo) return index;
    }
  }

  /** Adds an index whose EUI is not yet in the table (the caller checks with find first). */
  insert(hi: number, lo: number, index: number): void {
    if ((this.#count + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    this.#place(hi, lo, index);
    this.#count++;
  }

  #place(hi: number, lo: number, index: number): void {
    const slots = this.#slots;
    let s = hash(hi, lo) & this.#mask;
    while (slots[s] !== 0) s = (s + 1) & this.#mask;
    slots[s] = index + 1;
  }

  #rehash(size: number): void {
    const old = this.#slots;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (const v of old) if (v !== 0) this.#place(this.hiOf(v - 1), this.loOf(v - 1), v - 1);
  }
}

function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

/** A 32-bit mix of both halves (murmur3 finaliser); EUIs from one manufacturer differ in the low bits. */
function hash(hi: number, lo: number): number {
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ lo;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
