import { defineParameterType } from '@cucumber/cucumber';
import { Eui } from '../simulators/core/Eui.ts';
import { Mpan } from '../simulators/core/Mpan.ts';

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

defineParameterType({
  name: 'alertCode',
  regexp: /0x[0-9A-Fa-f]{4}/,
  transformer: (text: string) => Number.parseInt(text.slice(2), 16),
});
