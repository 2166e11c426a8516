/** Test support: a small estate (harness keys), a fleet, and builders for signed and MAC'd commands. */
import { type KeyObject, X509Certificate } from 'node:crypto';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { DEFAULT_PARTIES } from '../estate/defaultParties.ts';
import { PartyDirectory } from '../estate/PartyDirectory.ts';
import {
  buildCommand,
  buildPreCommand,
  type CellUsage,
  type CredentialsReplacementMode,
  type Cs02bCommand,
  decodeGbcsMessage,
  type GbcsPayload,
  type GbcsSigning,
  signPreCommand,
} from '../gbcs/index.ts';
import { Smki, type SmkiCredential } from '../smki/index.ts';
import { cellAt, cellIndexByName, type CellName } from './cells.ts';
import type { Device } from './Device.ts';
import { estateCertificateSource } from './estateCertificates.ts';
import { Fleet } from './Fleet.ts';
import type { InstallationSpec } from './installation.ts';

export const ACB = Eui.parse('90B3D51F40000002');
export const RECOVERY = Eui.parse('90B3D51F40000001');
export const TRANSCOS = Eui.parse('90B3D51F40000004');
export const WAN = Eui.parse('90B3D51F40000007');
export const SUPPLIER = Eui.parse('90B3D51F40010100');
export const SUPPLIER_B = Eui.parse('90B3D51F40010200');
export const NO_A = Eui.parse('90B3D51F40021000');
export const NO_B = Eui.parse('90B3D51F40021200');
export const ESME = Eui.parse('00DB000000000001');
export const GSME = Eui.parse('00DB000000000002');
export const CHF = Eui.parse('00DB000000000003');
export const GPF = Eui.parse('00DB000000000004');

export const TEST_NOW = '2026-03-01T12:00:00Z';

/** One SMKI per test process: its CAs and issued certificates are deterministic and reused. */
const SMKI = new Smki('smets2 device tests');
const PARTIES = new PartyDirectory(DEFAULT_PARTIES);
const issued = new Map<string, SmkiCredential>();

/** A party's organisation credential, issued as the estate issues it (generation 0 unless told). */
export function credential(
  eui: Eui,
  usage: KeyUsage,
  cellUsage: CellUsage = 'management',
  generation = 0,
): SmkiCredential {
  const key = `${eui.hex}/${usage}/${cellUsage}/${generation}`;
  let c = issued.get(key);
  if (c === undefined) {
    const party = PARTIES.byEui(eui);
    if (party === undefined) throw new Error(`no party ${eui}`);
    c = SMKI.issueOrganisationCertificate({ eui, role: party.remotePartyRole, usage, cellUsage, generation });
    issued.set(key, c);
  }
  return c;
}

/** The certificate for a cell from a party (its usage and, for the top-up cell, cell usage). */
export function certificateFor(party: Eui, cell: CellName, generation = 0): Buffer {
  const c = cellAt(cellIndexByName(cell));
  return credential(party, c.keyUsage, c.cellUsage, generation).der;
}

export interface World {
  readonly clock: SimulatedClock;
  readonly smki: Smki;
  readonly fleet: Fleet;
  install(eui: Eui, spec: InstallationSpec): Device;
}

/** `gbcsSigning`: how the devices sign and check signatures (default ECDSA). */
export function world(start: string = TEST_NOW, gbcsSigning?: GbcsSigning): World {
  const clock = new SimulatedClock(start);
  const fleet = new Fleet({ smki: SMKI, clock, capacity: 16, ...(gbcsSigning && { gbcsSigning }) });
  const source = estateCertificateSource({ smki: SMKI, parties: PARTIES });
  return { clock, smki: SMKI, fleet, install: (eui, spec) => fleet.install(eui, spec, source) };
}

/** The usual installation: supplier A, network operator A, DCC parties. */
export function installed(w: World, eui: Eui = ESME, type: InstallationSpec['type'] = 'ESME'): Device {
  return w.install(eui, { type, supplier: SUPPLIER, networkOperator: NO_A });
}

export interface CommandOptions {
  readonly from: Eui;
  readonly to: Device;
  readonly counter: bigint;
  readonly payload: GbcsPayload;
  /** The signing key; `null` for an unsigned (MAC-only) command. Default: `from`'s DS key. */
  readonly signer?: KeyObject | null;
  /** `acb` (default): the ACB MAC with the ACB's KA key; `none`: a bare DF frame; a key: MAC with that key. */
  readonly mac?: 'acb' | 'none' | KeyObject;
  /** How the User signs. Default: ECDSA. */
  readonly signing?: GbcsSigning;
}

/** A command as the DCC would deliver it: signed by the User, MAC'd with the ACB KA key. */
export function command(o: CommandOptions): Buffer {
  const pre = buildPreCommand({
    originatorCounter: o.counter,
    originator: o.from,
    recipient: o.to.eui,
    payload: o.payload,
  });
  const signer = o.signer === undefined ? credential(o.from, 'DS').privateKey : o.signer;
  if (o.mac === 'none') {
    if (signer === null) throw new Error('a command needs a signature or a MAC');
    return signPreCommand(pre, signer, o.signing);
  }
  const macKey = o.mac === undefined || o.mac === 'acb' ? credential(ACB, 'KA').privateKey : o.mac;
  return buildCommand(pre, {
    ...(signer && { signer }),
    ...(o.signing && { signing: o.signing }),
    macPrivateKey: macKey,
    macPublicKey: new X509Certificate(o.to.deviceCertificate('KA')).publicKey,
  });
}

export interface Replacement {
  readonly cell: CellName;
  readonly certificate: Buffer;
}

/** A CS02b payload; the authorising TA cell is the mode's, the seq number the counter. */
export function cs02b(
  mode: CredentialsReplacementMode,
  replacements: readonly Replacement[],
  counter: bigint,
  extra: Partial<Cs02bCommand['control']> & { path?: Buffer[]; executionDateTime?: Date } = {},
): GbcsPayload {
  const { path, executionDateTime, ...control } = extra;
  const value: Cs02bCommand = {
    control: {
      credentialsReplacementMode: mode,
      authorisingRemotePartySeqNumber: counter,
      newRemotePartyFloorSeqNumber: 0n,
      ...control,
    },
    replacements: replacements.map((r) => {
      const { role, keyUsage, cellUsage } = cellAt(cellIndexByName(r.cell));
      return { replacingCertificate: r.certificate, targetTrustAnchorCell: { role, keyUsage, cellUsage } };
    }),
    certificationPathCertificates: path ?? [SMKI.organisationCa.der],
    ...(executionDateTime && { executionDateTime }),
  };
  return { useCase: 'CS02b', direction: 'command', value };
}

/** Entity IDs in the device's cells, by cell name (empty cells absent). */
export function cellHolders(device: Device): Record<string, string> {
  return Object.fromEntries(
    device.cells().flatMap((c) => (c.certificate ? [[c.name, c.certificate.keyId.toString('hex')]] : [])),
  );
}

export function decodeResponse(bytes: Buffer | undefined): ReturnType<typeof decodeGbcsMessage> {
  if (bytes === undefined) throw new Error('no response');
  return decodeGbcsMessage(bytes);
}

export type { RemotePartyRole };
