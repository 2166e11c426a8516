/**
 * What a supplier's certification says: its devices judged against the post-commissioning
 * obligations (the DCC's reported criteria, SEC Appendix AC §5) and the certificate rules (the real
 * criteria – among them the NO-certificate rule), per device pass/fail with reasons, a summary for
 * an auditor, and where the judgement came from. JSON-able; `certify` makes one.
 */
import type { CauseCode, ObligationId } from '../postcommissioning/index.ts';

export type CertResult = 'pass' | 'fail' | 'pending';

/** The supplier certified: its User EUI and party name (either may be missing in a saved report). */
export interface CertifiedSupplier {
  readonly eui?: string;
  readonly name?: string;
  readonly small: boolean;
}

/**
 * Where the judged journal came from: a report `smets-harness batch` saved (`location` is its
 * file), or the live estate `smets-harness up` runs (`location` is its URL), judged at `asOf`.
 */
export interface CertificationSource {
  readonly kind: 'saved batch report' | 'live estate';
  readonly location: string;
  readonly reportTitle: string;
  readonly asOf: string;
}

export interface CertReason {
  /** Which judgement: `obligations` (the reported criteria) or `certificates` (the real criteria). */
  readonly judgement: 'obligations' | 'certificates';
  readonly obligation: ObligationId;
  readonly obligationTitle: string;
  readonly cause: CauseCode;
  readonly causeTitle: string;
  readonly detail: string;
  readonly requestId?: string;
}

export interface CertDevice {
  readonly deviceId: string;
  readonly deviceType: string;
  readonly chfId?: string;
  readonly commissionedAt: string;
  readonly result: CertResult;
  readonly obligations: string;
  readonly certificates: string;
  /** The NO-certificate rule on its own: `n/a` for a device without NO cells (GSME). */
  readonly networkOperatorCertificates: 'correct' | 'wrong' | 'not judged yet' | 'n/a';
  readonly classification: string;
  readonly reasons: readonly CertReason[];
}

export interface Certification {
  readonly title: string;
  readonly supplier: CertifiedSupplier;
  readonly source: CertificationSource;
  readonly since?: string;
  readonly judgements: { readonly obligations: { name: string; title: string; basis: string }; readonly certificates: { name: string; title: string; basis: string } };
  readonly deadlineDays: Readonly<Record<string, number>>;
  /** `certified` when every device passes both; `not certified` when any fails; else `pending` / `no devices`. */
  readonly verdict: 'certified' | 'not certified' | 'pending' | 'no devices';
  readonly summary: {
    readonly devices: number;
    readonly pass: number;
    readonly fail: number;
    readonly pending: number;
    readonly failingObligationsOnly: number;
    readonly failingCertificates: number;
    readonly wrongNetworkOperatorCertificates: number;
    readonly reasons: readonly { judgement: string; cause: CauseCode; causeTitle: string; devices: number }[];
  };
  readonly devices: readonly CertDevice[];
  readonly limits: readonly string[];
}
