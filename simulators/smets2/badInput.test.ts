/**
 * Bad input is refused as a device would: no response, the alert the device raises (or none), and the
 * cells and counters exactly as before.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  buildPreCommand,
  decodeGroupingHeader,
  encodeGroupingHeader,
  signPreCommand,
  wrapWithMac,
} from '../gbcs/index.ts';
import { X509Certificate } from 'node:crypto';
import { ALERT_CODES } from './alertCodec.ts';
import { decodeDeviceAlert } from './alerts.ts';
import type { Device } from './Device.ts';
import type { HandleResult } from './outcome.ts';
import {
  ACB,
  cellHolders,
  certificateFor,
  command,
  credential,
  cs02b,
  ESME,
  GSME,
  installed,
  SUPPLIER,
  SUPPLIER_B,
  world,
} from './testSupport.ts';

function good(device: Device, counter = 20n): Buffer {
  return command({
    from: SUPPLIER,
    to: device,
    counter,
    payload: cs02b(
      'supplierBySupplier',
      [{ cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') }],
      counter,
    ),
  });
}

function expectUnchanged(
  device: Device,
  result: HandleResult,
  before: Record<string, string>,
  alert?: number,
): void {
  expect(result.response).to.equal(undefined);
  expect(cellHolders(device)).to.deep.equal(before);
  expect(device.counter('supplier')).to.equal(0n);
  expect(result.outcome.alertCodes).to.deep.equal(alert === undefined ? [] : [alert]);
  if (alert !== undefined) expect(decodeDeviceAlert(result.alerts[0]!).alertCode).to.equal(alert);
}

function fresh() {
  const w = world();
  const device = installed(w);
  return { w, device, before: cellHolders(device) };
}

describe('bad input to a device', () => {
  it('a truncated frame is dropped with 0x8F1E', () => {
    const { device, before } = fresh();
    const bytes = good(device);
    const result = device.handle(bytes.subarray(0, bytes.length - 20));
    expect(result.outcome.reasons[0]!.code).to.equal('malformed-frame');
    expectUnchanged(device, result, before, ALERT_CODES.commandIntegrityFailure);
  });

  it('a wrong length in the command wrapper is dropped with 0x8F1E', () => {
    const { device, before } = fresh();
    const bytes = Buffer.from(good(device));
    bytes[8] = bytes[8]! - 1; // DD 00×6, then 82 hh ll: the low length byte
    expectUnchanged(device, device.handle(bytes), before, ALERT_CODES.commandIntegrityFailure);
  });

  it('empty input, and bytes that are no GBCS frame, are dropped with 0x8F1E', () => {
    const { device, before } = fresh();
    expectUnchanged(device, device.handle(Buffer.alloc(0)), before, ALERT_CODES.commandIntegrityFailure);
    expectUnchanged(device, device.handle(Buffer.from('hello')), before, ALERT_CODES.commandIntegrityFailure);
  });

  it("bad DER in an authentic command (signed and MAC'd) is dropped with 0x8F1E", () => {
    const { device, before } = fresh();
    const pre = decodeGroupingHeader(
      buildPreCommand({
        originatorCounter: 21n,
        originator: SUPPLIER,
        recipient: ESME,
        payload: { useCase: 'CS02e', direction: 'command', value: { keyUsage: 'DS' } },
      }),
    );
    const broken = encodeGroupingHeader(
      { ...pre, messageCode: 0x0102, content: Buffer.from('3005020102', 'hex') },
      'omitted',
    );
    const signed = signPreCommand(broken, credential(SUPPLIER, 'DS').privateKey);
    const bytes = wrapWithMac(
      signed,
      credential(ACB, 'KA').privateKey,
      new X509Certificate(device.deviceCertificate('KA')).publicKey,
    );
    const result = device.handle(bytes);
    expect(result.outcome.reasons[0]!.code).to.equal('malformed-payload');
    expectUnchanged(device, result, before, ALERT_CODES.commandIntegrityFailure);
  });

  it('a wrong signature is refused with 0x8F3D', () => {
    const { device, before } = fresh();
    const result = device.handle(
      command({ ...commandParts(device), signer: credential(SUPPLIER_B, 'DS').privateKey }),
    );
    expectUnchanged(device, result, before, ALERT_CODES.trustedSourceAuthenticationFailure);
  });

  it('a flipped signature byte is refused with 0x8F3D', () => {
    const { device, before } = fresh();
    const bytes = Buffer.from(good(device));
    bytes[bytes.length - 12 - 10]! ^= 0x40;
    expectUnchanged(device, device.handle(bytes), before, ALERT_CODES.trustedSourceAuthenticationFailure);
  });

  it('a wrong MAC is refused with 0x8F3D', () => {
    const { device, before } = fresh();
    const bytes = Buffer.from(good(device));
    bytes[bytes.length - 1]! ^= 0x01;
    const result = device.handle(bytes);
    expect(result.outcome.reasons[0]!.code).to.equal('bad-mac');
    expectUnchanged(device, result, before, ALERT_CODES.trustedSourceAuthenticationFailure);
  });

  it('a replayed or old counter is dropped silently and changes nothing', () => {
    const { device } = fresh();
    const ce = (counter: bigint) =>
      command({
        from: SUPPLIER,
        to: device,
        counter,
        payload: { useCase: 'CS02e', direction: 'command', value: { keyUsage: 'DS' } },
      });
    expect(device.handle(ce(30n)).outcome.status).to.equal('executed');
    const before = cellHolders(device);
    for (const counter of [30n, 29n, 1n]) {
      const result = device.handle(ce(counter));
      expect(result.outcome.reasons[0]!.code).to.equal('replayed-counter');
      expect(result.response).to.equal(undefined);
      expect(result.alerts).to.deep.equal([]);
    }
    expect(device.counter('supplier')).to.equal(30n);
    expect(cellHolders(device)).to.deep.equal(before);
  });

  it('a command for another device is dropped silently', () => {
    const { w, device, before } = fresh();
    const other = installed(w, GSME, 'GSME');
    const result = device.handle(good(other));
    expect(result.outcome.reasons[0]!.code).to.equal('not-for-this-device');
    expectUnchanged(device, result, before);
  });

  it('a command the device type does not take (ECS70 to a GSME) is dropped with 0x8F1E', () => {
    const { w } = fresh();
    const gsme = installed(w, GSME, 'GSME');
    const before = cellHolders(gsme);
    const pre = decodeGroupingHeader(
      buildPreCommand({
        originatorCounter: 5n,
        originator: SUPPLIER,
        recipient: GSME,
        payload: { useCase: 'CS02e', direction: 'command', value: { keyUsage: 'DS' } },
      }),
    );
    const asEcs70 = signPreCommand(
      encodeGroupingHeader({ ...pre, messageCode: 0x0062 }, 'omitted'),
      credential(SUPPLIER, 'DS').privateKey,
    );
    const result = gsme.handle(
      wrapWithMac(
        asEcs70,
        credential(ACB, 'KA').privateKey,
        new X509Certificate(gsme.deviceCertificate('KA')).publicKey,
      ),
    );
    expect(result.outcome.reasons[0]!.code).to.equal('unsupported-command');
    expectUnchanged(gsme, result, before, ALERT_CODES.commandIntegrityFailure);
  });

  it('a CS02b whose authorisingRemotePartySeqNumber differs from the counter is refused with 0x8F1E', () => {
    const { device, before } = fresh();
    const payload = cs02b(
      'supplierBySupplier',
      [{ cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') }],
      99n,
    );
    const result = device.handle(command({ from: SUPPLIER, to: device, counter: 20n, payload }));
    expect(result.outcome.reasons[0]!.code).to.equal('seq-number-mismatch');
    expectUnchanged(device, result, before, ALERT_CODES.commandIntegrityFailure);
  });
});

function commandParts(device: Device) {
  return {
    from: SUPPLIER,
    to: device,
    counter: 20n,
    payload: cs02b(
      'supplierBySupplier',
      [{ cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') }],
      20n,
    ),
  } as const;
}
