/**
 * The incidents the DCC raises under SEC Appendix AC §5.13: one for every failing Communications
 * Hub Function. **[assumed]** (the clause's text is not public): a CHF fails when any device on its
 * HAN fails the criteria set; devices with no CHF in the inventory raise no incident.
 */
import type { CauseCode } from './causes.ts';
import type { TrackingResult } from './tracker.ts';

export interface ChfIncident {
  readonly chfId: string;
  readonly criteria: string;
  /** The failing devices on its HAN and why. */
  readonly devices: readonly { readonly deviceId: string; readonly deviceType: string; readonly causes: readonly CauseCode[] }[];
  /** Whose devices they are (commissioning supplier's EUI). */
  readonly suppliers: readonly string[];
}

export function chfIncidents(result: TrackingResult, criteria: string): ChfIncident[] {
  const byChf = new Map<string, { devices: ChfIncident['devices'][number][]; suppliers: Set<string> }>();
  for (const d of result.devices) {
    const verdict = d.verdicts.find((v) => v.criteria === criteria);
    if (verdict?.status !== 'failed' || d.device.chfId === undefined) continue;
    const entry = byChf.get(d.device.chfId) ?? { devices: [], suppliers: new Set<string>() };
    entry.devices.push({ deviceId: d.device.deviceId, deviceType: d.device.deviceType, causes: verdict.causes });
    if (d.supplier) entry.suppliers.add(d.supplier.eui);
    byChf.set(d.device.chfId, entry);
  }
  return [...byChf]
    .map(([chfId, e]) => ({ chfId, criteria, devices: e.devices, suppliers: [...e.suppliers].sort() }))
    .sort((a, b) => a.chfId.localeCompare(b.chfId));
}
