import type { HomeData } from '../../simulators/harness/index.ts';
import type { CertificateHolder } from './anchors.ts';

/** How a scenario's words become population data: what a home's NO cells or slots hold, and SMETS1 homes. */
export function cellsOf(holder: CertificateHolder | string): string {
  if (typeof holder === 'string') return holder;
  switch (holder.kind) {
    case 'dcc':
      return 'accessControlBroker';
    case 'supplier':
      return 'supplier';
    case 'party':
      return holder.name;
  }
}

export function smets1Home(s1sp: string, supplier: string, mpan: string, slots: string): HomeData {
  return { name: `${supplier}, MPAN ${mpan} (SMETS1 at ${s1sp})`, supplier, smets: 'SMETS1', s1sp, mpan, networkOperatorCells: slots };
}
