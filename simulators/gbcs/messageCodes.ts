import { GbcsDecodeError } from './GbcsDecodeError.ts';
import {
  CREDENTIALS_REPLACEMENT_MODES,
  type CredentialsReplacementMode,
  replacementModeNumber,
} from './replacementModes.ts';

export type UseCase = 'CS02a' | 'CS02b' | 'CS02c' | 'CS02d' | 'CS02e' | 'ECS70' | 'GCS28';

export interface MessageCodeInfo {
  readonly code: number;
  readonly useCase: UseCase;
  readonly name: string;
  /** `rtds` = seen in a vector under ../shared/reference/rtds-gbcs; `spec` = from GBCS, not in a vector. */
  readonly source: 'rtds' | 'spec';
  /** CS02b only. */
  readonly replacementMode?: CredentialsReplacementMode;
}

const RTDS_CS02B_MODES: readonly CredentialsReplacementMode[] = [
  'supplierBySupplier', // 0x0102 CS02bSupplierBySupplier_6.15.1_*
  'networkOperatorByNetworkOperator', // 0x0103 CS02bNOByNO_6.15.1_*
];

/** Message codes (other information, first two bytes) of the use cases the harness speaks. */
export const MESSAGE_CODES: readonly MessageCodeInfo[] = [
  { code: 0x0008, useCase: 'CS02a', name: 'Provide Security Credentials Details', source: 'rtds' },
  { code: 0x000a, useCase: 'CS02c', name: 'Issue Security Credentials', source: 'rtds' },
  { code: 0x000b, useCase: 'CS02d', name: 'Update Device Certificate on Device', source: 'rtds' },
  { code: 0x000c, useCase: 'CS02e', name: 'Provide Device Certificate from Device', source: 'spec' }, // spec
  { code: 0x0062, useCase: 'ECS70', name: 'Set Clock on ESME', source: 'rtds' },
  { code: 0x007f, useCase: 'GCS28', name: 'Set Time on GSME', source: 'rtds' },
  // CS02b Update Security Credentials: 0x0100 + mode; only 0x0102 and 0x0103 are in a vector, the rest are spec.
  ...CREDENTIALS_REPLACEMENT_MODES.map(
    (mode, n): MessageCodeInfo => ({
      code: 0x0100 + n,
      useCase: 'CS02b',
      name: `Update Security Credentials (${mode})`,
      source: RTDS_CS02B_MODES.includes(mode) ? 'rtds' : 'spec',
      replacementMode: mode,
    }),
  ),
];

const BY_CODE = new Map(MESSAGE_CODES.map((info) => [info.code, info]));

export function formatMessageCode(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function findMessageCode(code: number): MessageCodeInfo | undefined {
  return BY_CODE.get(code);
}

/** The table entry, or a GbcsDecodeError naming the codes the harness knows. */
export function messageCodeInfo(code: number, offset = 0, field = 'message code'): MessageCodeInfo {
  const info = BY_CODE.get(code);
  if (info === undefined) {
    const known = MESSAGE_CODES.map((i) => `${formatMessageCode(i.code)} ${i.useCase}`).join(', ');
    throw new GbcsDecodeError(field, offset, `a known message code (${known})`, formatMessageCode(code));
  }
  return info;
}

/** The message code for a use case (CS02b needs its replacement mode). */
export function messageCodeFor(useCase: UseCase, mode?: CredentialsReplacementMode): number {
  if (useCase === 'CS02b') {
    if (mode === undefined)
      throw new RangeError('messageCodeFor: CS02b needs a credentials replacement mode');
    return 0x0100 + replacementModeNumber(mode);
  }
  const info = MESSAGE_CODES.find((i) => i.useCase === useCase);
  if (info === undefined) throw new RangeError(`messageCodeFor: unknown use case ${useCase}`);
  return info.code;
}
