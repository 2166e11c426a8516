/** CS02b scope and framing: targets outside a mode, recovery and the root, the ACB MAC. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ALERT_CODES } from './alertCodec.ts';
import { CASES, send } from './modeCases.ts';
import {
  cellHolders,
  certificateFor,
  command,
  credential,
  cs02b,
  installed,
  NO_A,
  NO_B,
  RECOVERY,
  SUPPLIER,
  world,
} from './testSupport.ts';

describe('CS02b scope and framing', () => {
  it("a target outside the mode's scope refuses the whole command (0x8F30): NO-by-NO naming a supplier cell", () => {
    const w = world();
    const device = installed(w);
    const before = cellHolders(device);
    const result = send(
      device,
      'networkOperatorByNetworkOperator',
      {
        ...CASES.networkOperatorByNetworkOperator,
        replacements: () => [
          { cell: 'networkOperatorDS', certificate: certificateFor(NO_B, 'networkOperatorDS') },
          { cell: 'supplierDS', certificate: certificateFor(NO_B, 'networkOperatorDS') },
        ],
      },
      NO_A,
      credential(NO_A, 'DS').privateKey,
    );
    expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.noAuthority]);
    expect(result.outcome.reasons[0]!.code).to.equal('target-out-of-scope');
    expect(cellHolders(device)).to.deep.equal(before);
  });

  it('recovery may not replace the root cell (any except abnormal root)', () => {
    const w = world();
    const device = installed(w);
    const result = send(
      device,
      'anyExceptAbnormalRootByRecovery',
      CASES.anyByContingency,
      RECOVERY,
      credential(RECOVERY, 'DS').privateKey,
    );
    expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.noAuthority]);
  });

  it('a signed mode without the ACB MAC (bare DF) is refused with 0x8F3D', () => {
    const w = world();
    const device = installed(w);
    const c = CASES.supplierBySupplier;
    const result = device.handle(
      command({
        from: SUPPLIER,
        to: device,
        counter: 9n,
        payload: cs02b('supplierBySupplier', c.replacements(), 9n),
        mac: 'none',
      }),
    );
    expect(result.outcome.reasons[0]!.code).to.equal('missing-mac');
    expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.trustedSourceAuthenticationFailure]);
  });
});
