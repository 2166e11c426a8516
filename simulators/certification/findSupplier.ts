/** Which supplier a tester means: by User EUI (any separators, any case) or by party name (any case). */
import { Eui } from '../core/Eui.ts';
import type { PostCommissioningReport } from '../postcommissioning/index.ts';
import type { CertifiedSupplier } from './Certification.ts';

/** The suppliers a report has devices for (devices without a registered supplier left out). */
export function suppliersIn(report: PostCommissioningReport): CertifiedSupplier[] {
  return report.bySupplier.filter((s) => s.supplier !== '').map((s) => ({ eui: s.supplier, ...(s.name && { name: s.name }), small: s.small }));
}

/** `EUI (name)`, as error messages list the suppliers. */
export function supplierLabel(s: CertifiedSupplier): string {
  return `${s.eui ?? '(no EUI)'}${s.name ? ` (${s.name})` : ''}`;
}

/** The supplier `user` names among `suppliers`; undefined if none. */
export function findSupplier(suppliers: readonly CertifiedSupplier[], user: string): CertifiedSupplier | undefined {
  const hex = euiHex(user);
  const wanted = user.trim().toLowerCase();
  return suppliers.find((s) => (hex !== undefined && s.eui !== undefined && euiHex(s.eui) === hex) || (s.name !== undefined && s.name.trim().toLowerCase() === wanted));
}

function euiHex(text: string): string | undefined {
  try {
    return Eui.parse(text).hex;
  } catch {
    return undefined;
  }
}
