import { USER_ROLES } from '../../core/roles.ts';
import { PASS, type Rule, refuse, userOf } from './Rule.ts';

/** `user-known` (E1): the originator is a DCC User the DSP knows. */
export const userKnown: Rule = (ctx) => {
  if (userOf(ctx) !== undefined) return PASS;
  return refuse(
    'E1',
    `${ctx.header.requestId.originator}, the RequestID's originator, is not a DCC User known to the DSP`,
  );
};

/** `user-active` (E3): the User is not suspended. */
export const userActive: Rule = (ctx) => {
  const user = userOf(ctx);
  if (user === undefined || user.status === 'active') return PASS;
  return refuse('E3', `${user.eui} (${user.name}) is ${user.status}: its Service Requests are refused`);
};

/** `role-eligible` (E2): one of the User's roles may send this SRV. */
export const roleEligible: Rule = (ctx) => {
  const user = userOf(ctx);
  const srv = ctx.header.srv;
  if (user === undefined || user.roles.some((role) => srv.isEligible(role))) return PASS;
  const roles = (list: readonly (keyof typeof USER_ROLES)[]) => list.join(', ') || 'none';
  return refuse(
    'E2',
    `${user.eui} (${user.name}) acts as ${roles(user.roles)}; SRV ${srv.id} ${srv.name} may be sent by ${roles(srv.eligibleRoles)}`,
  );
};
