import { children, DerError, readBitString, readObjectIdentifier, readSingle, TAG, type Tlv } from './der.ts';
import { SmkiCredential } from './SmkiCredential.ts';
import type { X509Certificate } from './x509.ts';

/** Anything the checker and `describeCertificate` take: a parsed certificate, a credential, or DER. */
export type CertificateLike = X509Certificate | SmkiCredential | Uint8Array;

export interface DecodedExtension {
  readonly oid: string;
  readonly critical: boolean;
  /** extnValue's content: the DER of the extension's own value. */
  readonly value: Buffer;
}

/** The fields of a certificate, straight from its DER (nothing normalised away). */
export interface DecodedCertificate {
  readonly version: number;
  readonly serial: Buffer;
  readonly tbsSignatureAlgorithm: string;
  readonly signatureAlgorithm: string;
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly subjectPublicKeyInfo: Buffer;
  readonly extensions: readonly DecodedExtension[];
  /** The signed bytes and the signature, for verification. */
  readonly tbs: Buffer;
  readonly signature: Buffer;
}

export function certificateDer(certificate: CertificateLike): Buffer {
  if (certificate instanceof Uint8Array) return Buffer.from(certificate);
  if (certificate instanceof SmkiCredential) return certificate.der;
  return Buffer.from(certificate.rawData);
}

/** Decodes a DER certificate; throws DerError when it is not one. */
export function decodeCertificate(certificate: CertificateLike): DecodedCertificate {
  const [tbs, signatureAlgorithm, signature] = children(
    readSingle(certificateDer(certificate), TAG.SEQUENCE),
  );
  if (tbs?.tag !== TAG.SEQUENCE || signatureAlgorithm === undefined || signature === undefined) {
    throw new DerError('not a Certificate SEQUENCE { tbsCertificate, signatureAlgorithm, signature }');
  }
  const fields = children(tbs);
  const version = fields[0]?.tag === 0xa0 ? fields.shift() : undefined;
  const [serial, tbsAlgorithm, issuer, validity, subject, spki, ...optional] = fields;
  if (!serial || !tbsAlgorithm || !issuer || !validity || !subject || !spki) {
    throw new DerError('tbsCertificate is missing fields');
  }
  const [notBefore, notAfter] = children(validity);
  const extensionsElement = optional.find((element) => element.tag === 0xa3);
  return {
    version: version ? (children(version)[0]?.content[0] ?? 0) + 1 : 1,
    serial: serial.content,
    tbsSignatureAlgorithm: algorithmOid(tbsAlgorithm),
    signatureAlgorithm: algorithmOid(signatureAlgorithm),
    issuer: issuer.raw,
    subject: subject.raw,
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    subjectPublicKeyInfo: spki.raw,
    extensions: extensionsElement ? decodeExtensions(extensionsElement) : [],
    tbs: tbs.raw,
    signature: readBitString(signature).bytes,
  };
}

function algorithmOid(algorithmIdentifier: Tlv): string {
  const [oid] = children(algorithmIdentifier);
  if (oid === undefined) throw new DerError('empty AlgorithmIdentifier');
  return readObjectIdentifier(oid);
}

function decodeExtensions(explicit: Tlv): DecodedExtension[] {
  const [sequence] = children(explicit);
  if (sequence === undefined) return [];
  return children(sequence).map((extension) => {
    const parts = children(extension);
    const [id, second, third] = parts;
    if (id === undefined || second === undefined) throw new DerError('Extension without a value');
    const critical = second.tag === TAG.BOOLEAN ? second.content[0] !== 0 : false;
    const value = second.tag === TAG.BOOLEAN ? third : second;
    if (value?.tag !== TAG.OCTET_STRING) throw new DerError('extnValue is not an OCTET STRING');
    return { oid: readObjectIdentifier(id), critical, value: value.content };
  });
}

/** UTCTime (YYMMDDHHMMSSZ, 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
function readTime(element: Tlv | undefined): Date {
  const text = element?.content.toString('latin1') ?? '';
  let match: RegExpMatchArray | null = null;
  if (element?.tag === TAG.UTC_TIME) {
    match = text.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/);
    if (match) match[1] = String(Number(match[1]) < 50 ? 2000 + Number(match[1]) : 1900 + Number(match[1]));
  } else if (element?.tag === TAG.GENERALIZED_TIME) {
    match = text.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/);
  }
  if (!match) throw new DerError(`not a DER time: ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

export function findExtension(certificate: DecodedCertificate, oid: string): DecodedExtension | undefined {
  return certificate.extensions.find((extension) => extension.oid === oid);
}
