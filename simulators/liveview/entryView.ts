import { Eui } from '../core/Eui.ts';
import type { JournalEntry } from '../core/Journal.ts';
import type { EntryView, LaneKind, ParticipantView, Tone } from './messages.ts';
import type { WatchedEstate } from './estateView.ts';

const FIXED: Readonly<Record<string, ParticipantView>> = {
  DSP: { id: 'DSP', kind: 'dsp', label: 'DSP', detail: 'DCC Data Service Provider' },
  CSP: { id: 'CSP', kind: 'csp', label: 'CSP', detail: 'WAN to SMETS2 devices' },
  RDP: { id: 'RDP', kind: 'rdp', label: 'RDP', detail: 'Registration Data' },
  DCC: { id: 'DCC', kind: 'dcc', label: 'DCC', detail: 'DCC jobs' },
};

/** Heads a lane: names the journal's `from`/`to` (an EUI, `DSP`, `S1SP-B` …) from the estate. */
export function participantOf(h: WatchedEstate, name: string): ParticipantView {
  const fixed = FIXED[name];
  if (fixed !== undefined) return fixed;
  const s1sp = h.estate.parties.parties.find((p) => p.s1spId === name);
  if (s1sp !== undefined || /^S1SP\b/i.test(name)) {
    return { id: name, kind: 's1sp', label: name, ...(s1sp && { detail: s1sp.name }) };
  }
  let eui: Eui | undefined;
  try {
    eui = Eui.parse(name);
  } catch {
    eui = undefined;
  }
  if (eui === undefined) return { id: name, kind: 'other', label: name };
  const party = h.estate.parties.byEui(eui);
  if (party !== undefined) {
    const kind: LaneKind = party.userRoles.length > 0 ? 'user' : 'dcc';
    const roles = party.userRoles.length > 0 ? ` · ${party.userRoles.join('/')}` : '';
    return { id: name, kind, label: party.name, detail: `${eui.toString()}${roles}` };
  }
  const device = h.inventory.get(eui);
  if (device !== undefined) {
    return { id: name, kind: 'device', label: `${device.deviceType} (${device.smetsVersion})`, detail: eui.toString() };
  }
  return { id: name, kind: 'other', label: name };
}

/**
 * A journal entry as an arrow: its ends (SMETS2 traffic drawn through the CSP lane: the DSP's GBCS
 * entries as DSP ↔ CSP, the CSP's carried frames as CSP ↔ device), a label of SRV, kind and
 * response code, and a tone (refusals and failures red).
 */
export function entryView(h: WatchedEstate, entry: JournalEntry): EntryView {
  const [from, to] = throughCsp(entry);
  const label = [entry.srv, entry.kind, entry.responseCode].filter((p) => p !== undefined && p !== '').join(' · ');
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    via: entry.via,
    kind: entry.kind,
    from: participantOf(h, from),
    to: participantOf(h, to),
    ...(entry.srv !== undefined && { srv: entry.srv }),
    ...(entry.responseCode !== undefined && { responseCode: entry.responseCode }),
    ...(entry.requestId !== undefined && { requestId: entry.requestId }),
    ...(entry.deviceId !== undefined && { deviceId: entry.deviceId }),
    label,
    summary: entry.summary,
    tone: toneOf(entry),
  };
}

function throughCsp(entry: JournalEntry): [string, string] {
  const { from, to, via } = entry;
  if (via === 'CSP' && from === 'DSP') return ['CSP', to];
  if (via === 'CSP' && to === 'DSP' && from !== 'CSP') return [from, 'CSP'];
  if (via === 'GBCS' && from === 'DSP') return [from, 'CSP'];
  if (via === 'GBCS' && to === 'DSP') return ['CSP', to];
  return [from, to];
}

const FAILURE_KINDS = new Set(['refusal', 'lost', 'unreachable', 'timeout', 'late-response', 'undeliverable', 'failed']);

/** Red for refusals and failures (an E… code or a failing kind), green for answers, purple for changes. */
export function toneOf(entry: Pick<JournalEntry, 'kind' | 'via' | 'responseCode' | 'summary'>): Tone {
  const code = entry.responseCode ?? '';
  if (/^E/i.test(code) || FAILURE_KINDS.has(entry.kind)) return 'refused';
  if (entry.via === 'DELIVERY') return /→ 2\d\d/.test(entry.summary) ? 'delivery' : 'refused';
  if (/replacement|change|job|report/.test(entry.kind)) return 'change';
  if (entry.kind === 'alert') return 'alert';
  if (entry.kind === 'response' || /^I/.test(code)) return 'ok';
  if (entry.kind === 'request' || entry.kind === 'command' || entry.kind === 'pre-command') return 'request';
  return 'other';
}
