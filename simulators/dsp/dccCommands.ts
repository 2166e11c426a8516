import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { RemotePartyRole } from '../core/roles.ts';
import { coreRemotePartyRole, type RequestBody } from '../duis/index.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import type { GbcsPayload } from '../gbcs/payload.ts';
import type { KeyStore } from '../keystore/index.ts';
import { credentialsCommand } from './credentialsCommand.ts';

/**
 * How the DCC builds the command of a Non-Critical Service Request it signs (or only MACs) itself:
 * - 6.21 Request Handover of DCC Controlled Device: CS02b originated and signed by the ACB, the
 *   current holder of the cells (RTDS shows 6.21 commands originated by the ACB);
 * - 6.23 Update Security Credentials (CoS): CS02b supplierByTransCoS, originated and signed by the
 *   Transitional CoS party;
 * - 6.24.1 Retrieve Device Security Credentials (KRP): CS02a originated by the ACB with a MAC only,
 *   authorised by the ACB's KA cell (as the RTDS command is).
 * Every command is MAC'd with the ACB's KA key. The originator counter is the DCC's own for that
 * originator (see DspState.nextDccCounter), not the User's RequestID counter.
 */
export interface DccCommandPlan {
  readonly originator: Eui;
  /** The originator's DS key, or undefined for a MAC-only command. */
  readonly signer: KeyObject | undefined;
  payload(counter: bigint): GbcsPayload;
}

export async function planDccCommand(
  srvId: string,
  body: RequestBody,
  keyStore: KeyStore,
  parties: PartyDirectory,
): Promise<DccCommandPlan> {
  switch (body.kind) {
    case 'RequestHandoverOfDCCControlledDevice':
    case 'UpdateSecurityCredentialsCoS': {
      const kind = body.kind === 'UpdateSecurityCredentialsCoS' ? 'transitionalCoS' : 'accessControlBroker';
      const originator = dccParty(parties, kind);
      const signer = (await keyStore.lookup(originator, 'DS')).privateKey;
      return {
        originator,
        signer,
        payload: (counter) => ({
          useCase: 'CS02b',
          direction: 'command',
          value: credentialsCommand(srvId, body, counter),
        }),
      };
    }
    case 'RetrieveDeviceSecurityCredentialsKRP': {
      const roles = body.remotePartyRoles.map((role): RemotePartyRole => {
        const core = coreRemotePartyRole(role);
        if (core === undefined) throw new InvalidInputError('RemotePartyRole', 'a GBCS remote party role', role);
        return core;
      });
      return {
        originator: dccParty(parties, 'accessControlBroker'),
        signer: undefined,
        payload: () => ({
          useCase: 'CS02a',
          direction: 'command',
          value: {
            authorisingRemotePartyTaCell: { role: 'accessControlBroker', keyUsage: 'KA', cellUsage: 'management' },
            remotePartyRoles: roles,
          },
        }),
      };
    }
    default:
      throw new InvalidInputError(
        'sr:Body',
        `the body of a Non-Critical Service Request the DSP builds (6.21, 6.23, 6.24.1) for SRV ${srvId}`,
        body.kind,
      );
  }
}

/** The estate's ACB (whose KA key MACs every command) or Transitional CoS party. */
export function dccParty(parties: PartyDirectory, kind: 'accessControlBroker' | 'transitionalCoS'): Eui {
  const party = parties.ofKind(kind)[0];
  if (party === undefined) throw new InvalidInputError('parties', `a party of kind ${kind}`, undefined);
  return party.eui;
}
