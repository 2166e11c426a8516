/* global document, location, window, WebSocket, URLSearchParams */
// The live view's page: draws what /live/events sends (see simulators/liveview/messages.ts for the
// shapes) and sends the replay control message. No framework, nothing fetched but this server.

import { deviceCard } from './deviceCards.js';
import { el } from './dom.js';

/** @typedef {{ id: string, kind: string, label: string, detail?: string }} Participant */
/** @typedef {{ seq: number, via: string, kind: string, from: Participant, to: Participant, label: string, summary: string, tone: string, responseCode?: string }} Entry */
/** @typedef {{ eui: string, name: string }} PartyRef */
/** @typedef {{ name: string, label: string, networkOperatorCell: boolean, owner?: PartyRef, serial?: string, state: string, expected?: PartyRef, note?: string }} Cell */
/** @typedef {{ deviceId: string, deviceType: string, smets: string, status: string, route?: string, mpxn?: string, supplier?: PartyRef, networkOperatorRole?: string, networkOperator?: PartyRef, holds: string, cells: Cell[], wrong: number }} Device */

const LANE_ORDER = ['user', 'dsp', 'dcc', 'rdp', 'csp', 's1sp', 'device', 'other'];
const LANE_NAMES = { user: 'User', dsp: 'DSP', dcc: 'DCC', rdp: 'RDP', csp: 'CSP', s1sp: 'S1SP', device: 'Device', other: '' };
/** Cells a SMETS2 card always shows; the rest fold away. */
const params = new URLSearchParams(location.search);
/**
 * Milliseconds between arrows arriving together, so a room sees them one by one; `?pace=0`, or a
 * browser asking for reduced motion, draws them at once.
 */
const PACE = Number(params.get('pace') ?? (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 220));

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

const state = {
  runId: -1,
  /** @type {Entry[]} */ entries: [],
  /** @type {Participant[]} */ lanes: [],
  /** @type {Map<string, Device>} */ devices: new Map(),
  /** @type {{ name: string, s1spId?: string }[]} */ parties: [],
  devicesTotal: 0,
  entriesTotal: 0,
  /** @type {Entry[]} */ queue: [],
  /** @type {number | undefined} */ timer: undefined,
  showDeliveries: false,
  replaying: false,
  canWatchEstate: false,
};

/** @type {WebSocket | undefined} */
let socket;
let retry = 500;

function connect() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live/events`;
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    retry = 500;
    setConnection('live', 'ok');
  });
  socket.addEventListener('message', (event) => receive(JSON.parse(String(event.data))));
  socket.addEventListener('close', () => {
    setConnection(`disconnected – retrying in ${Math.round(retry / 1000)} s`, 'down');
    window.setTimeout(connect, retry);
    retry = Math.min(retry * 2, 10000);
  });
}

/** @param {string} text @param {string} kind */
function setConnection(text, kind) {
  const node = $('connection');
  node.textContent = text;
  node.dataset.state = kind;
}

/** @param {any} message */
function receive(message) {
  switch (message.type) {
    case 'snapshot':
      return snapshot(message);
    case 'entry':
      if (message.runId !== state.runId) return;
      state.entriesTotal = message.entry.seq;
      state.queue.push(message.entry);
      return drainQueue();
    case 'device':
      if (message.runId !== state.runId) return;
      return upsertDevice(message.device, true);
    case 'ruleSet':
      if (message.runId !== state.runId) return;
      return showRuleSet(message.ruleSet);
    case 'replay':
      return showReplay(message);
    case 'error':
      setReplaying(false);
      return showStatus(message.message, 'error');
  }
}

/** @param {any} s */
function snapshot(s) {
  state.runId = s.run.id;
  state.entries = [];
  state.lanes = [];
  state.queue = [];
  state.entriesTotal = s.entriesTotal;
  state.devicesTotal = s.devicesTotal;
  state.canWatchEstate = s.canWatchEstate;
  fillSelect($('story'), s.stories.map((/** @type {any} */ st) => ({ value: st.name, text: st.title })));
  fillSelect($('rule-set'), s.ruleSets.map((/** @type {string} */ r) => ({ value: r, text: r })), s.ruleSet?.name);
  showRuleSet(s.ruleSet);
  $('run-title').textContent = s.run.title;
  $('run-url').textContent = s.run.url ? `DUIS at ${s.run.url}` : '';
  $('watch-estate').hidden = !s.canWatchEstate;
  state.parties = s.parties;
  seedLanes(s.devices, s.parties);
  for (const entry of s.entries) addEntry(entry);
  renderDiagram();
  state.devices = new Map();
  $('devices').replaceChildren();
  for (const device of s.devices) upsertDevice(device, false);
  countDevices();
  if (s.replaying) showReplay({ type: 'replay', ...s.replaying });
  else setReplaying(false);
}

/**
 * @param {HTMLElement} select
 * @param {{ value: string, text: string }[]} options
 * @param {string} [preferred]
 */
function fillSelect(select, options, preferred) {
  const current = /** @type {HTMLSelectElement} */ (select).value;
  const same = select.children.length === options.length && options.every((o, i) => /** @type {HTMLOptionElement} */ (select.children[i]).value === o.value);
  if (!same) select.replaceChildren(...options.map((o) => el('option', { value: o.value }, [o.text])));
  const keep = same && current ? current : preferred;
  if (keep !== undefined && options.some((o) => o.value === keep)) /** @type {HTMLSelectElement} */ (select).value = keep;
}

/** @param {{ name: string, description: string } | undefined} ruleSet */
function showRuleSet(ruleSet) {
  $('rule-set-in-force').textContent = ruleSet ? ruleSet.name : 'none';
  $('rule-set-description').textContent = ruleSet ? ruleSet.description : 'no estate is running';
}

/** @param {any} r */
function showReplay(r) {
  if (r.state === 'started') {
    setReplaying(true);
    showStatus(`Replaying “${r.story}” under ${r.ruleSet} …`, 'busy');
  } else if (r.state === 'finished') {
    setReplaying(false);
    showStatus(`“${r.story}” under ${r.ruleSet}: ${r.outcome}`, /refused|E\d/.test(r.outcome ?? '') ? 'refused' : 'done');
  } else {
    setReplaying(false);
    showStatus(`“${r.story}” under ${r.ruleSet} failed: ${r.error}`, 'error');
  }
}

/** @param {boolean} busy */
function setReplaying(busy) {
  state.replaying = busy;
  /** @type {HTMLButtonElement} */ ($('replay')).disabled = busy;
  /** @type {HTMLButtonElement} */ ($('watch-estate')).disabled = busy;
}

/** @param {string} text @param {string} kind */
function showStatus(text, kind) {
  const node = $('replay-status');
  node.textContent = text;
  node.dataset.state = kind;
}

// ---- the message sequence ----

function drainQueue() {
  if (state.timer !== undefined) return;
  // Far behind (a busy estate): catch up at once, keeping the last few to arrive one by one.
  while (state.queue.length > (PACE > 0 ? 12 : 0)) showNext();
  const step = () => {
    showNext();
    state.timer = state.queue.length > 0 ? window.setTimeout(step, PACE) : undefined;
  };
  if (state.queue.length > 0) step();
}

function showNext() {
  const entry = state.queue.shift();
  if (entry === undefined) return;
  const newLane = addEntry(entry);
  if (newLane) renderDiagram(entry.seq);
  else if (visible(entry)) appendRow(entry, true);
  countMessages();
}

/**
 * A story's small estate gets its device lanes (and their S1SP or CSP) before any message, so a
 * request refused at the DSP is seen not to reach the meter.
 * @param {Device[]} devices
 * @param {{ name: string, s1spId?: string }[]} parties
 */
function seedLanes(devices, parties) {
  if (devices.length === 0 || devices.length > 3) return;
  for (const d of devices) {
    if (d.route?.startsWith('CSP')) addLane({ id: 'CSP', kind: 'csp', label: 'CSP', detail: d.route });
    else if (d.route) addLane({ id: d.route, kind: 's1sp', label: d.route, detail: parties.find((p) => p.s1spId === d.route)?.name });
    addLane({ id: d.deviceId, kind: 'device', label: `${d.deviceType} (${d.smets})`, detail: d.deviceId });
  }
}

/** @param {Participant} lane @returns {boolean} whether it is new */
function addLane(lane) {
  if (state.lanes.some((l) => l.id === lane.id)) return false;
  state.lanes.push(lane);
  const first = new Map(state.lanes.map((l, i) => [l.id, i]));
  state.lanes.sort((a, b) => LANE_ORDER.indexOf(a.kind) - LANE_ORDER.indexOf(b.kind) || (first.get(a.id) ?? 0) - (first.get(b.id) ?? 0));
  return true;
}

/** @param {Entry} entry @returns {boolean} whether a lane was added */
function addEntry(entry) {
  state.entries.push(entry);
  if (!visible(entry)) return false;
  const fromAdded = addLane(entry.from);
  const toAdded = addLane(entry.to);
  return fromAdded || toAdded;
}

/** @param {Entry} entry */
function visible(entry) {
  return state.showDeliveries || entry.via !== 'DELIVERY';
}

/** @param {number} [freshSeq] the entry that just arrived */
function renderDiagram(freshSeq) {
  const lanes = state.lanes;
  const diagram = $('diagram');
  diagram.style.setProperty('--lanes', String(Math.max(lanes.length, 1)));
  $('lane-heads').replaceChildren(
    ...lanes.map((l) =>
      el('div', { class: `lane-head lane-${l.kind}`, 'data-lane': l.id, title: l.detail ?? l.label }, [
        el('span', { class: 'lane-kind' }, [LANE_NAMES[/** @type {keyof LANE_NAMES} */ (l.kind)] ?? '']),
        el('span', { class: 'lane-label' }, [l.label]),
        l.detail !== undefined && el('span', { class: 'lane-detail' }, [l.detail]),
      ]),
    ),
  );
  const rows = $('rows');
  rows.replaceChildren(...lanes.map((_, i) => el('div', { class: 'lifeline', style: { left: pct(i + 0.5) } })));
  if (lanes.length === 0) rows.append(el('p', { class: 'empty' }, ['No messages yet.']));
  for (const entry of state.entries) if (visible(entry)) appendRow(entry, entry.seq === freshSeq);
  countMessages();
}

/** @param {number} lanes */
function pct(lanes) {
  return `calc(${lanes} * 100% / var(--lanes))`;
}

/** @param {Entry} entry @param {boolean} fresh */
function appendRow(entry, fresh) {
  const rows = $('rows');
  rows.querySelector('.empty')?.remove();
  const from = state.lanes.findIndex((l) => l.id === entry.from.id);
  const to = state.lanes.findIndex((l) => l.id === entry.to.id);
  const left = Math.min(from, to);
  const span = Math.max(Math.abs(to - from), 0.35);
  const direction = to >= from ? 'ltr' : 'rtl';
  const self = from === to;
  const text = `${entry.from.label} → ${entry.to.label}: ${entry.summary}`;
  const row = el(
    'div',
    {
      class: `msg tone-${entry.tone}${fresh ? ' fresh' : ''}`,
      'data-seq': String(entry.seq),
      'data-tone': entry.tone,
      'data-code': entry.responseCode,
      'data-kind': entry.kind,
      title: `#${entry.seq} ${entry.via} ${text}`,
    },
    [
      el('span', { class: 'seq' }, [String(entry.seq)]),
      el('div', { class: `arrow ${direction}${self ? ' self' : ''}`, style: { left: pct(left + 0.5), width: pct(span) } }, [
        el('span', { class: 'label' }, [entry.label || entry.kind]),
      ]),
      el('p', { class: 'summary', style: { 'padding-left': pct(Math.min(left + 0.5, Math.max(state.lanes.length - 3, 0))) } }, [
        el('span', { class: 'via' }, [entry.via]),
        ` ${entry.summary}`,
      ]),
    ],
  );
  rows.append(row);
  const scroller = $('diagram');
  if (fresh) scroller.scrollTop = scroller.scrollHeight;
}

function countMessages() {
  const shown = state.entries.filter(visible).length;
  const earlier = state.entriesTotal - state.entries.length;
  $('message-count').textContent = `${shown} shown${earlier > 0 ? ` (the latest; ${earlier} earlier)` : ''}`;
}

// ---- the devices ----

/** @param {Device} device @param {boolean} changed */
function upsertDevice(device, changed) {
  const had = state.devices.get(device.deviceId);
  state.devices.set(device.deviceId, device);
  const card = deviceCard(device);
  if (changed && had !== undefined) card.classList.add('changed');
  const old = document.querySelector(`[data-device="${device.deviceId}"]`);
  if (old) old.replaceWith(card);
  else $('devices').append(card);
  countDevices();
}

function countDevices() {
  const devices = [...state.devices.values()];
  const wrong = devices.filter((d) => d.wrong > 0).length;
  const more = state.devicesTotal > devices.length ? ` (first ${devices.length} of ${state.devicesTotal})` : '';
  $('device-count').textContent =
    devices.length === 0 ? 'no devices' : `${devices.length} device${devices.length === 1 ? '' : 's'}${more} · ${wrong} with a wrong NO cell`;
}

// ---- controls ----

function start() {
  $('replay-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (socket === undefined || socket.readyState !== WebSocket.OPEN) return showStatus('not connected to the harness', 'error');
    const story = /** @type {HTMLSelectElement} */ ($('story')).value;
    const ruleSet = /** @type {HTMLSelectElement} */ ($('rule-set')).value;
    setReplaying(true);
    showStatus(`Asking for “${story}” under ${ruleSet} …`, 'busy');
    socket.send(JSON.stringify({ type: 'replay', story, ruleSet }));
  });
  $('watch-estate').addEventListener('click', () => socket?.send(JSON.stringify({ type: 'watch-estate' })));
  $('only-wrong').addEventListener('change', (event) => {
    $('devices').classList.toggle('only-wrong', /** @type {HTMLInputElement} */ (event.target).checked);
  });
  $('show-deliveries').addEventListener('change', (event) => {
    state.showDeliveries = /** @type {HTMLInputElement} */ (event.target).checked;
    state.lanes = [];
    seedLanes([...state.devices.values()], state.parties);
    for (const entry of state.entries.filter(visible)) {
      addLane(entry.from);
      addLane(entry.to);
    }
    renderDiagram();
  });
  connect();
}

start();
