import { readDer, TAG } from './derReader.ts';
import { encodeDer, integer } from './derWriter.ts';
import { type CertificateSummary, summariseCertificate } from './x509.ts';

/** CS02d Update Device Certificate on Device: the content is the device certificate (DER) itself. */
export interface Cs02dCommand {
  readonly certificate: Buffer;
  /** Read from the certificate: serial, key, key usage, device ID. */
  readonly summary: CertificateSummary;
}

/** The device's answer: an INTEGER, 0 = success in RTDS. */
export interface Cs02dResponse {
  readonly status: number;
}

export function decodeCs02dCommand(content: Buffer, base = 0): Cs02dCommand {
  return { certificate: content, summary: summariseCertificate(content, base, 'CS02d certificate') };
}

/** A CS02d command for this certificate (fails with GbcsDecodeError if it is not a certificate). */
export function cs02dCommand(certificate: Buffer): Cs02dCommand {
  return { certificate, summary: summariseCertificate(certificate) };
}

export function encodeCs02dCommand(command: Pick<Cs02dCommand, 'certificate'>): Buffer {
  summariseCertificate(command.certificate);
  return Buffer.from(command.certificate);
}

export function decodeCs02dResponse(content: Buffer, base = 0): Cs02dResponse {
  return readDer(content, base, 'CS02d response', (r) => ({
    status: r.smallInteger('CS02d status', TAG.INTEGER),
  }));
}

export function encodeCs02dResponse(response: Cs02dResponse): Buffer {
  return encodeDer(integer(response.status));
}
