/** Fault injection, set from data: offline, noResponse, delayedResponse, emptyExecutionOutcome, resourcesBusy, cellOutcome. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { decodeDeviceAlert } from './alerts.ts';
import { parseFault } from './faults.ts';
import {
  cellHolders,
  certificateFor,
  command,
  cs02b,
  decodeResponse,
  installed,
  SUPPLIER,
  SUPPLIER_B,
  world,
} from './testSupport.ts';

const NEW_SUPPLIER_CELLS = () => [
  { cell: 'supplierDS' as const, certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
  { cell: 'supplierKA' as const, certificate: certificateFor(SUPPLIER_B, 'supplierKA') },
];

function withFault(fault: unknown) {
  const w = world();
  const device = installed(w);
  device.setFault(fault);
  const before = cellHolders(device);
  const result = device.handle(
    command({
      from: SUPPLIER,
      to: device,
      counter: 50n,
      payload: cs02b('supplierBySupplier', NEW_SUPPLIER_CELLS(), 50n),
    }),
  );
  return { w, device, before, result };
}

function executionOutcome(bytes: Buffer | undefined) {
  const m = decodeResponse(bytes);
  if (m.payload.useCase !== 'CS02b' || m.payload.direction !== 'response') throw new Error('not CS02b');
  return m.payload.value.executionOutcome;
}

describe('device faults', () => {
  it('offline: no response, no alert, nothing changes', () => {
    const { device, before, result } = withFault('offline');
    expect(result.response).to.equal(undefined);
    expect(result.alerts).to.deep.equal([]);
    expect(result.outcome.reasons[0]!.code).to.equal('offline');
    expect(cellHolders(device)).to.deep.equal(before);
    expect(device.counter('supplier')).to.equal(0n);
  });

  it('noResponse: executes (cells change, 0x8F70 raised) but sends no response', () => {
    const { device, before, result } = withFault({ kind: 'noResponse' });
    expect(result.response).to.equal(undefined);
    expect(result.outcome.status).to.equal('executed');
    expect(result.alerts.map((a) => decodeDeviceAlert(a).alertCode)).to.deep.equal([
      ALERT_CODES.updateSecurityCredentials,
    ]);
    expect(cellHolders(device).supplierDS).to.not.equal(before.supplierDS);
  });

  it('delayedResponse: executes now; the response comes only once the clock has passed the delay', () => {
    const { w, device, before, result } = withFault({ kind: 'delayedResponse', ms: 120_000 });
    expect(result.response).to.equal(undefined);
    expect(result.outcome.responseDueAt).to.deep.equal(new Date(w.clock.now().getTime() + 120_000));
    expect(cellHolders(device).supplierDS).to.not.equal(before.supplierDS);
    w.clock.advance(119_999);
    expect(device.tick().responses).to.deep.equal([]);
    w.clock.advance(1);
    const [response] = device.tick().responses;
    expect(executionOutcome(response)!.certificateOutcomes.map((o) => o.status)).to.deep.equal([
      'success',
      'success',
    ]);
    expect(device.tick().responses).to.deep.equal([]);
  });

  it('emptyExecutionOutcome: executes, but the response carries commandAccepted only', () => {
    const { device, before, result } = withFault('emptyExecutionOutcome');
    expect(executionOutcome(result.response)).to.equal(undefined);
    expect(cellHolders(device).supplierDS).to.not.equal(before.supplierDS);
  });

  it('resourcesBusy: every cell outcome resourcesBusy and nothing changes, not even the counter', () => {
    const { device, before, result } = withFault('resourcesBusy');
    expect(executionOutcome(result.response)!.certificateOutcomes.map((o) => o.status)).to.deep.equal([
      'resourcesBusy',
      'resourcesBusy',
    ]);
    expect(result.alerts).to.deep.equal([]);
    expect(cellHolders(device)).to.deep.equal(before);
    expect(device.counter('supplier')).to.equal(0n);
  });

  it('cellOutcome: one cell fails as told (insufficientMemory), the other is judged normally', () => {
    const { device, before, result } = withFault({
      kind: 'cellOutcome',
      cell: 'supplierKA',
      status: 'insufficientMemory',
    });
    expect(result.outcome.certificateOutcomes!.map((o) => o.status)).to.deep.equal([
      'success',
      'insufficientMemory',
    ]);
    expect(cellHolders(device).supplierKA).to.equal(before.supplierKA);
    expect(cellHolders(device).supplierDS).to.not.equal(before.supplierDS);
  });

  it('a fault is cleared with none, and bad fault data is refused with the field named', () => {
    const w = world();
    const device = installed(w);
    device.setFault('offline');
    expect(device.fault).to.deep.equal({ kind: 'offline' });
    device.setFault('none');
    expect(device.fault).to.equal(undefined);
    expect(() => parseFault({ kind: 'delayedResponse' })).to.throw(InvalidInputError, /fault\.ms/);
    expect(() => parseFault('sleepy')).to.throw(InvalidInputError, /fault\.kind/);
    expect(() => parseFault({ kind: 'cellOutcome', cell: 'supplierDS', status: 'success' })).to.throw(
      InvalidInputError,
    );
  });
});
