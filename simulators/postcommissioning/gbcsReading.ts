/** Reads the GBCS payloads the journal keeps (hex, or the frame itself in process) into what the judgement needs. */
import { decodeGbcsMessage, parseGbcsHex } from '../gbcs/index.ts';
import { describeCertificate } from '../smki/index.ts';
import type { AttemptOutcome, CommandDetail } from './attempts.ts';

/** The key usage or target cells of a GBCS command; undefined when it does not decode. */
export function readCommand(frame: Buffer | string): CommandDetail | undefined {
  try {
    const p = decodeGbcsMessage(bytesOf(frame)).payload;
    if (p.direction !== 'command') return undefined;
    switch (p.useCase) {
      case 'CS02c':
        return { keyUsage: p.value.keyUsage };
      case 'CS02d':
        return p.value.summary.keyUsage === undefined ? {} : { keyUsage: p.value.summary.keyUsage };
      case 'CS02b': {
        const roles = [...new Set(p.value.replacements.map((r) => r.targetTrustAnchorCell.role))];
        return { targetRoles: roles, placed: [...new Set(p.value.replacements.map((r) => ownerOf(r.replacingCertificate)))] };
      }
      default:
        return {};
    }
  } catch {
    return undefined;
  }
}

/**
 * A device response judged as SEC Appendix AC §5 asks: successful only with a non-empty, successful
 * execution outcome – CS02b every cell `success`, CS02c a CSR, CS02d status 0; other use cases
 * (8.1.1's ECS70 / GCS28 …) succeed when they decode.
 */
export function readResponse(frame: Buffer | string, at: Date): AttemptOutcome {
  let p;
  try {
    p = decodeGbcsMessage(bytesOf(frame)).payload;
  } catch (error) {
    return { kind: 'unreadable', detail: `device response does not decode: ${error instanceof Error ? error.message : String(error)}`, at };
  }
  if (p.useCase === 'CS02b' && p.direction === 'response') {
    const outcome = p.value.executionOutcome;
    if (outcome === undefined) return { kind: 'emptyExecutionOutcome', detail: 'I0, but the CS02b response carries no execution outcome (commandAccepted only)', at };
    const failed = outcome.certificateOutcomes.filter((o) => o.status !== 'success');
    if (outcome.certificateOutcomes.length === 0) return { kind: 'emptyExecutionOutcome', detail: 'I0, but the execution outcome lists no cell', at };
    if (failed.length > 0) {
      const cells = failed.map((o) => `${o.cell.role} ${o.cell.keyUsage}: ${o.status}`).join(', ');
      return { kind: 'deviceFailure', detail: `I0, execution outcome failed (${cells})`, at };
    }
    return { kind: 'success', detail: `I0, ${outcome.certificateOutcomes.length} cell(s) replaced`, at };
  }
  if (p.useCase === 'CS02d' && p.direction === 'response' && p.value.status !== 0) {
    return { kind: 'deviceFailure', detail: `I0, CS02d status ${p.value.status} (device certificate not installed)`, at };
  }
  return { kind: 'success', detail: `I0, ${p.useCase} response`, at };
}

/** A frame as bytes: kept hex is decoded, bytes are taken as they are. */
function bytesOf(frame: Buffer | string): Buffer {
  return typeof frame === 'string' ? parseGbcsHex(frame) : frame;
}

/**
 * Owners by certificate (base64 of the DER): a night places the same few organisation certificates
 * on every meter, and reading one costs more than the rest of a command. Bounded, oldest out first.
 */
const OWNERS = new Map<string, string>();
const OWNER_CACHE_SIZE = 1024;

/** The subject Entity ID of a certificate (organisation certificates carry it), else `unknown`. */
function ownerOf(der: Buffer): string {
  const key = der.toString('base64');
  let owner = OWNERS.get(key);
  if (owner === undefined) {
    owner = readOwner(der);
    OWNERS.set(key, owner);
    if (OWNERS.size > OWNER_CACHE_SIZE) OWNERS.delete(OWNERS.keys().next().value!);
  }
  return owner;
}

function readOwner(der: Buffer): string {
  try {
    return describeCertificate(der).eui?.toString() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
