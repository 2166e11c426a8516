import type { UserRole } from '../core/roles.ts';
import type { DuisRemotePartyRole, RequestBody } from '../duis/index.ts';
import type { Fuel } from '../rdp/mpxn.ts';

/** The fuel of the meter points a User Role can be an Eligible User for (ES/OU: none the RDP records). */
export const FUEL_OF_ROLE: Partial<Record<UserRole, Fuel>> = { IS: 'electricity', ED: 'electricity', GS: 'gas', GT: 'gas' };

/** The roles whose trust anchor cells a request replaces (6.15.1, 6.21, 6.23); empty for the others. */
export function replacedRoles(body: RequestBody | undefined): readonly DuisRemotePartyRole[] {
  switch (body?.kind) {
    case 'UpdateSecurityCredentialsKRP':
    case 'RequestHandoverOfDCCControlledDevice':
      return [body.remotePartyRole];
    case 'UpdateSecurityCredentialsCoS':
      return ['Supplier'];
    default:
      return [];
  }
}

/** DUIS's cancellation marker: ExecutionDateTime 3000-12-31T00:00:00Z cancels a future-dated command. */
const CANCELLATION = Date.UTC(3000, 11, 31);

/** When the request is to take effect: its ExecutionDateTime, else (or when it cancels) undefined = now. */
export function executionTimeOf(...bodies: (RequestBody | undefined)[]): Date | undefined {
  for (const body of bodies) {
    if (body === undefined || !('executionDateTime' in body)) continue;
    const at = body.executionDateTime;
    if (at !== undefined && at.getTime() !== CANCELLATION) return at;
  }
  return undefined;
}
