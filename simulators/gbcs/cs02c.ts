import type { KeyUsage } from '../core/roles.ts';
import { readDer } from './derReader.ts';
import { encodeDer, seq } from './derWriter.ts';
import { type DeviceCsr, decodeDeviceCsr } from './deviceCsr.ts';
import { keyUsageNode, readKeyUsage } from './TrustAnchorCell.ts';

/** CS02c Issue Security Credentials: SEQUENCE { keyUsage } – which key pair the device should generate. */
export interface Cs02cRequest {
  readonly keyUsage: KeyUsage;
}

/** The device's answer: a PKCS#10 request for the new key (the content is the CSR itself). */
export interface Cs02cResponse {
  readonly csr: DeviceCsr;
}

export function decodeCs02cRequest(content: Buffer, base = 0): Cs02cRequest {
  return readDer(content, base, 'CS02c request', (top) => {
    const r = top.sequence('CS02c request');
    const keyUsage = readKeyUsage(r);
    r.end('CS02c request');
    return { keyUsage };
  });
}

export function encodeCs02cRequest(request: Cs02cRequest): Buffer {
  return encodeDer(seq(keyUsageNode(request.keyUsage)));
}

export function decodeCs02cResponse(content: Buffer, base = 0): Cs02cResponse {
  return { csr: decodeDeviceCsr(content, base) };
}

export function encodeCs02cResponse(response: Cs02cResponse): Buffer {
  return Buffer.from(response.csr.der);
}
