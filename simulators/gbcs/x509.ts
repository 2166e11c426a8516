import { Eui } from '../core/Eui.ts';
import { ownedCopy } from '../core/ownedCopy.ts';
import type { KeyUsage } from '../core/roles.ts';
import { type DerReader, readDer, readerOver, TAG } from './derReader.ts';
import { constructed, type DerNode, octetString, oid, primitive, seq } from './derWriter.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import { keyUsageNode, readKeyUsage } from './TrustAnchorCell.ts';

export const OID = {
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  hardwareModuleName: '1.3.6.1.5.5.7.8.4',
  extensionRequest: '1.2.840.113549.1.9.14',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  /** hwType of SMETS2 device certificates in RTDS (`1.2.826.0.1.8641679.1.2.2.1`). */
  smets2HwType: '1.2.826.0.1.8641679.1.2.2.1',
} as const;

/** What the harness reads from a device certificate's or CSR's extensions. */
export interface DeviceExtensions {
  readonly keyUsage?: KeyUsage;
  /** hardwareModuleName hwSerialNum: the device's EUI-64. */
  readonly deviceId?: Eui;
  readonly hwType?: string;
}

/** Extensions ::= SEQUENCE OF Extension; unknown extensions are skipped. */
export function readDeviceExtensions(r: DerReader, field: string): DeviceExtensions {
  let out: DeviceExtensions = {};
  const exts = r.sequence(field);
  while (!exts.done) {
    const e = exts.sequence(`${field}.extension`);
    const id = e.oid(`${field}.extnID`);
    if (e.peekTag() === TAG.BOOLEAN) e.any(`${field}.critical`);
    const valueTlv = e.tlv(TAG.OCTET_STRING, `${field}.extnValue`);
    e.end(`${field}.extension`);
    if (id === OID.keyUsage) {
      out = {
        ...out,
        keyUsage: readDer(valueTlv.value, valueTlv.valueOffset, 'keyUsage', (v) => readKeyUsage(v)),
      };
    } else if (id === OID.subjectAltName) {
      out = {
        ...out,
        ...readDer(valueTlv.value, valueTlv.valueOffset, 'subjectAltName', readHardwareModuleName),
      };
    }
  }
  return out;
}

function readHardwareModuleName(r: DerReader): { deviceId?: Eui; hwType?: string } {
  const names = r.sequence('subjectAltName');
  while (!names.done) {
    const tlv = names.any('subjectAltName.name');
    if (tlv.tag !== 0xa0) continue;
    const other = readerOver(tlv);
    if (other.oid('otherName.type-id') !== OID.hardwareModuleName) continue;
    const hw = other.sequence('hardwareModuleName', 0xa0).sequence('hardwareModuleName');
    const hwType = hw.oid('hwType');
    const at = hw.offset;
    const serial = hw.octetString('hwSerialNum');
    if (serial.length !== 8)
      throw new GbcsDecodeError('hwSerialNum', at, 'an 8-byte device ID', `${serial.length} bytes`);
    return { hwType, deviceId: Eui.fromBytes(serial) };
  }
  return {};
}

/** Critical keyUsage then critical subjectAltName hardwareModuleName, as SMETS2 devices ask for them. */
export function deviceExtensionNodes(
  keyUsage: KeyUsage,
  deviceId: Eui,
  hwType: string = OID.smets2HwType,
): DerNode[] {
  const critical = primitive(TAG.BOOLEAN, Buffer.from([0xff]));
  const san = seq(
    constructed(
      0xa0,
      oid(OID.hardwareModuleName),
      constructed(0xa0, seq(oid(hwType), octetString(deviceId.toBytes()))),
    ),
  );
  return [
    seq(oid(OID.keyUsage), critical, wrapOctets(keyUsageNode(keyUsage))),
    seq(oid(OID.subjectAltName), critical, wrapOctets(san)),
  ];
}

function wrapOctets(node: DerNode): DerNode {
  return { tag: TAG.OCTET_STRING, children: [node] };
}

/** The fields of an X.509 certificate the harness needs from a CS02d / CS02e payload. */
export interface CertificateSummary extends DeviceExtensions {
  readonly serialNumber: bigint;
  readonly subjectPublicKeyInfo: Buffer;
}

/**
 * Summaries by certificate (its DER as latin1 text): a CS02d certificate is summarised where the DSP
 * writes the command, where it is encoded, where the device reads it and where the tracker does –
 * the same bytes each time. Bounded, oldest out first; a summary's key is a copy of its own, so no
 * caller's buffer is kept or shared. Certificates that do not read are not kept: each caller gets its
 * own error, with its own offset and field.
 */
const SUMMARIES = new Map<string, CertificateSummary>();
const SUMMARY_CACHE_SIZE = 1024;

export function summariseCertificate(der: Buffer, base = 0, field = 'certificate'): CertificateSummary {
  const key = der.toString('latin1');
  let summary = SUMMARIES.get(key);
  if (summary === undefined) {
    const read = readSummary(der, base, field);
    summary = Object.freeze({ ...read, subjectPublicKeyInfo: ownedCopy(read.subjectPublicKeyInfo) });
    SUMMARIES.set(key, summary);
    if (SUMMARIES.size > SUMMARY_CACHE_SIZE) SUMMARIES.delete(SUMMARIES.keys().next().value!);
  }
  return summary;
}

function readSummary(der: Buffer, base: number, field: string): CertificateSummary {
  return readDer(der, base, field, (top) => {
    const cert = top.sequence(field);
    const tbs = cert.sequence(`${field}.tbsCertificate`);
    if (tbs.peekTag() === 0xa0) tbs.any(`${field}.version`);
    const serialNumber = tbs.integer(`${field}.serialNumber`);
    for (const part of ['signature', 'issuer', 'validity', 'subject'])
      tbs.tlv(TAG.SEQUENCE, `${field}.${part}`);
    const subjectPublicKeyInfo = tbs.tlv(TAG.SEQUENCE, `${field}.subjectPublicKeyInfo`).raw;
    let extensions: DeviceExtensions = {};
    while (!tbs.done) {
      const tlv = tbs.any(`${field}.tbsCertificate`);
      if (tlv.tag === 0xa3) extensions = readDeviceExtensions(readerOver(tlv), `${field}.extensions`);
    }
    return { serialNumber, subjectPublicKeyInfo, ...extensions };
  });
}
