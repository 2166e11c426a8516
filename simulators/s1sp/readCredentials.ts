import type { DuisRemotePartyRole } from '../duis/index.ts';
import type { RemotePartyDetailsContent } from './mmcContent.ts';
import { type S1Device, slotOf } from './S1Device.ts';
import { SLOT_SPECS, type SlotName } from './slots.ts';

/**
 * SRV 6.24.1 Retrieve Device Security Credentials (KRP) at the S1SP: for each role asked for, one
 * entry per slot of that role the device has – its owner and certificate hash, or
 * `trustAnchorNotFound` when the slot is empty – and one `trustAnchorNotFound` entry for a role
 * SMETS1 holds no slots for (ACB, Root, Recovery …).
 */
export function readCredentials(
  device: S1Device,
  deviceSlots: readonly SlotName[],
  roles: readonly DuisRemotePartyRole[],
): RemotePartyDetailsContent[] {
  return roles.flatMap((role) => {
    const slots = deviceSlots.filter((s) => SLOT_SPECS[s].duisRole === role);
    if (slots.length === 0) return [{ remotePartyRole: role, status: 'trustAnchorNotFound' } as const];
    return slots.map((slot): RemotePartyDetailsContent => {
      const held = slotOf(device, slot);
      const certificateUsage = SLOT_SPECS[slot].usage === 'DS' ? 'DigitalSigning' : 'KeyAgreement';
      if (held === undefined) return { remotePartyRole: role, status: 'trustAnchorNotFound', certificateUsage };
      return {
        remotePartyRole: role,
        status: 'success',
        certificateUsage,
        existingRemotePartyId: held.owner,
        existingCertificateHash: held.sha1,
      };
    });
  });
}
