import type { DeviceRecord } from '../../inventory/DeviceRecord.ts';
import { describeMpxn, fuelOf } from '../../rdp/mpxn.ts';
import { executionTimeOf, FUEL_OF_ROLE, replacedRoles } from '../requestTargets.ts';
import type { RegistrationScope } from '../RuleSet.ts';
import { askedBody, deviceOf, PASS, type Rule, type RuleContext, refuse, userOf } from './Rule.ts';

/**
 * `registration-data` (E4), SEC Appendix AB 6.1: for Non-Critical Service Requests and SMETS1
 * Critical ones (per the rule set's `registrationCheck.appliesTo`), the User must be an Eligible
 * User for a meter point the device serves – the registered supplier, network operator or gas
 * transporter in the role it may send the SRV in – at the execution date-time, else now. Requests
 * matching one of the rule set's `registrationCheck.skip` entries are not checked.
 */
export const registrationData: Rule = (ctx) => {
  const user = userOf(ctx);
  const device = deviceOf(ctx);
  if (user === undefined || device === undefined || !applies(ctx, device) || skipped(ctx, device)) return PASS;
  const srv = ctx.header.srv;
  const roles = user.roles.filter((r) => srv.isEligible(r) && FUEL_OF_ROLE[r] !== undefined);
  const mpxns = ctx.inventory.mpxnsOf(device.deviceId);
  const when = executionTimeOf(ctx.request?.body, askedBody(ctx)) ?? ctx.now;
  const reasons: string[] = [];
  for (const mpxn of mpxns) {
    for (const role of roles.filter((r) => FUEL_OF_ROLE[r] === fuelOf(mpxn))) {
      const verdict = ctx.registrations.isEligibleUser(user.eui, role, mpxn, when);
      if (verdict.eligible) return PASS;
      reasons.push(`as ${role}: ${verdict.reason}`);
    }
  }
  const subject = `${user.eui} (${user.name}) is not an Eligible User for device ${device.deviceId} (SRV ${srv.id})`;
  if (mpxns.length === 0) {
    return refuse('E4', `${subject}: the Smart Metering Inventory relates the device to no MPAN or MPRN`);
  }
  if (reasons.length === 0) {
    return refuse(
      'E4',
      `${subject}: the device serves ${mpxns.map(describeMpxn).join(', ')}, and none of the User's roles (${user.roles.join(', ')}) can be registered for it`,
    );
  }
  return refuse('E4', `${subject}: ${reasons.join('; ')}`);
};

function applies(ctx: RuleContext, device: DeviceRecord): boolean {
  const srv = ctx.header.srv;
  const scope: RegistrationScope = !srv.critical
    ? 'nonCritical'
    : device.smetsVersion === 'SMETS1'
      ? 'smets1Critical'
      : 'smets2Critical';
  return ctx.ruleSet.registrationCheck.appliesTo.includes(scope);
}

function skipped(ctx: RuleContext, device: DeviceRecord): boolean {
  const targets = replacedRoles(askedBody(ctx));
  return ctx.ruleSet.registrationCheck.skip.some(
    (s) =>
      s.srv === ctx.header.srv.id &&
      (s.smetsVersion === undefined || s.smetsVersion === device.smetsVersion) &&
      (s.targets === undefined || (targets.length > 0 && targets.every((t) => s.targets!.includes(t)))),
  );
}
