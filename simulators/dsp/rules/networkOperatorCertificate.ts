import type { Eui } from '../../core/Eui.ts';
import type { DuisResponseCode } from '../../core/errors.ts';
import { Mpan } from '../../core/Mpan.ts';
import type { Replacement } from '../../duis/index.ts';
import type { DeviceRecord } from '../../inventory/DeviceRecord.ts';
import { describeMpxn, type Fuel, fuelOf, type Mpxn } from '../../rdp/mpxn.ts';
import { periodAt } from '../../rdp/periods.ts';
import { describeCertificate } from '../../smki/index.ts';
import { executionTimeOf } from '../requestTargets.ts';
import type { NetworkOperatorCertificateCheck, NetworkOperatorRole } from '../RuleSet.ts';
import { askedBody, deviceOf, PASS, type Rule, type RuleContext, refuse } from './Rule.ts';

/**
 * SECMP0063's response code. **[assumed]**, harness-defined: DUIS has no code for this check. `E9063`
 * (9 for "harness", 063 for the modification) is not in the DUIS 5.4 schema's closed ResponseCode
 * list nor near any code in it, so nobody mistakes it for a DCC code; the DSP writes it with
 * `allowCodesOutsideSchema` (the response is signed but does not validate against the schema).
 * A rule set replaces it with `responseCodes: { 'network-operator-certificate': … }`.
 */
export const SECMP0063_RESPONSE_CODE: DuisResponseCode = 'E9063';

/** The check as SECMP0063 proposed it: 6.21 and 6.15.1, ESME by the NO, GPF and GSME by the GT. */
export const DEFAULT_NETWORK_OPERATOR_CHECK: NetworkOperatorCertificateCheck = Object.freeze({
  srvs: Object.freeze(['6.21', '6.15.1']),
  deviceTypes: Object.freeze({ ESME: 'networkOperator', GPF: 'gasTransporter', GSME: 'gasTransporter' } as const),
  whenNoneRegistered: 'refuse',
});

const FUEL_OF: Readonly<Record<NetworkOperatorRole, Fuel>> = {
  networkOperator: 'electricity',
  gasTransporter: 'gas',
};

/**
 * `network-operator-certificate` (SECMP0063, default code E9063): a 6.21 or 6.15.1 that places
 * certificates in a device's Network Operator cells must place certificates owned (subject
 * x500UniqueIdentifier) by the party Registration Data names for the device's meter point at the
 * execution time, else now – the network operator of the MPAN for an ESME (by default the
 * distributor of its first two digits), the gas transporter of the MPRN for a GPF or GSME.
 * Replacements of other cells (Recovery, Root, Supplier …) are not checked.
 */
export const networkOperatorCertificate: Rule = (ctx) => {
  const check = ctx.ruleSet.networkOperatorCheck ?? DEFAULT_NETWORK_OPERATOR_CHECK;
  const device = deviceOf(ctx);
  const body = askedBody(ctx);
  const role = device === undefined ? undefined : check.deviceTypes[device.deviceType];
  if (device === undefined || role === undefined || !check.srvs.includes(ctx.header.srv.id)) return PASS;
  if (body?.kind !== 'UpdateSecurityCredentialsKRP' && body?.kind !== 'RequestHandoverOfDCCControlledDevice') return PASS;
  const placed = body.replacements.filter((r) => r.targetCell.role === 'NetworkOperator');
  if (placed.length === 0) return PASS;
  const when = executionTimeOf(ctx.request?.body, body) ?? ctx.now;
  const registered = registeredParties(ctx, device, role, when);
  const foreign = placed.flatMap((r) => {
    const owner = ownerOf(r);
    return owner !== undefined && registered.some((p) => p.party.equals(owner)) ? [] : [{ r, owner }];
  });
  if (foreign.length === 0) return PASS;
  if (registered.length === 0 && check.whenNoneRegistered === 'accept') return PASS;
  const byOwner = new Map<string, string[]>();
  for (const { r, owner } of foreign) {
    const who = owner === undefined ? 'a certificate whose owner cannot be read' : `the certificate of ${ctx.registrations.describeParty(owner)}`;
    byOwner.set(who, [...(byOwner.get(who) ?? []), `${r.targetCell.role} ${r.targetCell.keyUsage}`]);
  }
  const what = [...byOwner].map(([who, cells]) => `${who} in the ${cells.join(' and ')} cell${cells.length > 1 ? 's' : ''}`);
  const subject = `SRV ${ctx.header.srv.id} would place ${what.join(', and ')} of ${device.deviceType} ${device.deviceId}`;
  return refuse(SECMP0063_RESPONSE_CODE, `${subject}, but ${whoIsRegistered(ctx, device, role, registered, when)}`);
};

interface RegisteredParty {
  readonly mpxn: Mpxn;
  readonly party: Eui;
}

function meterPointsOf(ctx: RuleContext, device: DeviceRecord, role: NetworkOperatorRole): Mpxn[] {
  return ctx.inventory.mpxnsOf(device.deviceId).filter((mpxn) => fuelOf(mpxn) === FUEL_OF[role]);
}

function registeredParties(ctx: RuleContext, device: DeviceRecord, role: NetworkOperatorRole, when: Date): RegisteredParty[] {
  return meterPointsOf(ctx, device, role).flatMap((mpxn) => {
    const party = ctx.registrations.partyAt(mpxn, role, when);
    return party === undefined ? [] : [{ mpxn, party }];
  });
}

function whoIsRegistered(
  ctx: RuleContext,
  device: DeviceRecord,
  role: NetworkOperatorRole,
  registered: readonly RegisteredParty[],
  when: Date,
): string {
  const label = role === 'gasTransporter' ? 'gas transporter' : 'network operator';
  if (registered.length === 0) {
    const points = meterPointsOf(ctx, device, role);
    if (points.length > 0) return `Registration Data names no ${label} for ${points.map(describeMpxn).join(', ')}`;
    const kind = role === 'gasTransporter' ? 'MPRN' : 'MPAN';
    return `the Smart Metering Inventory relates the device to no ${kind}, so it has no registered ${label}`;
  }
  return registered
    .map(({ mpxn, party }) => {
      const byDefault = mpxn instanceof Mpan && periodAt(ctx.registrations.periodsOf(mpxn, role), when) === undefined;
      const why = byDefault && mpxn instanceof Mpan ? ` (the default for distributor ${mpxn.distributorId})` : '';
      return `the registered ${label} for ${describeMpxn(mpxn)} is ${ctx.registrations.describeParty(party)}${why}`;
    })
    .join('; ');
}

/** The certificate's owner (its Entity ID); undefined when the DER does not name one. */
function ownerOf(replacement: Replacement): Eui | undefined {
  try {
    const description = describeCertificate(replacement.certificate);
    return description.kind === 'organisation' ? description.eui : undefined;
  } catch {
    return undefined;
  }
}
