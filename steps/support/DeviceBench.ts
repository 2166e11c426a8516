import { X509Certificate } from 'node:crypto';
import { Eui } from '../../simulators/core/Eui.ts';
import type { Estate } from '../../simulators/estate/Estate.ts';
import { buildCommand, buildPreCommand, type GbcsPayload } from '../../simulators/gbcs/index.ts';
import { type CommandOutcome, type Device, estateCertificateSource, Fleet } from '../../simulators/smets2/index.ts';

/**
 * A few SMETS2 devices driven directly with GBCS commands, as the DCC would deliver them (signed by
 * the sender, MAC'd with the ACB's key). Device-level scenarios use it; end-to-end scenarios go
 * through the DSP instead.
 */
export class DeviceBench {
  readonly fleet: Fleet;
  #esme: Device | undefined;
  #counter = 1000n;
  lastOutcome: CommandOutcome | undefined;

  constructor(private readonly estate: Estate) {
    this.fleet = new Fleet({ smki: estate.smki, clock: estate.clock, capacity: 16 });
  }

  get esme(): Device {
    if (this.#esme === undefined) throw new Error('No ESME: install one first');
    return this.#esme;
  }

  installEsme(supplier: Eui, networkOperator: Eui, eui = Eui.parse('00-DB-00-00-00-00-00-01')): Device {
    const source = estateCertificateSource(this.estate);
    this.#esme = this.fleet.install(eui, { type: 'ESME', supplier, networkOperator }, source);
    return this.#esme;
  }

  /** CS02b networkOperatorByNetworkOperator placing `owner`'s DS and KA certificates, signed by `sender`. */
  async replaceNetworkOperatorCells(sender: Eui, owner: Eui): Promise<CommandOutcome> {
    const [ds, ka] = await Promise.all([this.estate.keyStore.lookup(owner, 'DS'), this.estate.keyStore.lookup(owner, 'KA')]);
    const counter = ++this.#counter;
    const cell = (keyUsage: 'DS' | 'KA') => ({ role: 'networkOperator' as const, keyUsage, cellUsage: 'management' as const });
    const payload: GbcsPayload = {
      useCase: 'CS02b',
      direction: 'command',
      value: {
        control: {
          credentialsReplacementMode: 'networkOperatorByNetworkOperator',
          authorisingRemotePartySeqNumber: counter,
          newRemotePartyFloorSeqNumber: 0n,
        },
        replacements: [
          { replacingCertificate: Buffer.from(ds.certificate.raw), targetTrustAnchorCell: cell('DS') },
          { replacingCertificate: Buffer.from(ka.certificate.raw), targetTrustAnchorCell: cell('KA') },
        ],
        certificationPathCertificates: [this.estate.smki.organisationCa.der],
      },
    };
    return this.#send(sender, counter, payload);
  }

  async #send(sender: Eui, counter: bigint, payload: GbcsPayload): Promise<CommandOutcome> {
    const device = this.esme;
    const pre = buildPreCommand({ originatorCounter: counter, originator: sender, recipient: device.eui, payload });
    const signer = await this.estate.keyStore.lookup(sender, 'DS');
    const acb = await this.estate.keyStore.lookup(this.estate.parties.ofKind('accessControlBroker')[0]!.eui, 'KA');
    const bytes = buildCommand(pre, {
      signer: signer.privateKey,
      macPrivateKey: acb.privateKey,
      macPublicKey: new X509Certificate(device.deviceCertificate('KA')).publicKey,
    });
    this.lastOutcome = device.handle(bytes, this.estate.clock.now()).outcome;
    return this.lastOutcome;
  }
}
