import { type CredentialsReplacementMode, findMessageCode, type UseCase } from '../gbcs/index.ts';
import { type CellName, cellIndexByName } from './cells.ts';
import type { DeviceType } from './deviceTypes.ts';
import { modeRule } from './replacementRules.ts';

/** What a device demands of a command before it acts on it. */
export interface SecurityRequirement {
  readonly useCase: UseCase;
  readonly mode?: CredentialsReplacementMode;
  /** Index of the cell whose owner must be the originator; its role keys the anti-replay counter. */
  readonly authorisingCell: number;
  readonly signature: boolean;
  readonly mac: 'required' | 'ifPresent';
}

/**
 * Non-CS02b use cases: who may send them and how they are protected [RTDS: CS02a is MAC-only from the
 * ACB; CS02c, CS02d, ECS70 and GCS28 are signed by the supplier and MAC'd by the DCC; CS02e is critical
 * (domain.md) so treated the same – assumed]. `types` limits a use case to device types.
 */
const USE_CASE_RULES: Readonly<
  Record<Exclude<UseCase, 'CS02b'>, { cell: CellName; signature: boolean; types?: readonly DeviceType[] }>
> = {
  CS02a: { cell: 'accessControlBrokerKA', signature: false },
  CS02c: { cell: 'supplierDS', signature: true },
  CS02d: { cell: 'supplierDS', signature: true },
  CS02e: { cell: 'supplierDS', signature: true },
  ECS70: { cell: 'supplierDS', signature: true, types: ['ESME'] },
  GCS28: { cell: 'supplierDS', signature: true, types: ['GSME'] },
};

/** The requirement for a message code on a device type; undefined when the device does not support it. */
export function securityFor(messageCode: number, type: DeviceType): SecurityRequirement | undefined {
  const info = findMessageCode(messageCode);
  if (info === undefined) return undefined;
  if (info.useCase === 'CS02b') {
    const mode = info.replacementMode!;
    const rule = modeRule(mode, type);
    return {
      useCase: 'CS02b',
      mode,
      authorisingCell: cellIndexByName(rule.authorisingCell),
      signature: rule.signature,
      mac: rule.mac,
    };
  }
  const rule = USE_CASE_RULES[info.useCase];
  if (rule.types && !rule.types.includes(type)) return undefined;
  return {
    useCase: info.useCase,
    authorisingCell: cellIndexByName(rule.cell),
    signature: rule.signature,
    mac: 'required',
  };
}
