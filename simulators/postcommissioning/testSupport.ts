/**
 * Test support (not used at run time): hand-made journal entries shaped as the DSP and the CSP
 * write them, with real GBCS payloads, and hand-made cells and registrations.
 */
import { generateKeyPairSync } from 'node:crypto';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import type { JournalEntry, JournalInput } from '../core/Journal.ts';
import { Mpan } from '../core/Mpan.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { DEFAULT_PARTIES } from '../estate/defaultParties.ts';
import { PartyDirectory } from '../estate/PartyDirectory.ts';
import {
  buildDeviceCsr,
  cs02dCommand,
  type Cs02bExecutionOutcome,
  decodeDeviceCsr,
  encodeGroupingHeader,
  encodePayload,
  type GbcsPayload,
  messageCodeFor,
  messageCodeOfPayload,
} from '../gbcs/index.ts';
import { RegistrationStore } from '../rdp/RegistrationStore.ts';
import { Smki } from '../smki/index.ts';
import type { DeviceCells, TrackedDevice } from './ports.ts';

export const T0 = new Date('2026-01-01T00:00:00Z');
export const AURORA = '90-B3-D5-1F-40-01-01-00';
export const BOREALIS = '90-B3-D5-1F-40-01-02-00';
export const CIRRUS = '90-B3-D5-1F-40-01-03-00';
export const NO_12 = '90-B3-D5-1F-40-02-12-00';
export const NO_23 = '90-B3-D5-1F-40-02-23-00';
export const RECOVERY = '90-B3-D5-1F-40-00-00-01';
export const ACB = '90-B3-D5-1F-40-00-00-02';
export const ESME = '00-DB-40-00-00-01-00-01';
export const CHF = '00-DB-40-00-00-01-00-03';
export const MPAN = Mpan.parse('1200000000011');

export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

const smki = new Smki('postcommissioning-tests');

/** A journal in the making: entries with increasing `seq`. */
export class EntryLog {
  readonly entries: JournalEntry[] = [];

  add(input: JournalInput): this {
    this.entries.push(Object.freeze({ ...input, seq: this.entries.length + 1 }));
    return this;
  }

  /**
   * A Service Request as the DSP journals it: the DUIS request, the GBCS command with its payload,
   * then what came back (`response` payload, a `failure` E-code, `alerts` only, or a DSP `refusal`).
   */
  request(r: {
    readonly srv: string;
    readonly minute: number;
    readonly user?: string;
    readonly device?: string;
    readonly command?: GbcsPayload;
    readonly answer?: { readonly response: GbcsPayload } | { readonly failure: string } | { readonly alerts: readonly string[] } | { readonly refusal: string };
  }): this {
    const device = r.device ?? ESME;
    const user = r.user ?? AURORA;
    const requestId = `${user}:${device}:${this.entries.length + 1000}`;
    const base = { requestId, deviceId: device, srv: r.srv };
    this.add({ at: at(r.minute), via: 'DUIS', from: user, to: 'DSP', kind: 'request', summary: `SRV ${r.srv} CV 4`, ...base });
    const answer = r.answer;
    if (answer !== undefined && 'refusal' in answer) {
      return this.add({ at: at(r.minute), via: 'DUIS', from: 'DSP', to: user, kind: 'refusal', summary: answer.refusal, responseCode: answer.refusal.split(' ')[0]!, ...base });
    }
    if (r.command) this.add({ at: at(r.minute), via: 'GBCS', from: 'DSP', to: device, kind: 'command', summary: `SRV ${r.srv}`, payload: hex(r.command, 'command'), ...base });
    if (answer === undefined) return this;
    const t = at(r.minute + 1);
    if ('response' in answer) {
      this.add({ at: t, via: 'CSP', from: device, to: 'DSP', kind: 'response', summary: 'response carried', requestId, deviceId: device });
      return this.add({ at: t, via: 'GBCS', from: device, to: 'DSP', kind: 'response', summary: `device response to SRV ${r.srv}`, payload: hex(answer.response, 'response'), ...base });
    }
    if ('failure' in answer) return this.add({ at: t, via: 'GBCS', from: device, to: 'DSP', kind: 'failure', summary: answer.failure, ...base });
    for (const code of answer.alerts) this.add({ at: t, via: 'GBCS', from: device, to: 'DSP', kind: 'alert', summary: `device alert ${code}`, ...base });
    return this;
  }
}

function hex(payload: GbcsPayload, cra: 'command' | 'response'): string {
  const messageCode =
    payload.useCase === 'CS02b' && payload.direction === 'response' && payload.value.executionOutcome === undefined
      ? messageCodeFor('CS02b', 'networkOperatorByNetworkOperator')
      : messageCodeOfPayload(payload);
  const fields = { craFlag: cra, originatorCounter: 1n, originator: Eui.parse(AURORA), recipient: Eui.parse(ESME), messageCode, content: encodePayload(payload) };
  return encodeGroupingHeader(fields, 'none').toString('hex');
}

/** CS02c command for 6.17 and its CSR response. */
export const issue = (keyUsage: KeyUsage): GbcsPayload => ({ useCase: 'CS02c', direction: 'command', value: { keyUsage } });
export function csr(keyUsage: KeyUsage): GbcsPayload {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = buildDeviceCsr({ privateKey, publicKey, keyUsage, deviceId: Eui.parse(ESME) });
  return { useCase: 'CS02c', direction: 'response', value: { csr: decodeDeviceCsr(der) } };
}

/** CS02d command for 6.15.2 and its status response. */
export function update(keyUsage: KeyUsage): GbcsPayload {
  const certificate = smki.issueDeviceCertificate({ eui: Eui.parse(ESME), usage: keyUsage, generation: 1 }).der;
  return { useCase: 'CS02d', direction: 'command', value: cs02dCommand(certificate) };
}
export const updated = (status = 0): GbcsPayload => ({ useCase: 'CS02d', direction: 'response', value: { status } });

/** A CS02b placing `owner`'s NO certificates (6.15.1 / 6.21), and its responses. */
export function placeNetworkOperator(owner: string, role: RemotePartyRole = 'networkOperator'): GbcsPayload {
  const cert = (usage: KeyUsage) => smki.issueOrganisationCertificate({ eui: Eui.parse(owner), role, usage }).der;
  return {
    useCase: 'CS02b',
    direction: 'command',
    value: {
      control: { credentialsReplacementMode: 'networkOperatorByNetworkOperator', authorisingRemotePartySeqNumber: 1n, newRemotePartyFloorSeqNumber: 0n },
      replacements: (['DS', 'KA'] as const).map((keyUsage) => ({ replacingCertificate: cert(keyUsage), targetTrustAnchorCell: { role, keyUsage, cellUsage: 'management' } })),
      certificationPathCertificates: [],
    },
  };
}
export function replaced(status: 'success' | 'badCertificate' = 'success'): GbcsPayload {
  const eui = Eui.parse(NO_12);
  const outcome: Cs02bExecutionOutcome = {
    seqNumber: 1n,
    credentialsReplacementMode: 'networkOperatorByNetworkOperator',
    remotePartySeqNumberChanges: [],
    certificateOutcomes: (['DS', 'KA'] as const).map((keyUsage) => ({
      cell: { role: 'networkOperator', keyUsage, cellUsage: 'management' },
      status,
      existingSubjectUniqueId: eui,
      existingSubjectKeyId: Buffer.alloc(8),
      replacingSubjectUniqueId: eui,
      replacingSubjectKeyId: Buffer.alloc(8),
    })),
  };
  return { useCase: 'CS02b', direction: 'response', value: { executionOutcome: outcome } };
}
export const acceptedOnly: GbcsPayload = { useCase: 'CS02b', direction: 'response', value: {} };

/** The whole current-criteria sequence, every SR successful, starting at `minute`. */
export function cleanSequence(log: EntryLog, minute = 1, networkOperator = NO_12, device = ESME): EntryLog {
  return log
    .request({ device, srv: '6.17', minute, command: issue('DS'), answer: { response: csr('DS') } })
    .request({ device, srv: '6.15.2', minute: minute + 2, command: update('DS'), answer: { response: updated() } })
    .request({ device, srv: '6.17', minute: minute + 4, command: issue('KA'), answer: { response: csr('KA') } })
    .request({ device, srv: '6.15.2', minute: minute + 6, command: update('KA'), answer: { response: updated() } })
    .request({ device, srv: '6.15.1', minute: minute + 8, command: placeNetworkOperator(networkOperator), answer: { response: replaced() } });
}

/** 6.17 and 6.15.2 for DS and KA, all successful: everything but the network operator credentials. */
export function partialSequence(log = new EntryLog(), device = ESME): EntryLog {
  return log
    .request({ device, srv: '6.17', minute: 1, command: issue('DS'), answer: { response: csr('DS') } })
    .request({ device, srv: '6.15.2', minute: 3, command: update('DS'), answer: { response: updated() } })
    .request({ device, srv: '6.17', minute: 5, command: issue('KA'), answer: { response: csr('KA') } })
    .request({ device, srv: '6.15.2', minute: 7, command: update('KA'), answer: { response: updated() } });
}

export const device: TrackedDevice = { deviceId: ESME, deviceType: 'ESME', chfId: CHF, mpxns: [MPAN], commissionedAt: T0 };

/** Cells as they should be after post-commissioning (override any). */
export function goodCells(overrides: Partial<DeviceCells['owners']> = {}, renewed: Partial<DeviceCells['renewed']> = {}): DeviceCells {
  return {
    owners: {
      root: null,
      recovery: RECOVERY,
      supplierDS: AURORA,
      supplierKA: AURORA,
      supplierKAPrePayment: AURORA,
      networkOperatorDS: NO_12,
      networkOperatorKA: NO_12,
      accessControlBrokerDS: ACB,
      accessControlBrokerKA: ACB,
      ...overrides,
    },
    renewed: { DS: true, KA: true, ...renewed },
  };
}

/** Registration Data with Aurora Energy supplying MPAN 1200000000011 from T0 (its NO: distributor 12's). */
export function registrations(): RegistrationStore {
  const store = new RegistrationStore({ parties: new PartyDirectory(DEFAULT_PARTIES), clock: new SimulatedClock(T0) });
  store.registerSupplier(MPAN, Eui.parse(AURORA), T0);
  return store;
}
