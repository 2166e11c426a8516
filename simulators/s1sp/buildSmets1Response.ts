import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { SR_NS } from '../duis/index.ts';
import { serialiseXml, type XmlElement } from '../duis/xmlWriter.ts';
import {
  ASN1_STATUS_NUMBERS,
  type Asn1Status,
  type RemotePartyDetailsContent,
  type ReplacementOutcomeContent,
  type Smets1DebugContent,
  type Smets1ResponseContent,
  type SmetsDataContent,
} from './mmcContent.ts';

/** The MMC (ResponseAndAlert) namespace: the content of every SMETS1 response. */
export const RA_NS = 'http://www.dccinterface.co.uk/ResponseAndAlert';

/**
 * Which root to write:
 * - `SMETS1SignedResponse` (the default): `sr:SMETS1SignedResponse/sr:SMETS1Response` with the MMC
 *   header and body inside, the form the DUIS 5.4 schema gives an S1SP's signed answer (the DSP
 *   carries it in `sr:Response/sr:Body/sr:SMETS1ResponseMessage`). It needs a `ds:Signature` as
 *   its last child to be schema-valid: pass `sign`.
 * - `GBCSResponse`: the same header and body under `ra:GBCSResponse`, the MMC schema's own root,
 *   which has no place for a signature (mmc-5.4.xsd alone validates it).
 */
export type Smets1Envelope = 'SMETS1SignedResponse' | 'GBCSResponse';

export interface BuildSmets1ResponseOptions {
  readonly envelope?: Smets1Envelope;
  /** Applied to the finished XML, e.g. `(xml) => signDuis(xml, s1spKey)`. */
  readonly sign?: (unsignedXml: string) => string;
  /** The root's schemaVersion; default 5.4. */
  readonly schemaVersion?: string;
}

const ERROR_MAX = 250;

/** Writes a SMETS1 response; values the schema would refuse are refused with an InvalidInputError. */
export function buildSmets1Response(
  content: Smets1ResponseContent,
  options: BuildSmets1ResponseOptions = {},
): string {
  const envelope = options.envelope ?? 'SMETS1SignedResponse';
  const schemaVersion = options.schemaVersion ?? '5.4';
  const outer = envelope === 'SMETS1SignedResponse' ? 'sr' : 'ra';
  const header = el(`${outer}:Header`, headerChildren(content));
  const message = el(`${outer}:ResponseMessage`, [
    content.smetsData && ra('SMETSData', [smetsData(content.smetsData)]),
    content.debug && ra('DebugInfo', [ra('SMETS1Debug', [debug(content.debug)])]),
  ]);
  const body = el(`${outer}:Body`, [message]);
  const root: XmlElement =
    envelope === 'SMETS1SignedResponse'
      ? {
          name: 'sr:SMETS1SignedResponse',
          attributes: { 'xmlns:sr': SR_NS, 'xmlns:ra': RA_NS, schemaVersion },
          children: [el('sr:SMETS1Response', [header, body])],
        }
      : { name: 'ra:GBCSResponse', attributes: { 'xmlns:ra': RA_NS, schemaVersion }, children: [header, body] };
  const xml = serialiseXml(root);
  return options.sign ? options.sign(xml) : xml;
}

function headerChildren(c: Smets1ResponseContent): XmlElement[] {
  if (!/^[0-9]+\.[0-9]+(\.[0-9]+)?$/.test(c.serviceReferenceVariant)) {
    throw new InvalidInputError('ra:ServiceReferenceVariant', 'an SRV such as 6.15.1', c.serviceReferenceVariant);
  }
  if (Number.isNaN(c.timestamp.getTime())) throw new InvalidInputError('ra:Timestamp', 'a date', c.timestamp);
  return [
    raText('BusinessOriginatorID', eui(c.deviceId)),
    raText('BusinessTargetID', eui(c.userId)),
    raText('OriginatorCounter', c.counter.toString()),
    raText('ServiceReference', c.serviceReferenceVariant.split('.').slice(0, 2).join('.')),
    raText('ServiceReferenceVariant', c.serviceReferenceVariant),
    raText('Timestamp', c.timestamp.toISOString()),
  ];
}

function smetsData(d: SmetsDataContent): XmlElement {
  const attributes = { MessageSuccess: String(d.messageSuccess) };
  if (d.kind === 'RetrieveDeviceSecurityCredentialsKRPRsp') {
    return { name: `ra:${d.kind}`, attributes, children: d.remotePartyDetails.map(remotePartyDetails) };
  }
  const outcome = d.executionOutcome;
  if (outcome !== undefined && outcome.replacements.length > 3) {
    throw new InvalidInputError('ra:ReplacementOutcome', 'at most 3 replacements', outcome.replacements.length);
  }
  const children = outcome && [
    ra('ExecutionOutcome', [
      raText('CredentialsReplacementMode', outcome.credentialsReplacementMode),
      ...outcome.replacements.map(replacementOutcome),
    ]),
  ];
  return { name: `ra:${d.kind}`, attributes, children: children ?? [] };
}

function replacementOutcome(r: ReplacementOutcomeContent): XmlElement {
  return ra('ReplacementOutcome', [
    status('StatusCode', r.status),
    raText('CertificateType', r.certificateType),
    raText('RemotePartyRole', r.remotePartyRole),
    r.existingRemotePartyId && raText('ExistingRemotePartyID', eui(r.existingRemotePartyId)),
    r.newRemotePartyId && raText('NewRemotePartyID', eui(r.newRemotePartyId)),
    r.existingCertificateHash && raText('ExistingCertificateHash', r.existingCertificateHash.toString('base64')),
    r.newCertificateHash && raText('NewCertificateHash', r.newCertificateHash.toString('base64')),
  ]);
}

function remotePartyDetails(d: RemotePartyDetailsContent): XmlElement {
  return ra('RemotePartyDetails', [
    raText('RemotePartyRole', d.remotePartyRole),
    status('StatusCode', d.status),
    d.certificateUsage && raText('CertificateUsage', d.certificateUsage),
    d.existingRemotePartyId && raText('ExistingRemotePartyID', eui(d.existingRemotePartyId)),
    d.existingCertificateHash && raText('ExistingCertificateHash', d.existingCertificateHash.toString('base64')),
  ]);
}

function debug(d: Smets1DebugContent): XmlElement {
  if (!Number.isSafeInteger(d.responseCode)) {
    throw new InvalidInputError('ra:SMETS1Response/@ResponseCode', 'an integer', d.responseCode);
  }
  const error = d.error.length > ERROR_MAX ? `${d.error.slice(0, ERROR_MAX - 1)}…` : d.error;
  return {
    name: 'ra:SMETS1Response',
    attributes: { ResponseCode: String(d.responseCode), Position: '1' },
    children: [raText('Error', error)],
  };
}

function status(name: string, value: Asn1Status): XmlElement {
  return {
    name: `ra:${name}`,
    attributes: { ResponseCode: String(ASN1_STATUS_NUMBERS[value]) },
    children: [raText('ASN1Status', value)],
  };
}

function eui(id: Eui): string {
  return id.toString();
}

function el(name: string, children: readonly (XmlElement | undefined)[]): XmlElement {
  return { name, children: children.filter((c): c is XmlElement => c !== undefined) };
}

function ra(name: string, children: readonly (XmlElement | undefined)[]): XmlElement {
  return el(`ra:${name}`, children);
}

function raText(name: string, text: string): XmlElement {
  return { name: `ra:${name}`, text };
}
