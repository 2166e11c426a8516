/**
 * Certification from the live estate: the supplier looked up among the estate's suppliers (parties
 * in User Role IS or GS), the tracker run over the journal, inventory, fleet and Registration Data
 * as they are now, and its report judged for that supplier. Reads the estate; changes nothing.
 */
import { postCommissioningReport, type PostCommissioningSettings, type TrackedEstate, trackHarness } from '../postcommissioning/index.ts';
import type { Certification, CertifiedSupplier } from './Certification.ts';
import { certify } from './certify.ts';
import { findSupplier } from './findSupplier.ts';

export interface EstateCertificationRequest {
  /** The supplier: User EUI or party name. */
  readonly user: string;
  readonly since?: Date;
  /** Where the estate is reached (its URL), for the certification's source. */
  readonly location: string;
  /** Default: the post-commissioning defaults. */
  readonly settings?: PostCommissioningSettings;
}

export type EstateCertification =
  | { readonly certification: Certification }
  /** `user` names no supplier of the estate; `suppliers` are the ones it has. */
  | { readonly unknownUser: string; readonly suppliers: readonly CertifiedSupplier[] };

/** The estate's suppliers: its parties in User Role IS or GS, in the estate's order. */
export function estateSuppliers(estate: Pick<TrackedEstate, 'registrations'>): CertifiedSupplier[] {
  return estate.registrations.parties.parties
    .filter((p) => p.userRoles.includes('IS') || p.userRoles.includes('GS'))
    .map((p) => ({ eui: p.eui.toString(), name: p.name, small: p.small === true }));
}

export function certifyEstate(estate: TrackedEstate, request: EstateCertificationRequest): EstateCertification {
  const suppliers = estateSuppliers(estate);
  const supplier = findSupplier(suppliers, request.user);
  if (supplier === undefined) return { unknownUser: request.user, suppliers };
  const tracking = trackHarness(estate, { ...(request.settings && { settings: request.settings }) });
  const report = postCommissioningReport(tracking, { title: `Live estate at ${request.location}` });
  return {
    certification: certify(report, { supplier, ...(request.since && { since: request.since }), source: { kind: 'live estate', location: request.location } }),
  };
}
