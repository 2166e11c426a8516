import type { Clock } from '../core/clock.ts';
import { type Verdict, verdictOf } from '../core/verdict.ts';
import { type CertificateLike, checkOrganisationCertificate } from '../smki/index.ts';
import { SLOT_SPECS, type SlotName } from './slots.ts';

export interface SlotCertificateCheckOptions {
  readonly clock: Clock;
  /**
   * The organisation CA (Z1) whose signature a certificate must carry. Without it only the issuer
   * name is compared with the profile's, as `checkOrganisationCertificate` does.
   */
  readonly organisationCa?: CertificateLike;
}

/**
 * Judges a certificate for a slot, as the S1SP does before placing it: the ZAZ1 organisation
 * profile (issuer, validity now, policy, x500UniqueIdentifier…), the slot's remote party role
 * (subject OU) and its key usage (DS or KA). Never throws; every problem is one reason, its
 * message naming the slot.
 */
export function checkSlotCertificate(
  certificate: Uint8Array,
  slot: SlotName,
  options: SlotCertificateCheckOptions,
): Verdict {
  const spec = SLOT_SPECS[slot];
  const verdict = checkOrganisationCertificate(certificate, {
    clock: options.clock,
    expectedRole: spec.role,
    expectedUsage: spec.usage,
    ...(options.organisationCa === undefined ? {} : { issuer: options.organisationCa }),
  });
  if (verdict.ok) return verdict;
  return verdictOf(
    verdict.reasons.map((r) => ({ code: r.code, message: `certificate for the ${spec.label}: ${r.message}` })),
  );
}
