import { deviceOf, PASS, type Rule, refuse } from './Rule.ts';

/** `device-known` (E19): the target of a device SRV is in the Smart Metering Inventory. */
export const deviceKnown: Rule = (ctx) => {
  const { srv, requestId } = ctx.header;
  if (srv.nonDevice || deviceOf(ctx) !== undefined) return PASS;
  return refuse(
    'E19',
    `device ${requestId.target}, the RequestID's target, is not in the Smart Metering Inventory`,
  );
};

/** `device-status` (E5): the device's inventory status allows the SRV. */
export const deviceStatus: Rule = (ctx) => {
  const device = deviceOf(ctx);
  const rule = ctx.ruleSet.deviceRules[ctx.header.srv.id];
  if (device === undefined || rule === undefined || rule.statuses.includes(device.status)) return PASS;
  return refuse(
    'E5',
    `SRV ${ctx.header.srv.id} is refused for device ${device.deviceId}: its status is ${device.status}; allowed in ${rule.statuses.join(', ')}`,
  );
};

/** `device-type` (E11): the SRV is valid for the device's type. */
export const deviceType: Rule = (ctx) => {
  const device = deviceOf(ctx);
  const rule = ctx.ruleSet.deviceRules[ctx.header.srv.id];
  if (device === undefined || rule === undefined || rule.deviceTypes.includes(device.deviceType)) return PASS;
  return refuse(
    'E11',
    `SRV ${ctx.header.srv.id} ${ctx.header.srv.name} is not valid for device ${device.deviceId} of type ${device.deviceType}; valid for ${rule.deviceTypes.join(', ')}`,
  );
};
