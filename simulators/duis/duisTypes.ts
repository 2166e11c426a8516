import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage } from '../core/roles.ts';
import {
  base64Codec,
  bigintCodec,
  type Codec,
  digitsCodec,
  enumCodec,
  intCodec,
  textCodec,
} from './codecs.ts';
import { DEVICE_TYPES, ESME_VARIANTS } from './requestBodies.ts';
import { DUIS_REMOTE_PARTY_ROLES } from './trustAnchorCells.ts';

/** Codecs for the DUIS 5.4 simple types the harness reads and writes (names as in the XSD). */

/** sr:floorSequenceNumber: xs:nonNegativeInteger up to 2^63-1. */
export const floorSequenceNumber = bigintCodec(0n, (1n << 63n) - 1n);
/** sr:Certificate: a DER X.509 certificate as base64. */
export const certificate = base64Codec({ what: 'a DER certificate' });
/** GBCSPayload (xs:base64Binary): a GBCS message. */
export const gbcsPayload = base64Codec({ what: 'a GBCS message' });
export const remotePartyRole = enumCodec(DUIS_REMOTE_PARTY_ROLES);
export const importMpxn = textCodec({ min: 1, max: 13 });
/** sr:MPAN restricted to 13 characters (SecondaryImportMPAN, ExportMPAN). */
export const mpan = textCodec({ min: 13, max: 13 });
export const tolerancePeriod = intCodec(0, 86400);
export const deviceManufacturer = textCodec({ max: 30 });
export const deviceModel = textCodec({ max: 30 });
export const smetsChtsVersion = textCodec({ min: 1, max: 20 });
export const firmwareVersion = textCodec({ min: 1, max: 8 });
export const postCode = textCodec({ min: 6, max: 8 });
export const addressIdentifier = textCodec({ max: 30 });
export const uprn = digitsCodec(12);
export const deviceType = enumCodec(DEVICE_TYPES);
export const esmeVariant = enumCodec(ESME_VARIANTS);
export const deviceStatusExceptCh = enumCodec(['Pending', 'InstalledNotCommissioned']);
export const deviceStatusCh = enumCodec(['Commissioned', 'Withdrawn', 'InstalledNotCommissioned']);

const CREDENTIAL_TYPES: Record<string, KeyUsage> = { 'Digital Signature': 'DS', 'Key Agreement': 'KA' };

/** sr:CredentialType: "Digital Signature" ↔ DS, "Key Agreement" ↔ KA. */
export const credentialType: Codec<KeyUsage> = {
  describe: '"Digital Signature" or "Key Agreement"',
  parse(text, path) {
    const usage = CREDENTIAL_TYPES[text.trim()];
    if (usage === undefined) throw new InvalidInputError(path, credentialType.describe, text);
    return usage;
  },
  format(value, path) {
    const text = Object.keys(CREDENTIAL_TYPES).find((k) => CREDENTIAL_TYPES[k] === value);
    if (text === undefined) throw new InvalidInputError(path, 'a key usage DS or KA', value);
    return text;
  },
};

/** Drops keys whose value is undefined, so parsed objects compare equal to hand-written ones. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}
