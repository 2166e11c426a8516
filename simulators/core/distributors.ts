/**
 * Electricity distributors by the ID that forms the first two digits of an MPAN core
 * (../../../shared/docs/domain.md). IDs 10–23 are the fourteen DNO licence areas; IDNO IDs are
 * marked `assumed: true` because the source lists them only as examples ("24+, e.g. …").
 */
export interface Distributor {
  /** The distributor ID, the MPAN core's first two digits. */
  readonly id: number;
  readonly kind: 'DNO' | 'IDNO';
  /** The licence area of a DNO; IDNOs are not tied to one area, so `null`. */
  readonly area: string | null;
  /** The operator group's short name as domain.md gives it (UKPN, NGED, …). */
  readonly operator: string;
  readonly operatorName: string;
  /** True where the entry is not verified in a published source. */
  readonly assumed: boolean;
}

const GROUPS = {
  UKPN: 'UK Power Networks',
  NGED: 'National Grid Electricity Distribution',
  SPEN: 'SP Energy Networks',
  NPg: 'Northern Powergrid',
  ENWL: 'Electricity North West',
  SSEN: 'Scottish and Southern Electricity Networks',
} as const;

function dno(id: number, area: string, operator: keyof typeof GROUPS): Distributor {
  return { id, kind: 'DNO', area, operator, operatorName: GROUPS[operator], assumed: false };
}

function idno(id: number, operator: string, operatorName: string): Distributor {
  return { id, kind: 'IDNO', area: null, operator, operatorName, assumed: true };
}

export const DISTRIBUTORS: readonly Distributor[] = Object.freeze(
  [
    dno(10, 'Eastern', 'UKPN'),
    dno(11, 'East Midlands', 'NGED'),
    dno(12, 'London', 'UKPN'),
    dno(13, 'Merseyside & N Wales', 'SPEN'),
    dno(14, 'West Midlands', 'NGED'),
    dno(15, 'North East', 'NPg'),
    dno(16, 'North West', 'ENWL'),
    dno(17, 'North Scotland', 'SSEN'),
    dno(18, 'South Scotland', 'SPEN'),
    dno(19, 'South East', 'UKPN'),
    dno(20, 'Southern', 'SSEN'),
    dno(21, 'South Wales', 'NGED'),
    dno(22, 'South West', 'NGED'),
    dno(23, 'Yorkshire', 'NPg'),
    idno(24, 'IPNL', 'Independent Power Networks'),
    idno(25, 'ESP', 'ESP Electricity'),
    idno(26, 'Energetics', 'Energetics Electricity'),
    idno(27, 'GTC', 'The Electricity Network Company (GTC)'),
    idno(29, 'Harlaxton', 'Harlaxton Energy Networks'),
  ].map((d) => Object.freeze(d)),
);

const BY_ID = new Map(DISTRIBUTORS.map((d) => [d.id, d]));

/** The distributor with this ID, or `undefined` if the harness does not know it. */
export function distributorFor(id: number): Distributor | undefined {
  return BY_ID.get(id);
}
