import { COMMAND_VARIANTS } from '../../core/Srv.ts';
import { DUIS_SERVICES, type DuisService } from '../DspAnswer.ts';
import { PASS, type Rule, refuse } from './Rule.ts';

/**
 * `command-variant` (E12): the SRV allows the CommandVariant (DUIS 5.4 schema, via the Srv
 * catalogue), and the harness carries it out (no local delivery).
 */
export const commandVariant: Rule = (ctx) => {
  const { srv, commandVariant: cv } = ctx.header;
  if (!srv.allowsCommandVariant(cv)) {
    return refuse(
      'E12',
      `SRV ${srv.id} ${srv.name} takes CommandVariant ${srv.commandVariants.join(', ')}; this request has ${cv} (${COMMAND_VARIANTS[cv]})`,
    );
  }
  const supported = ctx.ruleSet.supportedCommandVariants;
  if (!supported.includes(cv)) {
    return refuse(
      'E12',
      `CommandVariant ${cv} (${COMMAND_VARIANTS[cv]}) is not simulated by this DSP; it carries out ${supported.join(', ')}`,
    );
  }
  return PASS;
};

/** `service-url` (E13): the request came to the web service its CommandVariant belongs to. */
export const serviceUrl: Rule = (ctx) => {
  const { commandVariant: cv, srv } = ctx.header;
  const urls = ctx.ruleSet.serviceUrls;
  if (urls[ctx.service].includes(cv)) return PASS;
  const right = (Object.keys(urls) as DuisService[]).find((s) => urls[s].includes(cv));
  return refuse(
    'E13',
    `SRV ${srv.id} with CommandVariant ${cv} goes to ${right === undefined ? 'no web service' : DUIS_SERVICES[right]}; it was sent to ${DUIS_SERVICES[ctx.service]}`,
  );
};

/** `request-format` (E12): the whole request is a valid DUIS request for its SRV and CommandVariant. */
export const requestFormat: Rule = (ctx) => {
  if (ctx.parseError === undefined) return PASS;
  return refuse('E12', `the request does not conform to DUIS: ${ctx.parseError.message}`);
};
