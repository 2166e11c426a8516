/** Per-cell outcomes of CS02b: each cell is replaced whole or not at all, others independently. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Smki } from '../smki/index.ts';
import {
  cellHolders,
  certificateFor,
  command,
  credential,
  cs02b,
  decodeResponse,
  GPF,
  installed,
  NO_A,
  SUPPLIER,
  SUPPLIER_B,
  TEST_NOW,
  world,
} from './testSupport.ts';

const OTHER_SMKI = new Smki('another PKI altogether');

function supplierBySupplier(
  replacements: Parameters<typeof cs02b>[1],
  extra: Parameters<typeof cs02b>[3] = {},
) {
  const w = world();
  const device = installed(w);
  const before = cellHolders(device);
  const result = device.handle(
    command({
      from: SUPPLIER,
      to: device,
      counter: 10n,
      payload: cs02b('supplierBySupplier', replacements, 10n, extra),
    }),
  );
  return { device, before, result, statuses: result.outcome.certificateOutcomes?.map((o) => o.status) };
}

describe('CS02b per-cell outcomes', () => {
  it('partial failure: a DS certificate offered for the KA cell is badCertificate, the other cells succeed', () => {
    const { device, before, statuses, result } = supplierBySupplier([
      { cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
      { cell: 'supplierKA', certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
      { cell: 'supplierKAPrePayment', certificate: certificateFor(SUPPLIER_B, 'supplierKAPrePayment') },
    ]);
    expect(statuses).to.deep.equal(['success', 'badCertificate', 'success']);
    expect(result.outcome.reasons.map((r) => r.code)).to.include('wrong-key-usage');
    const after = cellHolders(device);
    expect(after.supplierKA).to.equal(before.supplierKA);
    expect(after.supplierDS).to.not.equal(before.supplierDS);
    // The response reports the failed cell's replacing IDs as its existing ones (RTDS error case).
    const response = decodeResponse(result.response);
    if (response.payload.useCase !== 'CS02b' || response.payload.direction !== 'response')
      throw new Error('not CS02b');
    const ka = response.payload.value.executionOutcome!.certificateOutcomes[1]!;
    expect(ka.replacingSubjectKeyId.equals(ka.existingSubjectKeyId)).to.equal(true);
  });

  it('wrong role: a network operator certificate for a supplier cell is badCertificate', () => {
    const { statuses, result } = supplierBySupplier([
      { cell: 'supplierDS', certificate: certificateFor(NO_A, 'networkOperatorDS') },
    ]);
    expect(statuses).to.deep.equal(['badCertificate']);
    expect(result.outcome.reasons.map((r) => r.code)).to.include('wrong-role');
  });

  it('wrong profile: a device certificate, or an XML-signing certificate, for a supplier cell is badCertificate', () => {
    const w = world();
    const device = w.smki.issueDeviceCertificate({ eui: SUPPLIER_B, usage: 'DS' }).der;
    const xml = w.smki.issueXmlSigningCertificate({ eui: SUPPLIER_B, role: 'supplier' }).der;
    const { statuses } = supplierBySupplier([
      { cell: 'supplierDS', certificate: device },
      { cell: 'supplierDS', certificate: xml },
    ]);
    expect(statuses).to.deep.equal(['noTrustAnchor', 'badCertificate']);
  });

  it('a certificate from another PKI is noTrustAnchor (no path certificate issued it / path not anchored)', () => {
    const foreign = OTHER_SMKI.issueOrganisationCertificate({
      eui: SUPPLIER_B,
      role: 'supplier',
      usage: 'DS',
    }).der;
    expect(supplierBySupplier([{ cell: 'supplierDS', certificate: foreign }]).statuses).to.deep.equal([
      'noTrustAnchor',
    ]);
    const anchoredElsewhere = supplierBySupplier([{ cell: 'supplierDS', certificate: foreign }], {
      path: [OTHER_SMKI.organisationCa.der],
    });
    expect(anchoredElsewhere.statuses).to.deep.equal(['noTrustAnchor']);
    expect(anchoredElsewhere.result.outcome.reasons[0]!.code).to.equal('path-not-anchored');
  });

  it('an expired certificate is badCertificate, unless the command disapplies time-based checks', () => {
    const w = world();
    const expired = w.smki.issueOrganisationCertificate({
      eui: SUPPLIER_B,
      role: 'supplier',
      usage: 'DS',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date(Date.parse(TEST_NOW) - 1000),
    }).der;
    expect(supplierBySupplier([{ cell: 'supplierDS', certificate: expired }]).statuses).to.deep.equal([
      'badCertificate',
    ]);
    expect(
      supplierBySupplier([{ cell: 'supplierDS', certificate: expired }], { applyTimeBasedCpvChecks: 1 })
        .statuses,
    ).to.deep.equal(['success']);
  });

  it('a cell the device type does not have is trustAnchorNotFound: the top-up KA cell on a GPF', () => {
    const w = world();
    const gpf = w.install(GPF, { type: 'GPF', supplier: SUPPLIER, networkOperator: NO_A });
    const result = gpf.handle(
      command({
        from: SUPPLIER,
        to: gpf,
        counter: 3n,
        payload: cs02b(
          'supplierBySupplier',
          [
            { cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') },
            { cell: 'supplierKAPrePayment', certificate: certificateFor(SUPPLIER_B, 'supplierKAPrePayment') },
          ],
          3n,
        ),
      }),
    );
    expect(result.outcome.certificateOutcomes!.map((o) => o.status)).to.deep.equal([
      'success',
      'trustAnchorNotFound',
    ]);
  });

  it('an identifier that is no cell at all (a DS prepayment cell) is trustAnchorNotFound', () => {
    const w = world();
    const device = installed(w);
    const payload = cs02b(
      'supplierBySupplier',
      [{ cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') }],
      4n,
    );
    if (payload.useCase !== 'CS02b' || payload.direction !== 'command') throw new Error('not CS02b');
    const odd = {
      ...payload,
      value: {
        ...payload.value,
        replacements: [
          {
            replacingCertificate: certificateFor(SUPPLIER_B, 'supplierDS'),
            targetTrustAnchorCell: {
              role: 'supplier',
              keyUsage: 'DS',
              cellUsage: 'prePaymentTopUp',
            } as const,
          },
        ],
      },
    };
    const result = device.handle(command({ from: SUPPLIER, to: device, counter: 4n, payload: odd }));
    expect(result.outcome.certificateOutcomes!.map((o) => o.status)).to.deep.equal(['trustAnchorNotFound']);
  });

  it('the floor: after a supplier-by-supplier the new supplier starts at the floor, the response says so', () => {
    const { device, result } = supplierBySupplier(
      [{ cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') }],
      { newRemotePartyFloorSeqNumber: 7n },
    );
    expect(device.counter('supplier')).to.equal(7n);
    const response = decodeResponse(result.response);
    if (response.payload.useCase !== 'CS02b' || response.payload.direction !== 'response')
      throw new Error('not CS02b');
    expect(response.payload.value.executionOutcome!.remotePartySeqNumberChanges).to.deep.equal([
      { role: 'supplier', floorSeqNumber: 7n },
    ]);
    // The new supplier is now the holder and can send with counter 8.
    const next = device.handle(
      command({
        from: SUPPLIER_B,
        to: device,
        counter: 8n,
        payload: { useCase: 'CS02e', direction: 'command', value: { keyUsage: 'DS' } },
        signer: credential(SUPPLIER_B, 'DS').privateKey,
      }),
    );
    expect(next.outcome.status).to.equal('executed');
  });
});
