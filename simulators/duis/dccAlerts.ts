import { XMLSerializer } from '@xmldom/xmldom';
import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { base64Codec, bigintCodec, enumCodec, euiCodec } from './codecs.ts';
import type { CertificateType, DccAlert, UnmodelledElement } from './DuisResponse.ts';
import * as t from './duisTypes.ts';
import { compact } from './duisTypes.ts';
import type { ElementReader } from './ElementReader.ts';
import { srElement, srOptional, srText, srValue, type XmlElement } from './xmlWriter.ts';

const certificateTypeCodec = enumCodec<CertificateType>([
  'DigitalSigning',
  'KeyAgreement',
  'KeyAgreementTopUp',
]);
/** sr:SHA1 is a bare xs:base64Binary; a SHA-1 hash is 20 bytes but the schema does not say so. */
const sha1Codec = base64Codec({ what: 'a certificate hash' });
const scheduleIdCodec = bigintCodec(0n, 1_000_000_000_000n);

/** Keeps an element the harness does not model as XML text. */
export function unmodelled(el: ElementReader): UnmodelledElement {
  return { kind: 'Unmodelled', name: el.name, xml: new XMLSerializer().serializeToString(el.element) };
}

/** Reads the single child of sr:DCCAlert. */
export function readDccAlert(el: ElementReader): DccAlert {
  const c = el.children();
  const alertEl = c.choice(DCC_ALERT_ELEMENTS, 'the DCC alert');
  c.end();
  const a = alertEl.children();
  let alert: DccAlert;
  switch (alertEl.name) {
    case 'SecurityCredentialsUpdated': {
      const deviceId = a.requiredValue('DeviceID', euiCodec);
      const remotePartyRole = a.requiredValue('RemotePartyRole', t.remotePartyRole);
      const change = a.optional('RemotePartySeqNumberChange');
      let remotePartySeqNumberChange: Extract<
        DccAlert,
        { kind: 'SecurityCredentialsUpdated' }
      >['remotePartySeqNumberChange'];
      if (change) {
        const s = change.children();
        remotePartySeqNumberChange = compact({
          remotePartyFloorSeqNumber: s.requiredValue('RemotePartyFloorSeqNumber', t.floorSequenceNumber),
          remotePartyPrepaymentTopUpFloorSeqNumber: s.optionalValue(
            'RemotePartyPrepaymentTopUpFloorSeqNumber',
            t.floorSequenceNumber,
          ),
        });
        s.end();
      }
      const certificates = a.many('Certificates', 1, 3).map((certEl) => {
        const cc = certEl.children();
        const entry = {
          certificateType: cc.requiredValue('CertificateType', certificateTypeCodec),
          certificateHash: cc.requiredValue('CertificateHash', sha1Codec),
        };
        cc.end();
        return entry;
      });
      alert = compact({
        kind: 'SecurityCredentialsUpdated',
        deviceId,
        remotePartyRole,
        remotePartySeqNumberChange,
        certificates,
      });
      break;
    }
    case 'CommandFailure': {
      const idEl = a.required('CommandRequestID');
      alert = compact({
        kind: 'CommandFailure',
        commandRequestId: RequestId.parse(idEl.text(), idEl.path),
        dspScheduleId: a.optionalValue('DSPScheduleID', scheduleIdCodec),
        deviceId: a.requiredValue('DeviceID', euiCodec),
      });
      break;
    }
    default:
      return unmodelled(alertEl);
  }
  a.end();
  return alert;
}

/** Writes sr:DCCAlert with its one child. */
export function dccAlertElement(alert: DccAlert, path: string): XmlElement {
  const p = `${path}/sr:${alert.kind}`;
  switch (alert.kind) {
    case 'SecurityCredentialsUpdated': {
      const change = alert.remotePartySeqNumberChange;
      const q = `${p}/sr:RemotePartySeqNumberChange`;
      if (
        !Array.isArray(alert.certificates) ||
        alert.certificates.length < 1 ||
        alert.certificates.length > 3
      ) {
        throw new InvalidInputError(
          `${p}/sr:Certificates`,
          '1 to 3 certificate entries',
          alert.certificates?.length,
        );
      }
      return srElement('DCCAlert', [
        srElement('SecurityCredentialsUpdated', [
          srValue('DeviceID', euiCodec, alert.deviceId, p),
          srValue('RemotePartyRole', t.remotePartyRole, alert.remotePartyRole, p),
          change === undefined
            ? undefined
            : srElement('RemotePartySeqNumberChange', [
                srValue(
                  'RemotePartyFloorSeqNumber',
                  t.floorSequenceNumber,
                  change.remotePartyFloorSeqNumber,
                  q,
                ),
                srOptional(
                  'RemotePartyPrepaymentTopUpFloorSeqNumber',
                  t.floorSequenceNumber,
                  change.remotePartyPrepaymentTopUpFloorSeqNumber,
                  q,
                ),
              ]),
          ...alert.certificates.map((cert, i) => {
            const r = `${p}/sr:Certificates[${i + 1}]`;
            return srElement('Certificates', [
              srValue('CertificateType', certificateTypeCodec, cert.certificateType, r),
              srValue('CertificateHash', sha1Codec, cert.certificateHash, r),
            ]);
          }),
        ]),
      ]);
    }
    case 'CommandFailure':
      return srElement('DCCAlert', [
        srElement('CommandFailure', [
          srText('CommandRequestID', alert.commandRequestId.toString()),
          srOptional('DSPScheduleID', scheduleIdCodec, alert.dspScheduleId, p),
          srValue('DeviceID', euiCodec, alert.deviceId, p),
        ]),
      ]);
    default:
      throw new InvalidInputError(
        path,
        'a DCC alert the harness can write (SecurityCredentialsUpdated, CommandFailure)',
        alert.kind,
      );
  }
}

/** The children sr:DCCAlert may hold (DUIS 5.4); all but the two modelled ones are kept as XML. */
const DCC_ALERT_ELEMENTS = [
  'PowerOutageEvent',
  'DeviceStatusChangeEvent',
  'DSPScheduleRemoval',
  'CommandFailure',
  'FirmwareDistributionFailure',
  'UpdateHANDeviceLogResult',
  'ChangeOfSupplier',
  'DeviceLogRestored',
  'PPMIDAlert',
  'SecurityCredentialsUpdated',
  'PPMIDRemoval',
  'QuarantinedRequest',
  'FirmwareVersionMismatch',
  'DualBandCHAlert',
  'S1SPAlertDSP',
  'SMETS1CHFirmwareNotification',
  'ALCSHCALCSConfigurationChange',
  'FirmwareUpgradeRequested',
  'CSPFirmwareDeliveryStatus',
  'CommsHubAlert',
  'ECoSAlert',
  'CommsHubFirmwareActivation',
  'CoSCertificateAlert',
  'DUISVersionMismatch',
];
