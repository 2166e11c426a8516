import type { X509Certificate } from 'node:crypto';
import { issuerNameOfCertificate } from './der.ts';
import { distinguishedNameKey, distinguishedNameKeyOfDer, serialNumberOf } from './distinguishedName.ts';
import type { IssuerSerialResolver } from './verifyDuis.ts';

export interface IssuerSerialResolverOptions {
  /**
   * `true` (default): the issuer name must name the certificate's issuer (compared by value, so
   * `CN=Z1,OU=07` and `CN=Z1, OU=07` agree, but `OU=07,CN=Z1` – the RDNs in certificate order,
   * not RFC 4514 order – does not). `false`: the serial alone decides, as DCC's signing tool
   * does when it validates.
   */
  readonly matchIssuerName?: boolean;
}

/**
 * A resolver over a fixed set of certificates, indexed by serial number: what the DSP needs for
 * the XML-signing certificates of the estate's parties, and what tests need for a handful.
 */
export function issuerSerialResolver(
  certificates: Iterable<X509Certificate>,
  options: IssuerSerialResolverOptions = {},
): IssuerSerialResolver {
  const matchIssuerName = options.matchIssuerName ?? true;
  const bySerial = new Map<bigint, { certificate: X509Certificate; issuerKey: string }[]>();
  for (const certificate of certificates) {
    const serial = serialNumberOf(certificate);
    const entry = {
      certificate,
      issuerKey: distinguishedNameKeyOfDer(issuerNameOfCertificate(certificate.raw)),
    };
    bySerial.set(serial, [...(bySerial.get(serial) ?? []), entry]);
  }
  return (issuerName, serial) => {
    const candidates = bySerial.get(serial) ?? [];
    if (!matchIssuerName) return candidates[0]?.certificate;
    const key = distinguishedNameKey(issuerName);
    return candidates.find((c) => c.issuerKey === key)?.certificate;
  };
}
