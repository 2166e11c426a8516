/**
 * Trust and profile checks return verdicts, they do not throw: a refusal is a normal outcome that a
 * scenario wants to read, with every reason that applied.
 */
export interface Reason {
  /** Stable machine-readable code, e.g. `wrong-issuer`. */
  readonly code: string;
  /** What a tester reads. */
  readonly message: string;
}

export type Verdict =
  | { readonly ok: true; readonly reasons: readonly [] }
  | { readonly ok: false; readonly reasons: readonly Reason[] };

export const ACCEPTED: Verdict = { ok: true, reasons: [] };

export function verdictOf(reasons: readonly Reason[]): Verdict {
  return reasons.length === 0 ? ACCEPTED : { ok: false, reasons };
}
