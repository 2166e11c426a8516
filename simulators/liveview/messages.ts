/**
 * What travels on `/live/events`: the server's messages to the page, and the page's control
 * messages. Plain JSON, no payloads (the journal's XML and GBCS bytes stay on the server).
 */

/** A lane of the sequence diagram, in the order the page draws them. */
export type LaneKind = 'user' | 'dsp' | 'dcc' | 'rdp' | 'csp' | 's1sp' | 'device' | 'other';

export const LANE_ORDER: readonly LaneKind[] = ['user', 'dsp', 'dcc', 'rdp', 'csp', 's1sp', 'device', 'other'];

/** One end of an arrow: a lane id (the journal's `from`/`to`, or `CSP`) and how to head it. */
export interface ParticipantView {
  readonly id: string;
  readonly kind: LaneKind;
  readonly label: string;
  /** A second, smaller line: an EUI, User Roles, the S1SP's party. */
  readonly detail?: string;
}

/** How an arrow is drawn: refused ones red. */
export type Tone = 'request' | 'ok' | 'refused' | 'alert' | 'change' | 'delivery' | 'other';

/** A journal entry as the page draws it. */
export interface EntryView {
  readonly seq: number;
  readonly at: string;
  readonly via: string;
  readonly kind: string;
  /** The arrow's ends (SMETS2 traffic is drawn through the CSP lane). */
  readonly from: ParticipantView;
  readonly to: ParticipantView;
  readonly srv?: string;
  readonly responseCode?: string;
  readonly requestId?: string;
  readonly deviceId?: string;
  /** `6.15.1 · refusal · E4`: SRV, kind, response code. */
  readonly label: string;
  readonly summary: string;
  readonly tone: Tone;
}

export interface PartyView {
  readonly name: string;
  readonly eui: string;
  readonly kind: string;
  readonly userRoles: readonly string[];
  readonly s1spId?: string;
}

export interface PartyRef {
  readonly eui: string;
  /** The party's name, or the EUI when the estate has no such party. */
  readonly name: string;
}

/**
 * `ok`: a network-operator cell held by the registered NO (GT for gas); `wrong`: held by someone
 * else; `empty`; `unchecked`: not a network-operator cell, or nobody to compare with.
 */
export type CellState = 'ok' | 'wrong' | 'empty' | 'unchecked';

export interface CellOwnerView {
  /** `networkOperatorDS` … (SMETS2 cells and SMETS1 slots share the names). */
  readonly name: string;
  /** `network operator DS`. */
  readonly label: string;
  readonly networkOperatorCell: boolean;
  readonly owner?: PartyRef;
  readonly serial?: string;
  readonly state: CellState;
  /** Who should own a network-operator cell: the meter point's registered NO, or GT for gas. */
  readonly expected?: PartyRef;
  /** `registered NO is SP Energy Networks (Merseyside & N Wales)` on a wrong cell. */
  readonly note?: string;
}

export interface DeviceView {
  readonly deviceId: string;
  readonly deviceType: string;
  readonly smets: string;
  readonly status: string;
  /** `CSP North` or `S1SP-B`. */
  readonly route?: string;
  /** `MPAN 1300000000070`. */
  readonly mpxn?: string;
  readonly supplier?: PartyRef;
  /** `NO` for an MPAN, `GT` for an MPRN. */
  readonly networkOperatorRole?: 'NO' | 'GT';
  readonly networkOperator?: PartyRef;
  /** SMETS2 trust anchor cells, or SMETS1 virtual anchor slots. */
  readonly holds: 'cells' | 'slots';
  readonly cells: readonly CellOwnerView[];
  /** How many network-operator cells are wrong. */
  readonly wrong: number;
}

export interface RuleSetView {
  readonly name: string;
  readonly description: string;
}

export interface StoryView {
  readonly name: string;
  readonly title: string;
  readonly description: string;
}

/** What the page is watching: the estate `up` started, or a story's fresh run. */
export interface RunView {
  readonly id: number;
  readonly title: string;
  readonly story?: string;
  /** The watched harness's HTTP URL, when it listens. */
  readonly url?: string;
}

export interface ReplayView {
  readonly state: 'started' | 'finished' | 'failed';
  readonly story: string;
  readonly ruleSet: string;
  /** One line a room reads: `refused E4 …`, `accepted: the NO slots now hold …`. */
  readonly outcome?: string;
  readonly error?: string;
}

export type ServerMessage =
  | {
      readonly type: 'snapshot';
      readonly run: RunView;
      /** Absent while nothing runs yet (a live view started without an estate, before its first replay). */
      readonly ruleSet?: RuleSetView;
      /** Rule set names the page may ask for: the DSP's, and the combinations it accepts. */
      readonly ruleSets: readonly string[];
      readonly stories: readonly StoryView[];
      readonly parties: readonly PartyView[];
      readonly devices: readonly DeviceView[];
      readonly devicesTotal: number;
      /** The latest entries of the journal (at most `entriesLimit`). */
      readonly entries: readonly EntryView[];
      readonly entriesTotal: number;
      readonly replaying?: ReplayView;
      /** True when the page can go back to the estate `up` started. */
      readonly canWatchEstate: boolean;
    }
  | { readonly type: 'entry'; readonly runId: number; readonly entry: EntryView }
  | { readonly type: 'device'; readonly runId: number; readonly device: DeviceView }
  | { readonly type: 'ruleSet'; readonly runId: number; readonly ruleSet: RuleSetView }
  | ({ readonly type: 'replay' } & ReplayView)
  | { readonly type: 'error'; readonly message: string };

export type ControlMessage =
  | { readonly type: 'replay'; readonly story: string; readonly ruleSet: string }
  | { readonly type: 'watch-estate' };

/** Reads a control message from the page; a bad one is an Error saying what was expected. */
export function parseControlMessage(text: string): ControlMessage {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('expected a JSON control message, e.g. {"type":"replay","story":"wrong-no-smets1","ruleSet":"mp107-r1"}');
  }
  if (typeof data !== 'object' || data === null) throw new Error('expected a JSON object with a "type"');
  const { type, story, ruleSet } = data as Record<string, unknown>;
  if (type === 'watch-estate') return { type };
  if (type !== 'replay') throw new Error(`type: expected "replay" or "watch-estate", got ${JSON.stringify(type)}`);
  if (typeof story !== 'string' || story.trim() === '') throw new Error('story: expected the name of a story');
  if (typeof ruleSet !== 'string' || ruleSet.trim() === '') throw new Error('ruleSet: expected a rule set name (e.g. mp107-r1)');
  return { type, story: story.trim(), ruleSet: ruleSet.trim() };
}
