import type { KeyUsage } from '../core/roles.ts';
import { readDer } from './derReader.ts';
import { encodeDer, seq } from './derWriter.ts';
import { keyUsageNode, readKeyUsage } from './TrustAnchorCell.ts';
import { type CertificateSummary, summariseCertificate } from './x509.ts';

/**
 * CS02e Provide Device Certificate from Device [spec; no RTDS vector]. Assumed to mirror CS02c and CS02d:
 * the request names the key usage, the response is the device certificate itself.
 */
export interface Cs02eRequest {
  readonly keyUsage: KeyUsage;
}

export interface Cs02eResponse {
  readonly certificate: Buffer;
  readonly summary: CertificateSummary;
}

export function decodeCs02eRequest(content: Buffer, base = 0): Cs02eRequest {
  return readDer(content, base, 'CS02e request', (top) => {
    const r = top.sequence('CS02e request');
    const keyUsage = readKeyUsage(r);
    r.end('CS02e request');
    return { keyUsage };
  });
}

export function encodeCs02eRequest(request: Cs02eRequest): Buffer {
  return encodeDer(seq(keyUsageNode(request.keyUsage)));
}

export function decodeCs02eResponse(content: Buffer, base = 0): Cs02eResponse {
  return { certificate: content, summary: summariseCertificate(content, base, 'CS02e certificate') };
}

export function cs02eResponse(certificate: Buffer): Cs02eResponse {
  return { certificate, summary: summariseCertificate(certificate) };
}

export function encodeCs02eResponse(response: Pick<Cs02eResponse, 'certificate'>): Buffer {
  summariseCertificate(response.certificate);
  return Buffer.from(response.certificate);
}
