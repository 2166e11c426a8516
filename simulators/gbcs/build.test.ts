/**
 * Building messages from named inputs reproduces the RTDS bytes; signing and MACing with the RTDS keys
 * gives commands that verify.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { decodeCommandWrapper } from './CommandWrapper.ts';
import type { Cs02bCommand } from './cs02bCommand.ts';
import { cs02dCommand } from './cs02d.ts';
import { DlmsDateTime } from './DlmsDateTime.ts';
import { buildEcs70Request } from './ecs70.ts';
import { decodeGroupingHeader, decodePreCommand, encodeGroupingHeader } from './GroupingHeader.ts';
import { verifyMac } from './mac.ts';
import { buildCommand, buildPreCommand, decodeGbcsMessage, type PreCommandInputs } from './message.ts';
import type { GbcsPayload } from './payload.ts';
import { certificate, loadVector, privateKey, publicKey, SKIP_RTDS } from './rtdsCorpus.ts';
import { signPreCommand, verifyGroupingHeaderSignature } from './signature.ts';

const ACB = Eui.parse('90B3D51F30000002');
const SUPPLIER = Eui.parse('90B3D51F30010000');
const NETWORK_OPERATOR = Eui.parse('90B3D51F30020000');
const ESME = Eui.parse('00DB1234567890A0');
const GSME = Eui.parse('00DB1234567890A1');

/** The certificates a CS02b pre-command carries are opaque inputs: taken from the vector itself. */
function certificatesOf(name: string): { replacing: Buffer[]; path: Buffer[] } {
  const p = decodeGbcsMessage(loadVector(name)).payload;
  if (p.useCase !== 'CS02b' || p.direction !== 'command') throw new Error(`${name} is not a CS02b command`);
  return {
    replacing: p.value.replacements.map((r) => r.replacingCertificate),
    path: [...p.value.certificationPathCertificates],
  };
}

function supplierBySupplier(
  name: string,
  counter: bigint,
  applyTimeBasedCpvChecks?: number,
): PreCommandInputs {
  const certs = certificatesOf(name);
  const value: Cs02bCommand = {
    control: {
      credentialsReplacementMode: 'supplierBySupplier',
      ...(applyTimeBasedCpvChecks !== undefined && { applyTimeBasedCpvChecks }),
      authorisingRemotePartyTaCell: { role: 'supplier', keyUsage: 'DS', cellUsage: 'management' },
      authorisingRemotePartySeqNumber: counter,
      newRemotePartyFloorSeqNumber: 0n,
      otherSeqNumberChanges: [{ id: 0, seqNumber: 0n }],
    },
    replacements: [
      {
        replacingCertificate: certs.replacing[0]!,
        targetTrustAnchorCell: { role: 'supplier', keyUsage: 'DS', cellUsage: 'management' },
      },
      {
        replacingCertificate: certs.replacing[1]!,
        targetTrustAnchorCell: { role: 'supplier', keyUsage: 'KA', cellUsage: 'management' },
      },
      {
        replacingCertificate: certs.replacing[2]!,
        targetTrustAnchorCell: { role: 'supplier', keyUsage: 'KA', cellUsage: 'prePaymentTopUp' },
      },
    ],
    certificationPathCertificates: certs.path,
  };
  return {
    originatorCounter: counter,
    originator: SUPPLIER,
    recipient: ESME,
    payload: { useCase: 'CS02b', direction: 'command', value },
  };
}

function namedPreCommands(): Record<string, PreCommandInputs> {
  const no = certificatesOf('CS02bNOByNO_6.15.1_SUCCESS_PRECOMMAND_GBCS.HEX');
  const cs02b: GbcsPayload = {
    useCase: 'CS02b',
    direction: 'command',
    value: {
      control: {
        credentialsReplacementMode: 'networkOperatorByNetworkOperator',
        authorisingRemotePartyTaCell: { role: 'networkOperator', keyUsage: 'DS', cellUsage: 'management' },
        authorisingRemotePartySeqNumber: 1200n,
        newRemotePartyFloorSeqNumber: 0n,
      },
      replacements: [
        {
          replacingCertificate: no.replacing[0]!,
          targetTrustAnchorCell: { role: 'networkOperator', keyUsage: 'DS', cellUsage: 'management' },
        },
        {
          replacingCertificate: no.replacing[1]!,
          targetTrustAnchorCell: { role: 'networkOperator', keyUsage: 'KA', cellUsage: 'management' },
        },
      ],
      certificationPathCertificates: no.path,
    },
  };
  const fromSupplier = { originatorCounter: 1000n, originator: SUPPLIER, recipient: ESME };
  return {
    'CS02bNOByNO_6.15.1_SUCCESS': {
      originatorCounter: 1200n,
      originator: NETWORK_OPERATOR,
      recipient: ESME,
      payload: cs02b,
    },
    'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_SUCCESS': supplierBySupplier(
      'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_SUCCESS_PRECOMMAND_GBCS.HEX',
      1000n,
      1,
    ),
    'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_ERROR': supplierBySupplier(
      'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_ERROR_PRECOMMAND_GBCS.HEX',
      1003n,
    ),
    'CS02c_6.17_SUCCESS': {
      ...fromSupplier,
      payload: { useCase: 'CS02c', direction: 'command', value: { keyUsage: 'DS' } },
    },
    'CS02d_6.15.2_SUCCESS': {
      ...fromSupplier,
      payload: { useCase: 'CS02d', direction: 'command', value: cs02dCommand(certificate(ESME, 'DS').raw) },
    },
    'ECS70Commission_8.1.1_SUCCESS': {
      ...fromSupplier,
      payload: {
        useCase: 'ECS70',
        direction: 'command',
        value: buildEcs70Request({
          originatorCounter: 1000n,
          clockBase: 5,
          presetTime: DlmsDateTime.unspecified(),
          validityIntervalStart: DlmsDateTime.fromDate(new Date('2014-12-31T23:59:10Z')),
          validityIntervalEnd: DlmsDateTime.fromDate(new Date('2015-01-01T00:00:10Z')),
        }),
      },
    },
    'GCS28Commission_8.1.1_SUCCESS': {
      ...fromSupplier,
      recipient: GSME,
      payload: {
        useCase: 'GCS28',
        direction: 'command',
        value: {
          validityIntervalStart: new Date('2014-12-31T23:30:00Z'),
          validityIntervalEnd: new Date('2015-01-01T00:30:00Z'),
        },
      },
    },
  };
}

describe('building GBCS messages from named inputs', { skip: SKIP_RTDS }, () => {
  const named = SKIP_RTDS ? {} : namedPreCommands();

  for (const [stem, inputs] of Object.entries(named)) {
    it(`${stem}_PRECOMMAND_GBCS.HEX is reproduced exactly`, () => {
      const expected = loadVector(`${stem}_PRECOMMAND_GBCS.HEX`).toString('hex');
      expect(buildPreCommand(inputs).toString('hex')).to.equal(expected);
    });

    it(`${stem}: signing with the ${inputs.originator.hex} DS key and MACing with the ACB KA key makes a command that verifies`, () => {
      const rtds = loadVector(`${stem}_COMMAND_GBCS.HEX`);
      const built = buildCommand(buildPreCommand(inputs), {
        signer: privateKey(inputs.originator, 'DS'),
        macPrivateKey: privateKey(ACB, 'KA'),
        macPublicKey: publicKey(inputs.recipient, 'KA'),
      });
      const message = decodeCommandWrapper(built);
      expect(verifyGroupingHeaderSignature(message.header, publicKey(inputs.originator, 'DS')).ok).to.equal(
        true,
      );
      expect(verifyMac(message, privateKey(ACB, 'KA'), publicKey(inputs.recipient, 'KA')).ok).to.equal(true);
      // Same structure as RTDS: identical up to the signature; ECDSA is randomised, so r‖s and MAC differ.
      expect(built.length).to.equal(rtds.length);
      const signatureAt = built.length - 12 - 64;
      expect(built.subarray(0, signatureAt).toString('hex')).to.equal(
        rtds.subarray(0, signatureAt).toString('hex'),
      );
    });
  }

  it('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX (MAC only, from the ACB) is reproduced exactly', () => {
    const preCommand = buildPreCommand({
      originatorCounter: 1302n,
      originator: ACB,
      recipient: ESME,
      payload: {
        useCase: 'CS02a',
        direction: 'command',
        value: {
          authorisingRemotePartyTaCell: {
            role: 'accessControlBroker',
            keyUsage: 'KA',
            cellUsage: 'management',
          },
          remotePartyRoles: ['supplier', 'networkOperator'],
        },
      },
    });
    const command = buildCommand(preCommand, {
      macPrivateKey: privateKey(ACB, 'KA'),
      macPublicKey: publicKey(ESME, 'KA'),
    });
    expect(command.toString('hex')).to.equal(
      loadVector('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX').toString('hex'),
    );
  });

  it('a device response built from named fields has the signed bytes of the RTDS response', () => {
    const rtds = decodeGroupingHeader(loadVector('CS02bNOByNO_6.15.1_SUCCESS_RESPONSE_GBCS.HEX'));
    const fields = {
      craFlag: 'response' as const,
      originatorCounter: 1200n,
      originator: ESME,
      recipient: NETWORK_OPERATOR,
      dateTime: DlmsDateTime.fromDate(new Date('2015-01-01T00:00:00Z')),
      messageCode: 0x0103,
      content: rtds.content,
    };
    expect(encodeGroupingHeader(fields, rtds.signature).toString('hex')).to.equal(rtds.bytes.toString('hex'));
  });

  it('signPreCommand appends 40 ‖ r‖s, dropping a trailing 00', () => {
    const inputs = named['CS02c_6.17_SUCCESS']!;
    const key = privateKey(SUPPLIER, 'DS');
    for (const trailingZero of [false, true]) {
      const pre = buildPreCommand(inputs, { trailingZero });
      expect(pre.at(-1) === 0).to.equal(trailingZero);
      const signed = signPreCommand(pre, key);
      const h = decodeGroupingHeader(signed);
      expect(signed.length).to.equal(pre.length - (trailingZero ? 1 : 0) + 65);
      expect(h.signedBytes.toString('hex')).to.equal(decodePreCommand(pre).signedBytes.toString('hex'));
      expect(verifyGroupingHeaderSignature(h, publicKey(SUPPLIER, 'DS')).ok).to.equal(true);
    }
  });
});
