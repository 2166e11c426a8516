/**
 * The ten CS02b replacement modes with harness keys: the holder of the authorising cell is obeyed;
 * every other sender is refused (0x8F30 when it is not the holder, 0x8F3D when it claims to be and
 * cannot prove it) and the cells do not change.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { CREDENTIALS_REPLACEMENT_MODES } from '../gbcs/index.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { decodeDeviceAlert } from './alerts.ts';
import { CASES, deviceFor, OTHER_SENDERS, send } from './modeCases.ts';
import {
  ACB,
  cellHolders,
  command,
  credential,
  cs02b,
  decodeResponse,
  NO_A,
  SUPPLIER,
  SUPPLIER_B,
  world,
} from './testSupport.ts';

describe('CS02b replacement modes', () => {
  it('covers all ten modes', () => {
    expect(Object.keys(CASES).sort()).to.deep.equal([...CREDENTIALS_REPLACEMENT_MODES].sort());
  });

  for (const mode of CREDENTIALS_REPLACEMENT_MODES) {
    const c = CASES[mode];
    describe(`${mode} (0x01${CREDENTIALS_REPLACEMENT_MODES.indexOf(mode).toString(16).padStart(2, '0')}) on a ${c.type}`, () => {
      it('the holder of the authorising cell is obeyed: every cell replaced, 0x8F70 raised', () => {
        const w = world();
        const device = deviceFor(w, c.type);
        const key = c.key?.(w) ?? credential(c.holder, 'DS').privateKey;
        const result = send(device, mode, c, c.holder, key);
        expect(result.outcome.status, JSON.stringify(result.outcome.reasons)).to.equal('executed');
        expect(result.outcome.certificateOutcomes!.map((o) => o.status)).to.deep.equal(
          c.replacements().map(() => 'success'),
        );
        for (const r of c.replacements())
          expect(device.cell(r.cell)!.der.equals(r.certificate)).to.equal(true);
        const response = decodeResponse(result.response);
        expect(response.header.messageCode).to.equal(0x0100 + CREDENTIALS_REPLACEMENT_MODES.indexOf(mode));
        expect(result.alerts.map((a) => decodeDeviceAlert(a).alertCode)).to.deep.equal([
          ALERT_CODES.updateSecurityCredentials,
        ]);
      });

      for (const other of OTHER_SENDERS.filter((s) => !s.equals(c.holder))) {
        it(`${other} sending it with its own key is refused and nothing changes`, () => {
          const w = world();
          const device = deviceFor(w, c.type);
          const before = cellHolders(device);
          const result = send(device, mode, c, other, credential(other, 'DS').privateKey);
          expect(result.response).to.equal(undefined);
          expect(result.outcome.status).to.equal('refused');
          // Contingency: the root cell names no Entity ID, so only the signature tells – 0x8F3D.
          const expected =
            mode === 'anyByContingency'
              ? ALERT_CODES.trustedSourceAuthenticationFailure
              : ALERT_CODES.noAuthority;
          expect(result.outcome.alertCodes).to.deep.equal([expected]);
          expect(decodeDeviceAlert(result.alerts[0]!).alertCode).to.equal(expected);
          expect(cellHolders(device)).to.deep.equal(before);
        });
      }

      if (c.frame !== 'macOnly') {
        it("the holder's EUI with another party's key is refused with 0x8F3D and nothing changes", () => {
          const w = world();
          const device = deviceFor(w, c.type);
          const before = cellHolders(device);
          const impostor = credential(c.holder.equals(SUPPLIER_B) ? SUPPLIER : SUPPLIER_B, 'DS').privateKey;
          const result = send(device, mode, c, c.holder, impostor);
          expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.trustedSourceAuthenticationFailure]);
          expect(cellHolders(device)).to.deep.equal(before);
        });
      } else {
        it("the ACB's EUI with a MAC from another KA key is refused with 0x8F3D and nothing changes", () => {
          const w = world();
          const device = deviceFor(w, c.type);
          const before = cellHolders(device);
          const result = device.handle(
            command({
              from: ACB,
              to: device,
              counter: 500n,
              payload: cs02b(mode, c.replacements(), 500n),
              signer: null,
              mac: credential(NO_A, 'KA').privateKey,
            }),
          );
          expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.trustedSourceAuthenticationFailure]);
          expect(cellHolders(device)).to.deep.equal(before);
        });
      }
    });
  }
});
