import { defineParameterType } from '@cucumber/cucumber';
import { Eui } from '../simulators/core/Eui.ts';
import { Mpan } from '../simulators/core/Mpan.ts';
import { Mprn } from '../simulators/core/Mprn.ts';
import { Srv } from '../simulators/core/Srv.ts';
import { ruleSetNamed } from '../simulators/dsp/RuleSet.ts';
import type { Party } from '../simulators/estate/Party.ts';
import { anchorsOf, HELD_IN, HOLDER, holderOf, PLACEMENT } from './support/anchors.ts';
import type { HarnessWorld } from './world.ts';

/** Domain nouns as cucumber parameter types, so steps receive value objects, not strings. */

defineParameterType({
  name: 'eui',
  regexp: /[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){7}/,
  transformer: (text: string) => Eui.parse(text),
});

defineParameterType({
  name: 'usage',
  regexp: /DS|KA|XML/,
  transformer: (text: string) => text as 'DS' | 'KA' | 'XML',
});

defineParameterType({
  name: 'mpan',
  regexp: /\d{13}/,
  transformer: (text: string) => Mpan.parse(text),
});

defineParameterType({
  name: 'instant',
  regexp: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/,
  transformer: (text: string) => new Date(text),
});

defineParameterType({
  name: 'onOff',
  regexp: /on|off/,
  transformer: (text: string) => text === 'on',
});

/** A GBCS alert code, `0x8F30`, or as a DUIS DeviceAlertMessage writes a generic one, `8F30`. */
defineParameterType({
  name: 'alertCode',
  regexp: [/0x[0-9A-Fa-f]{4}/, /8F[0-9A-F]{2}/],
  transformer: (text: string) => Number.parseInt(text.replace(/^0x/, ''), 16),
});

defineParameterType({
  name: 'mprn',
  regexp: /\d{6,10}/,
  transformer: (text: string) => Mprn.parse(text),
});

/** A DUIS Service Reference Variant of the catalogue: `6.15.1`, `6.21`. */
defineParameterType({
  name: 'srv',
  regexp: /\d+\.\d+(?:\.\d+)?/,
  transformer: (text: string) => Srv.parse(text),
});

/** A DUIS response code: `I0`, `I99`, `E4`, harness-defined `E9063`. */
defineParameterType({
  name: 'responseCode',
  regexp: /[IEW]\d+/,
  transformer: (text: string) => text,
});

/** A quoted rule set name of the DSP (`"baseline"`, `"mp107-r1+secmp0063"`); an unknown one is refused, listing the known. */
defineParameterType({
  name: 'ruleSet',
  regexp: /"([^"]+)"/,
  // `smets-harness run --rules SET` runs every scenario under SET instead (SMETS_HARNESS_RULES).
  transformer: (name: string) => ruleSetNamed(process.env.SMETS_HARNESS_RULES || name),
  useForSnippets: false,
});

/** A quoted party name of the running estate, e.g. `"UK Power Networks (London)"`. */
defineParameterType({
  name: 'party',
  regexp: /"([^"]+)"/,
  transformer: function (this: HarnessWorld, name: string): Party {
    return this.party(name);
  },
  useForSnippets: false,
});

/** Where certificates are placed: `in the network operator cells`, `in the supplier slots`, `on the gas proxy function`. */
defineParameterType({
  name: 'placement',
  regexp: PLACEMENT,
  transformer: (text: string) => anchorsOf(text),
});

/** Whose cells or slots: `the meter's network operator cells`, `the gas proxy function's network operator cells`. */
defineParameterType({
  name: 'anchors',
  regexp: HELD_IN,
  transformer: (text: string) => anchorsOf(text),
});

/** `the DCC's certificates`, `the supplier's certificates`, `the certificates of "a party"`. */
defineParameterType({
  name: 'holder',
  regexp: HOLDER,
  transformer: holderOf,
  useForSnippets: false,
});
