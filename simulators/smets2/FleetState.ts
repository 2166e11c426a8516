import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage } from '../core/roles.ts';
import { type CertificateEntry, CertificateTable } from './CertificateTable.ts';
import { CELL_COUNT } from './cells.ts';
import type { CredentialOverride } from './DeviceCredentials.ts';
import { EuiIndex } from './EuiIndex.ts';
import type { Fault } from './faults.ts';

/**
 * What a device holds beyond its EUI, type and cells – only when it differs from the default, so an
 * idle device has no entry at all: anti-replay counters that moved off 0, key generations after a
 * CS02c/CS02d cycle, a fault, credential overrides, its alert counter.
 */
export interface DeviceExtras {
  /** Last accepted originator counter (or floor) per remote party role number. */
  counters?: Map<number, bigint>;
  /** Current key generation per usage (default 0). */
  generation?: Partial<Record<KeyUsage, number>>;
  /** Generation of the key pair made by CS02c and not yet certified by CS02d. */
  pending?: Partial<Record<KeyUsage, number>>;
  /** Device certificates installed by CS02d, exactly as received. */
  installed?: Partial<Record<KeyUsage, Buffer>>;
  overrides?: Partial<Record<KeyUsage, CredentialOverride>>;
  alertCounter?: bigint;
  fault?: Fault;
}

/**
 * The fleet's storage, columnar: per device an EUI (two Uint32 halves), a type code (Uint8) and
 * CELL_COUNT cell slots (Uint32 indexes into the shared CertificateTable, 0 = empty) – 53 bytes, plus
 * 8 for the EUI index. Everything else is in the sparse `extras` map.
 */
export class FleetState {
  readonly certificates = new CertificateTable();
  #capacity: number;
  #size = 0;
  #hi: Uint32Array;
  #lo: Uint32Array;
  #types: Uint8Array;
  #cells: Uint32Array;
  readonly #index: EuiIndex;
  readonly #extras = new Map<number, DeviceExtras>();

  constructor(capacity = 1024) {
    this.#capacity = Math.max(16, Math.ceil(capacity));
    this.#hi = new Uint32Array(this.#capacity);
    this.#lo = new Uint32Array(this.#capacity);
    this.#types = new Uint8Array(this.#capacity);
    this.#cells = new Uint32Array(this.#capacity * CELL_COUNT);
    this.#index = new EuiIndex(
      this.#capacity,
      (i) => this.#hi[i]!,
      (i) => this.#lo[i]!,
    );
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a device; `cells` is a row of CELL_COUNT certificate indexes (a template shared by many). */
  add(hi: number, lo: number, typeCode: number, cells?: ArrayLike<number>): number {
    if (this.#index.find(hi, lo) >= 0) {
      throw new InvalidInputError('eui', 'an EUI not already in the fleet', euiOf(hi, lo).toString());
    }
    if (this.#size === this.#capacity) this.#grow();
    const index = this.#size++;
    this.#hi[index] = hi;
    this.#lo[index] = lo;
    this.#types[index] = typeCode;
    if (cells) this.#cells.set(cells, index * CELL_COUNT);
    this.#index.insert(hi, lo, index);
    return index;
  }

  find(hi: number, lo: number): number {
    return this.#index.find(hi, lo);
  }

  eui(index: number): Eui {
    return euiOf(this.#hi[index]!, this.#lo[index]!);
  }

  typeCode(index: number): number {
    return this.#types[index]!;
  }

  /** The certificate index in a cell (0 = empty). */
  cellSlot(index: number, cell: number): number {
    return this.#cells[index * CELL_COUNT + cell]!;
  }

  cell(index: number, cell: number): CertificateEntry | undefined {
    return this.certificates.entry(this.cellSlot(index, cell));
  }

  setCell(index: number, cell: number, certificateIndex: number): void {
    this.#cells[index * CELL_COUNT + cell] = certificateIndex;
  }

  extras(index: number): DeviceExtras | undefined {
    return this.#extras.get(index);
  }

  /** The device's extras, created on first write. */
  mutableExtras(index: number): DeviceExtras {
    let extras = this.#extras.get(index);
    if (extras === undefined) {
      extras = {};
      this.#extras.set(index, extras);
    }
    return extras;
  }

  counter(index: number, roleNumber: number): bigint {
    return this.#extras.get(index)?.counters?.get(roleNumber) ?? 0n;
  }

  setCounter(index: number, roleNumber: number, value: bigint): void {
    const extras = this.mutableExtras(index);
    extras.counters ??= new Map();
    extras.counters.set(roleNumber, value);
  }

  /** Devices with extras (for tests and reports: how many are not idle). */
  get activeCount(): number {
    return this.#extras.size;
  }

  #grow(): void {
    const capacity = this.#capacity * 2;
    this.#hi = grown(this.#hi, new Uint32Array(capacity));
    this.#lo = grown(this.#lo, new Uint32Array(capacity));
    this.#types = grown(this.#types, new Uint8Array(capacity));
    this.#cells = grown(this.#cells, new Uint32Array(capacity * CELL_COUNT));
    this.#capacity = capacity;
  }
}

function grown<T extends Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export function euiOf(hi: number, lo: number): Eui {
  return Eui.fromBigInt((BigInt(hi) << 32n) | BigInt(lo));
}

/** High and low 32 bits of an EUI. */
export function euiParts(eui: Eui | bigint): [number, number] {
  const value = typeof eui === 'bigint' ? eui : eui.toBigInt();
  return [Number(value >> 32n) >>> 0, Number(value & 0xffffffffn) >>> 0];
}
