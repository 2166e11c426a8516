// A device's card in the live view: its cells (or an S1SP's virtual slots) with their owners, the
// wrong network operator marked. The first four cells are shown; the rest fold away.
import { el } from './dom.js';

/** @typedef {{ eui: string, name: string }} PartyRef */
/** @typedef {{ name: string, label: string, networkOperatorCell: boolean, owner?: PartyRef, serial?: string, state: string, expected?: PartyRef, note?: string }} Cell */
/** @typedef {{ deviceId: string, deviceType: string, smets: string, status: string, route?: string, mpxn?: string, supplier?: PartyRef, networkOperatorRole?: string, networkOperator?: PartyRef, holds: string, cells: Cell[], wrong: number }} Device */

const SHOWN_CELLS = new Set(['supplierDS', 'supplierKA', 'networkOperatorDS', 'networkOperatorKA']);

/** @param {Device} d */
export function deviceCard(d) {
  const noRole = d.networkOperatorRole ?? 'NO';
  const shown = d.holds === 'slots' ? d.cells : d.cells.filter((c) => SHOWN_CELLS.has(c.name) || c.state === 'wrong');
  const folded = d.cells.filter((c) => !shown.includes(c));
  const title = `${d.deviceType} ${d.deviceId}`;
  return el('article', { class: `device${d.wrong > 0 ? ' has-wrong' : ''}`, 'data-device': d.deviceId, 'aria-label': title }, [
    el('h3', {}, [
      el('span', { class: 'device-type' }, [d.deviceType]),
      el('span', { class: 'device-smets' }, [d.smets]),
      el('span', { class: 'eui' }, [d.deviceId]),
      d.wrong > 0 && el('span', { class: 'badge wrong' }, [`${d.wrong} wrong`]),
    ]),
    el('p', { class: 'meta' }, [
      [d.mpxn, d.route && `via ${d.route}`, d.supplier && `supplier ${d.supplier.name}`].filter(Boolean).join(' · '),
    ]),
    d.networkOperator !== undefined &&
      d.cells.some((c) => c.networkOperatorCell) &&
      el('p', { class: 'registered' }, [`Registered ${noRole}: `, el('strong', {}, [d.networkOperator.name])]),
    shown.length > 0 && cellTable(d, shown),
    folded.length > 0 &&
      el('details', {}, [el('summary', {}, [`${folded.length} other ${d.holds}`]), cellTable(d, folded)]),
  ]);
}

/** @param {Device} d @param {Cell[]} cells */
function cellTable(d, cells) {
  return el('table', { class: 'cells' }, [
    el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [d.holds === 'slots' ? 'Slot' : 'Cell']), el('th', { scope: 'col' }, ['Owner'])])]),
    el(
      'tbody',
      {},
      cells.map((c) =>
        el('tr', { class: `cell state-${c.state}${c.networkOperatorCell ? ' no-cell' : ''}`, 'data-cell': c.name, 'data-state': c.state }, [
          el('th', { scope: 'row' }, [c.label]),
          el('td', { class: 'owner', title: c.owner ? `${c.owner.eui}${c.serial ? ` serial ${c.serial}` : ''}` : undefined }, [
            el('span', { class: 'owner-name' }, [c.owner ? c.owner.name : '(empty)']),
            ...verdict(c),
          ]),
        ]),
      ),
    ),
  ]);
}

/** @param {Cell} c */
function verdict(c) {
  if (c.state === 'wrong') return [el('span', { class: 'verdict' }, [el('strong', {}, ['✗ WRONG']), ` – ${c.note ?? ''}`])];
  if (c.state === 'ok') return [el('span', { class: 'verdict' }, ['✓ the registered party'])];
  return [];
}
