import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { UserRole } from '../core/roles.ts';
import type { S1spDirectory } from './S1spDirectory.ts';
import type { S1spOutcome } from './S1spOutcome.ts';

/**
 * The S1SP behind the DSP's `S1spGateway` port (simulators/dsp/ports.ts), typed structurally so
 * this folder does not depend on the DSP's: the request carries what the S1SP needs of the DSP's
 * `S1spRequest`, the answer is its `Smets1Outcome` (or `unreachable`).
 */
export interface GatewayRequest {
  readonly deviceId: Eui;
  /** The inventory's S1SP of the device; when absent the directory routes by device ID. */
  readonly s1spId?: string;
  /** The `sr:Request` countersigned by the DSP (see CountersignedRequest). */
  readonly countersigned: string;
  readonly userRole?: UserRole;
}

export type GatewayAnswer =
  | {
      readonly kind: 'smets1Response';
      readonly responseCode: DuisResponseCode;
      /** The S1SP's signed `sr:SMETS1SignedResponse`, to carry unchanged in `sr:SMETS1ResponseMessage`. */
      readonly signedResponse?: string;
      readonly reason?: string;
    }
  | { readonly kind: 'unreachable'; readonly reason: string };

export interface S1spGatewayAdapter {
  send(request: GatewayRequest): Promise<GatewayAnswer>;
}

/**
 * An in-process S1SP link for the DSP: routes to the device's S1SP and turns its outcome into the
 * port's answer. `onOutcome` sees the typed outcome behind each answer (for scenarios and reports).
 */
export function s1spGateway(
  directory: S1spDirectory,
  onOutcome: (outcome: S1spOutcome) => void = () => {},
): S1spGatewayAdapter {
  return {
    async send(request) {
      const known = request.s1spId === undefined || directory.all.some((s) => s.id === request.s1spId);
      if (!known) return { kind: 'unreachable', reason: `no S1SP called ${request.s1spId}` };
      const s1sp = request.s1spId === undefined ? directory.route(request.deviceId) : directory.get(request.s1spId);
      const outcome = await s1sp.handle({
        xml: request.countersigned,
        ...(request.userRole && { userRole: request.userRole }),
      });
      onOutcome(outcome);
      const reason = outcome.ok ? undefined : outcome.reasons.map((r) => r.message).join('; ');
      return {
        kind: 'smets1Response',
        responseCode: outcome.responseCode,
        ...(outcome.response && { signedResponse: outcome.response.xml }),
        ...(reason && { reason }),
      };
    },
  };
}
