import { InvalidInputError } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { RequestBody } from '../duis/index.ts';
import { cs02dCommand } from '../gbcs/cs02d.ts';
import { DlmsDateTime } from '../gbcs/DlmsDateTime.ts';
import { buildEcs70Request } from '../gbcs/ecs70.ts';
import { buildPreCommand } from '../gbcs/message.ts';
import type { GbcsPayload } from '../gbcs/payload.ts';
import type { DeviceType } from '../inventory/enumerations.ts';
import { credentialsCommand } from './credentialsCommand.ts';

/**
 * ECS70 Set Clock: clock_base 5 and an unspecified preset time, as the RTDS 8.1.1 command has them.
 * **[assumed]** DUIS does not say how the DCC fills these.
 */
const ECS70_CLOCK_BASE = 5;

/**
 * The GBCS payload of a Critical Service Request (CV 4), from its DUIS body. The window of a
 * Commission Device clock set is CurrentDateTime to CurrentDateTime + TolerancePeriod, which
 * reproduces both RTDS 8.1.1 commands (ECS70 and GCS28) from their requests.
 */
export function criticalPayload(
  srvId: string,
  body: RequestBody,
  counter: bigint,
  deviceType: DeviceType,
): GbcsPayload {
  switch (body.kind) {
    case 'UpdateSecurityCredentialsKRP':
      return { useCase: 'CS02b', direction: 'command', value: credentialsCommand(srvId, body, counter) };
    case 'UpdateSecurityCredentialsDevice':
      return { useCase: 'CS02d', direction: 'command', value: cs02dCommand(body.deviceCertificate) };
    case 'IssueSecurityCredentials':
      return { useCase: 'CS02c', direction: 'command', value: { keyUsage: body.credentialType } };
    case 'RetrieveDeviceSecurityCredentialsDevice':
      return { useCase: 'CS02e', direction: 'command', value: { keyUsage: body.credentialType } };
    case 'CommissionDeviceSynchroniseClock': {
      const start = body.currentDateTime;
      const end = new Date(start.getTime() + body.tolerancePeriod * 1000);
      if (deviceType === 'GSME') {
        return {
          useCase: 'GCS28',
          direction: 'command',
          value: { validityIntervalStart: start, validityIntervalEnd: end },
        };
      }
      if (deviceType !== 'ESME') {
        throw new InvalidInputError('device type', 'ESME or GSME for Commission Device', deviceType);
      }
      return {
        useCase: 'ECS70',
        direction: 'command',
        value: buildEcs70Request({
          originatorCounter: counter,
          clockBase: ECS70_CLOCK_BASE,
          presetTime: DlmsDateTime.unspecified(),
          validityIntervalStart: DlmsDateTime.fromDate(start),
          validityIntervalEnd: DlmsDateTime.fromDate(end),
        }),
      };
    }
    default:
      throw new InvalidInputError('sr:Body', `the body of a Critical Service Request for SRV ${srvId}`, body.kind);
  }
}

/**
 * The Pre-Command the DSP returns for a CV 4 request: originator = the User, recipient = the device,
 * originator counter = the RequestID counter; RTDS form (no trailing signature byte).
 */
export function buildCriticalPreCommand(
  srvId: string,
  requestId: RequestId,
  body: RequestBody,
  deviceType: DeviceType,
): Buffer {
  return buildPreCommand({
    originatorCounter: requestId.counter,
    originator: requestId.originator,
    recipient: requestId.target,
    payload: criticalPayload(srvId, body, requestId.counter, deviceType),
  });
}
