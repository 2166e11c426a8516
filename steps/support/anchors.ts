import type { DuisRemotePartyRole } from '../../simulators/duis/index.ts';

/**
 * Where a party's certificates sit, as the stories name it: a SMETS2 device's trust anchor cells
 * or a SMETS1 meter's virtual anchor slots at its S1SP, for the network operator or the supplier.
 */
export interface Anchors {
  /** `meter`: the home's electricity meter (ESME); `gasProxyFunction`: its GPF. */
  readonly device: 'meter' | 'gasProxyFunction';
  readonly role: Extract<DuisRemotePartyRole, 'NetworkOperator' | 'Supplier'>;
  /** `cells` on a SMETS2 device, `slots` at the S1SP for a SMETS1 meter. */
  readonly store: 'cells' | 'slots';
  /** As the step wrote it, for messages. */
  readonly text: string;
}

/** `in the network operator cells`, `in the supplier slots`, `on the gas proxy function`. */
export const PLACEMENT = /in the (?:network operator|supplier) (?:cells|slots)|on the gas proxy function/;

/** `the meter's network operator cells`, `the meter's network operator slots`, `the gas proxy function's network operator cells`. */
export const HELD_IN = /the meter's (?:network operator|supplier) (?:cells|slots)|the gas proxy function's network operator cells/;

export function anchorsOf(text: string): Anchors {
  if (/gas proxy function/.test(text)) return { device: 'gasProxyFunction', role: 'NetworkOperator', store: 'cells', text };
  const role = /supplier/.test(text) ? 'Supplier' : 'NetworkOperator';
  return { device: 'meter', role, store: /slots/.test(text) ? 'slots' : 'cells', text };
}

/** Whose certificates: the DCC's (the Access Control Broker's), the home's supplier's, or a party's. */
export type CertificateHolder =
  | { readonly kind: 'dcc' }
  | { readonly kind: 'supplier' }
  | { readonly kind: 'party'; readonly name: string };

/** `the DCC's certificates`, `the supplier's certificates`, `the certificates of "Party"`. */
export const HOLDER = /the (DCC)'s certificates|the (supplier)'s certificates|the certificates of "([^"]+)"/;

export function holderOf(dcc: string | undefined | null, supplier: string | undefined | null, name: string | undefined | null): CertificateHolder {
  if (dcc) return { kind: 'dcc' };
  if (supplier) return { kind: 'supplier' };
  if (name) return { kind: 'party', name };
  throw new Error('expected the DCC\'s certificates, the supplier\'s certificates or the certificates of "a party"');
}
