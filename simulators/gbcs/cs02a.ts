import type { Eui } from '../core/Eui.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { readDer } from './derReader.ts';
import { encodeDer, enumerated, integer, type LengthStyle, octetString, seq } from './derWriter.ts';
import { euiNode, readEui } from './euiDer.ts';
import {
  type CellUsage,
  cellUsageNode,
  keyUsageNode,
  readCellUsage,
  readKeyUsage,
  readRole,
  readTrustAnchorCell,
  roleNode,
  type TrustAnchorCellIdentifier,
  trustAnchorCellNode,
} from './TrustAnchorCell.ts';

/**
 * CS02a Provide Security Credentials Details request: the authorising party's cell (RTDS: the ACB's KA
 * cell, the command being MAC-only) and the roles whose cells the device should describe.
 */
export interface Cs02aRequest {
  readonly authorisingRemotePartyTaCell: TrustAnchorCellIdentifier;
  readonly remotePartyRoles: readonly RemotePartyRole[];
}

/** One cell as the device describes it. */
export interface Cs02aCellDetails {
  readonly keyUsage: KeyUsage;
  readonly cellUsage: CellUsage;
  readonly subjectUniqueId: Eui;
  readonly subjectKeyId: Buffer;
}

/**
 * The cells of one remote party. `status` (ENUMERATED, 0 in RTDS) and `seqNumber` (INTEGER: 0 for the
 * supplier, 1 for the network operator in RTDS) are named from their position; GBCS gives their meaning.
 */
export interface Cs02aRemotePartyDetails {
  readonly remotePartyRole: RemotePartyRole;
  readonly status: number;
  readonly seqNumber: bigint;
  readonly cells: readonly Cs02aCellDetails[];
}

export interface Cs02aResponse {
  readonly remoteParties: readonly Cs02aRemotePartyDetails[];
}

export function decodeCs02aRequest(content: Buffer, base = 0): Cs02aRequest {
  return readDer(content, base, 'CS02a request', (top) => {
    const r = top.sequence('CS02a request');
    const authorisingRemotePartyTaCell = readTrustAnchorCell(r, 'authorisingRemotePartyTaCell');
    const roles = r.sequence('remotePartyRoles');
    const remotePartyRoles: RemotePartyRole[] = [];
    while (!roles.done)
      remotePartyRoles.push(readRole(roles, `remotePartyRoles[${remotePartyRoles.length}]`));
    r.end('CS02a request');
    return { authorisingRemotePartyTaCell, remotePartyRoles };
  });
}

export function encodeCs02aRequest(request: Cs02aRequest): Buffer {
  return encodeDer(
    seq(
      trustAnchorCellNode(request.authorisingRemotePartyTaCell),
      seq(...request.remotePartyRoles.map(roleNode)),
    ),
  );
}

export function decodeCs02aResponse(content: Buffer, base = 0): Cs02aResponse {
  return readDer(content, base, 'CS02a response', (top) => {
    const r = top.sequence('CS02a response');
    const remoteParties: Cs02aRemotePartyDetails[] = [];
    while (!r.done) {
      const field = `remoteParties[${remoteParties.length}]`;
      const p = r.sequence(field);
      const remotePartyRole = readRole(p, `${field}.remotePartyRole`);
      const status = p.enumerated(`${field}.status`);
      const seqNumber = p.integer(`${field}.seqNumber`);
      const cellsReader = p.sequence(`${field}.cells`);
      const cells: Cs02aCellDetails[] = [];
      while (!cellsReader.done) {
        const f = `${field}.cells[${cells.length}]`;
        const c = cellsReader.sequence(f);
        cells.push({
          keyUsage: readKeyUsage(c, `${f}.keyUsage`),
          cellUsage: readCellUsage(c, `${f}.cellUsage`),
          subjectUniqueId: readEui(c, `${f}.subjectUniqueId`),
          subjectKeyId: c.octetString(`${f}.subjectKeyId`),
        });
        c.end(f);
      }
      p.end(field);
      remoteParties.push({ remotePartyRole, status, seqNumber, cells });
    }
    return { remoteParties };
  });
}

/** Devices write long lengths as `82 hh ll` (RTDS `30 82 00 9F`); pass `minimal` for strict DER. */
export function encodeCs02aResponse(response: Cs02aResponse, style: LengthStyle = 'long2'): Buffer {
  return encodeDer(
    seq(
      ...response.remoteParties.map((p) =>
        seq(
          roleNode(p.remotePartyRole),
          enumerated(p.status),
          integer(p.seqNumber),
          seq(
            ...p.cells.map((c) =>
              seq(
                keyUsageNode(c.keyUsage),
                cellUsageNode(c.cellUsage),
                euiNode(c.subjectUniqueId),
                octetString(c.subjectKeyId),
              ),
            ),
          ),
        ),
      ),
    ),
    style,
  );
}
