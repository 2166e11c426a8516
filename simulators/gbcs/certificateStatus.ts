import { GbcsDecodeError } from './GbcsDecodeError.ts';

/** Per-cell outcome of a credentials update (CS02b response ENUMERATED). */
export const CERTIFICATE_UPDATE_STATUS = {
  success: 0,
  badCertificate: 5,
  noTrustAnchor: 10,
  insufficientMemory: 17,
  trustAnchorNotFound: 25,
  resourcesBusy: 30,
  other: 127,
} as const;

export type CertificateUpdateStatus = keyof typeof CERTIFICATE_UPDATE_STATUS;

const BY_NUMBER = new Map(
  Object.entries(CERTIFICATE_UPDATE_STATUS).map(([k, v]) => [v as number, k as CertificateUpdateStatus]),
);

export function certificateUpdateStatusFromNumber(
  n: number,
  offset: number,
  field: string,
): CertificateUpdateStatus {
  const status = BY_NUMBER.get(n);
  if (status === undefined) {
    const known = Object.entries(CERTIFICATE_UPDATE_STATUS)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    throw new GbcsDecodeError(field, offset, `a certificate update status (${known})`, String(n));
  }
  return status;
}
