import type { Credential } from './Credential.ts';

/**
 * The rule every key store uses when several credentials match a lookup (DCC Boxed holds Z1 and
 * Z1b generations of most remote party credentials, and a store may hold renewed certificates):
 *
 *  1. Prefer credentials whose certificate is valid at `at` (the store's clock, or the lookup's
 *     `at`). If none is valid, all stay in the running: GBCS devices do not check certificate
 *     validity periods and DCC Boxed's test certificates have expired, so a lookup must still
 *     answer rather than fail on dates. With no `at`, this step is skipped.
 *  2. Of those, the one with the latest notBefore: the most recently issued generation.
 *  3. Ties: the latest notAfter, then the larger serial, so the choice never depends on the
 *     order credentials were added.
 *
 * Names play no part: over DCC Boxed's keystore this picks Z1b (notBefore 2016-01-10) over Z1
 * (2015-10-30) at any date after Z1b was issued. Callers that need one generation pass its serial.
 */
export function chooseCredential(candidates: readonly Credential[], at?: Date): Credential | undefined {
  const valid = at === undefined ? [] : candidates.filter((c) => c.isValidAt(at));
  const pool = valid.length > 0 ? valid : candidates;
  let best: Credential | undefined;
  for (const candidate of pool) {
    if (best === undefined || compareRecency(candidate, best) > 0) best = candidate;
  }
  return best;
}

/** Positive when `a` is more recent than `b` by the rule above. */
function compareRecency(a: Credential, b: Credential): number {
  return (
    Math.sign(a.notBefore.getTime() - b.notBefore.getTime()) ||
    Math.sign(a.notAfter.getTime() - b.notAfter.getTime()) ||
    (a.serial > b.serial ? 1 : a.serial < b.serial ? -1 : 0)
  );
}
