/**
 * Test support: the RTDS GBCS vectors and ZAZ1 keys under ../shared/reference (relative to the repo
 * root). They are published DCC data, not part of the repository; tests skip when they are absent.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import { parseGbcsHex } from './message.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const REFERENCE_DIR = resolve(REPO_ROOT, '../shared/reference');
export const RTDS_GBCS_DIR = join(REFERENCE_DIR, 'rtds-gbcs');
export const KEYS_DIR = join(REFERENCE_DIR, 'keys');

/** `false` when the corpus is there; otherwise the reason to give `describe(…, { skip })`. */
export const SKIP_RTDS: string | false =
  existsSync(RTDS_GBCS_DIR) && existsSync(KEYS_DIR)
    ? false
    : `RTDS GBCS vectors not found at ${RTDS_GBCS_DIR} (../shared/reference from the repo root): tests that need the RTDS corpus are skipped`;

export function vectorNames(): string[] {
  return SKIP_RTDS
    ? []
    : readdirSync(RTDS_GBCS_DIR)
        .filter((f) => f.endsWith('_GBCS.HEX'))
        .sort();
}

export function loadVector(name: string): Buffer {
  return parseGbcsHex(readFileSync(join(RTDS_GBCS_DIR, name), 'utf8'), name);
}

export function certificate(eui: Eui, usage: KeyUsage): X509Certificate {
  return new X509Certificate(
    readFileSync(join(KEYS_DIR, `${eui.hex.toLowerCase()}-${usage.toLowerCase()}.pem`)),
  );
}

export function publicKey(eui: Eui, usage: KeyUsage): KeyObject {
  return certificate(eui, usage).publicKey;
}

export function privateKey(eui: Eui, usage: KeyUsage): KeyObject {
  return createPrivateKey(
    readFileSync(join(KEYS_DIR, `${eui.hex.toLowerCase()}-${usage.toLowerCase()}.key`)),
  );
}

/** `CS02c_6.17_SUCCESS_COMMAND_GBCS.HEX` → kind COMMAND, stem `CS02c_6.17_SUCCESS`. */
export function vectorKind(name: string): { stem: string; kind: 'PRECOMMAND' | 'COMMAND' | 'RESPONSE' } {
  const m = /^(.*)_(PRECOMMAND|COMMAND|RESPONSE)_GBCS\.HEX$/.exec(name);
  if (!m) throw new Error(`not an RTDS GBCS vector name: ${name}`);
  return { stem: m[1]!, kind: m[2] as 'PRECOMMAND' | 'COMMAND' | 'RESPONSE' };
}
