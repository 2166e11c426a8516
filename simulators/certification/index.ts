/** A supplier's post-commissioning certification: from a saved batch report or from the live estate. */
export type { CertDevice, Certification, CertificationSource, CertifiedSupplier, CertReason, CertResult } from './Certification.ts';
export { CERTIFICATION_LIMITS } from './certificationLimits.ts';
export { certificationHtml } from './certificationHtml.ts';
export { certify, type CertifyOptions } from './certify.ts';
export { certifyEstate, type EstateCertification, type EstateCertificationRequest, estateSuppliers } from './certifyEstate.ts';
export { findSupplier, supplierLabel, suppliersIn } from './findSupplier.ts';
