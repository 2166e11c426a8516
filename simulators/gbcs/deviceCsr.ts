import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import { publicKeyFromSpki, spkiOf } from '../smki/publicKeyCache.ts';
import { readDer, readerOver, TAG } from './derReader.ts';
import { bitString, constructed, encodeDer, integer, oid, raw, seq } from './derWriter.ts';
import { derOfRawSignature, rawOfDerSignature } from './ecdsaSignatureDer.ts';
import type { GbcsSigning } from './GbcsSigning.ts';
import { ECDSA_GBCS_SIGNING } from './signature.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import { type DeviceExtensions, deviceExtensionNodes, OID, readDeviceExtensions } from './x509.ts';

/** A PKCS#10 request as a device returns it for CS02c, with the parts a DCC/CA would check. */
export interface DeviceCsr extends DeviceExtensions {
  readonly der: Buffer;
  /** CertificationRequestInfo, exactly as signed. */
  readonly certificationRequestInfo: Buffer;
  readonly subjectPublicKeyInfo: Buffer;
  readonly signatureAlgorithm: string;
  /** The ECDSA signature as carried (DER SEQUENCE { r, s }). */
  readonly signature: Buffer;
}

export function decodeDeviceCsr(der: Buffer, base = 0): DeviceCsr {
  return readDer(der, base, 'CSR', (top) => {
    const csr = top.sequence('CSR');
    const infoTlv = csr.tlv(TAG.SEQUENCE, 'certificationRequestInfo');
    const info = readerOver(infoTlv);
    const versionAt = info.offset;
    const version = info.integer('CSR version');
    if (version !== 0n) throw new GbcsDecodeError('CSR version', versionAt, '0 (v1)', version.toString());
    info.tlv(TAG.SEQUENCE, 'CSR subject');
    const subjectPublicKeyInfo = info.tlv(TAG.SEQUENCE, 'subjectPublicKeyInfo').raw;
    let extensions: DeviceExtensions = {};
    const attributes = info.sequence('CSR attributes', 0xa0);
    while (!attributes.done) {
      const a = attributes.sequence('CSR attribute');
      const type = a.oid('CSR attribute type');
      const values = a.sequence('CSR attribute values', TAG.SET);
      if (type === OID.extensionRequest) extensions = readDeviceExtensions(values, 'extensionRequest');
      a.end('CSR attribute');
    }
    info.end('certificationRequestInfo');
    const alg = csr.sequence('CSR signatureAlgorithm');
    const signatureAlgorithm = alg.oid('CSR signatureAlgorithm');
    const { bytes: signature } = csr.bitString('CSR signature');
    return {
      der,
      certificationRequestInfo: infoTlv.raw,
      subjectPublicKeyInfo,
      signatureAlgorithm,
      signature,
      ...extensions,
    };
  });
}

/**
 * Whether the CSR is signed by the key it carries (proof of possession). The key object comes from
 * the process-wide cache (usually the one the device derived moments before); the signature is
 * checked on the CSR's own bytes every time – with ECDSA, or with the in-process seals of the
 * device's estate (decision 0013), which the DER carries as its r and s.
 */
export function verifyDeviceCsr(csr: DeviceCsr, signing: GbcsSigning = ECDSA_GBCS_SIGNING): boolean {
  if (csr.signatureAlgorithm !== OID.ecdsaWithSha256) return false;
  const signature = rawOfDerSignature(csr.signature);
  if (signature === undefined) return false;
  const key = publicKeyFromSpki(csr.subjectPublicKeyInfo);
  return signing.verify(csr.certificationRequestInfo, signature, key);
}

export interface DeviceCsrInputs {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyUsage: KeyUsage;
  readonly deviceId: Eui;
  readonly hwType?: string;
}

/** The CertificationRequestInfo a SMETS2 device builds: empty subject, extensionRequest keyUsage + SAN. */
export function encodeCertificationRequestInfo(inputs: Omit<DeviceCsrInputs, 'privateKey'>): Buffer {
  const spki = spkiOf(inputs.publicKey);
  const extensionRequest = seq(
    oid(OID.extensionRequest),
    constructed(TAG.SET, seq(...deviceExtensionNodes(inputs.keyUsage, inputs.deviceId, inputs.hwType))),
  );
  return encodeDer(seq(integer(0), seq(), raw(spki), constructed(0xa0, extensionRequest)));
}

/** A CSR as a device answers CS02c: built and signed with the new key pair (ECDSA unless `signing` says). */
export function buildDeviceCsr(inputs: DeviceCsrInputs, signing: GbcsSigning = ECDSA_GBCS_SIGNING): Buffer {
  const info = encodeCertificationRequestInfo(inputs);
  const signature = derOfRawSignature(signing.sign(info, inputs.privateKey));
  return encodeDer(seq(raw(info), seq(oid(OID.ecdsaWithSha256)), bitString(signature)));
}
