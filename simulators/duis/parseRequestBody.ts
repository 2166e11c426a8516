import { InvalidInputError } from '../core/errors.ts';
import { booleanCodec, dateTimeCodec, euiCodec } from './codecs.ts';
import * as t from './duisTypes.ts';
import { compact } from './duisTypes.ts';
import type { ChildCursor, ElementReader } from './ElementReader.ts';
import type {
  DeviceDetails,
  PropertyFilter,
  ReadInventoryBody,
  RequestBody,
  UpdateInventoryBody,
} from './requestBodies.ts';
import {
  authorisingCellFor,
  cell,
  type DuisRemotePartyRole,
  REPLACEMENT_ELEMENTS,
  type Replacement,
} from './trustAnchorCells.ts';

/** The body elements this module reads (the `duisElement` of each SRV in scope, and SignedPreCommand). */
export const BODY_ELEMENTS = [
  'UpdateSecurityCredentialsKRP',
  'UpdateSecurityCredentialsDevice',
  'IssueSecurityCredentials',
  'RequestHandoverOfDCCControlledDevice',
  'UpdateSecurityCredentialsCoS',
  'RetrieveDeviceSecurityCredentialsKRP',
  'RetrieveDeviceSecurityCredentialsDevice',
  'CommissionDeviceSynchroniseClock',
  'ReadInventory',
  'DecommissionDevice',
  'UpdateInventory',
  'DevicePrenotification',
  'SignedPreCommand',
] as const satisfies readonly RequestBody['kind'][];

/** Reads the single child of `sr:Body`; `srvId` is the header's variant (used for derived fields). */
export function parseRequestBody(el: ElementReader, srvId: string): RequestBody {
  const c = el.children();
  const body = readBody(el, c, srvId);
  c.end();
  return body;
}

function readBody(el: ElementReader, c: ChildCursor, srvId: string): RequestBody {
  switch (el.name) {
    case 'UpdateSecurityCredentialsKRP':
    case 'RequestHandoverOfDCCControlledDevice': {
      const executionDateTime = c.optionalValue('ExecutionDateTime', dateTimeCodec);
      const role = c.requiredValue('RemotePartyRole', t.remotePartyRole);
      const remotePartyFloorSeqNumber = c.optionalValue('RemotePartyFloorSeqNumber', t.floorSequenceNumber);
      const remotePartyPrepaymentTopUpFloorSeqNumber = c.optionalValue(
        'RemotePartyPrepaymentTopUpFloorSeqNumber',
        t.floorSequenceNumber,
      );
      const group = c.required('ReplacementCertificates', 'the certificates to place');
      const krp = el.name === 'UpdateSecurityCredentialsKRP';
      const replacements = krp
        ? readKrpReplacements(group, role)
        : readReplacements(group.children(), role, true, true);
      return compact({
        kind: el.name,
        executionDateTime,
        remotePartyRole: role,
        remotePartyFloorSeqNumber,
        remotePartyPrepaymentTopUpFloorSeqNumber,
        replacements,
        certificationPathCertificates: readCertificationPath(c),
        applyTimeBasedCpvChecks: c.requiredValue('ApplyTimeBasedCPVChecks', booleanCodec),
        authorisingCell: authorisingCellFor(srvId, role),
      });
    }
    case 'UpdateSecurityCredentialsCoS':
      return compact({
        kind: el.name,
        executionDateTime: c.optionalValue('ExecutionDateTime', dateTimeCodec),
        supplierFloorSeqNumber: c.requiredValue('SupplierFloorSeqNumber', t.floorSequenceNumber),
        supplierPrepaymentTopUpFloorSeqNumber: c.optionalValue(
          'SupplierPrepaymentTopUpFloorSeqNumber',
          t.floorSequenceNumber,
        ),
        replacements: readReplacements(
          c.required('SupplierReplacementCertificates').children(),
          'Supplier',
          true,
          true,
        ),
        certificationPathCertificates: readCertificationPath(c),
        applyTimeBasedCpvChecks: c.requiredValue('ApplyTimeBasedCPVChecks', booleanCodec),
        importMpxn: c.requiredValue('ImportMPxN', t.importMpxn),
        authorisingCell: authorisingCellFor(srvId, 'Supplier'),
      });
    case 'UpdateSecurityCredentialsDevice':
      return { kind: el.name, deviceCertificate: c.requiredValue('DeviceCertificate', t.certificate) };
    case 'IssueSecurityCredentials':
    case 'RetrieveDeviceSecurityCredentialsDevice':
      return { kind: el.name, credentialType: c.requiredValue('CredentialType', t.credentialType) };
    case 'RetrieveDeviceSecurityCredentialsKRP':
      return {
        kind: el.name,
        remotePartyRoles: c
          .many('RemotePartyRole', 1, 7, t.remotePartyRole.describe)
          .map((r) => r.value(t.remotePartyRole)),
      };
    case 'CommissionDeviceSynchroniseClock':
      return {
        kind: el.name,
        currentDateTime: c.requiredValue('CurrentDateTime', dateTimeCodec),
        tolerancePeriod: c.requiredValue('TolerancePeriod', t.tolerancePeriod),
      };
    case 'ReadInventory':
      return { kind: el.name, selector: readInventorySelector(c) };
    case 'DecommissionDevice':
      return { kind: el.name, deviceId: c.requiredValue('DeviceID', euiCodec) };
    case 'UpdateInventory':
      return {
        kind: el.name,
        deviceId: c.requiredValue('DeviceID', euiCodec),
        update: readInventoryUpdate(c),
      };
    case 'DevicePrenotification':
      return compact({
        kind: el.name,
        deviceId: c.requiredValue('DeviceID', euiCodec),
        deviceManufacturer: c.requiredValue('DeviceManufacturer', t.deviceManufacturer),
        deviceModel: c.requiredValue('DeviceModel', t.deviceModel),
        deviceType: c.requiredValue('DeviceType', t.deviceType),
        smetsChtsVersion: c.optionalValue('SMETSCHTSVersion', t.smetsChtsVersion),
        firmwareVersion: c.optionalValue('FirmwareVersion', t.firmwareVersion),
        esmeVariant: c.optionalValue('ESMEVariant', t.esmeVariant),
        associatedGpfDeviceId: c.optionalValue('AssociatedGPFDeviceID', euiCodec),
      });
    case 'SignedPreCommand':
      return compact({
        kind: el.name,
        executionDateTime: c.optionalValue('ExecutionDateTime', dateTimeCodec),
        gbcsPayload: c.requiredValue('GBCSPayload', t.gbcsPayload),
      });
    default:
      throw new InvalidInputError(
        el.path,
        `one of the body elements the harness reads (${BODY_ELEMENTS.join(', ')})`,
        `element sr:${el.name}`,
      );
  }
}

function readKrpReplacements(group: ElementReader, role: DuisRemotePartyRole): Replacement[] {
  const c = group.children();
  const inner = c.choice(['SupplierOrNetworkOperatorCertificates'], 'the certificates to place');
  c.end();
  return readReplacements(inner.children(), role, false, true);
}

function readReplacements(
  c: ChildCursor,
  role: DuisRemotePartyRole,
  dsRequired: boolean,
  end: boolean,
): Replacement[] {
  const out: Replacement[] = [];
  for (const { element, keyUsage, cellUsage } of REPLACEMENT_ELEMENTS) {
    const reader =
      dsRequired && keyUsage === 'DS' ? c.required(element, t.certificate.describe) : c.optional(element);
    if (reader)
      out.push({ certificate: reader.value(t.certificate), targetCell: cell(role, keyUsage, cellUsage) });
  }
  if (end) c.end();
  return out;
}

function readCertificationPath(c: ChildCursor): Buffer[] {
  const path = c.required('CertificationPathCertificates', 'the issuing CA certificates');
  const inner = path.children();
  const certs = inner.many('Certificate', 1, 3, t.certificate.describe).map((r) => r.value(t.certificate));
  inner.end();
  return certs;
}

function readInventorySelector(c: ChildCursor): ReadInventoryBody['selector'] {
  const el = c.choice(['UPRN', 'DeviceID', 'MPxN', 'PropertyFilter'], 'what to look up');
  switch (el.name) {
    case 'UPRN':
      return { by: 'UPRN', uprn: el.value(t.uprn) };
    case 'DeviceID':
      return { by: 'DeviceID', deviceId: el.value(euiCodec) };
    case 'MPxN':
      return { by: 'MPxN', mpxn: el.value(t.importMpxn) };
    default:
      return { by: 'PropertyFilter', propertyFilter: readPropertyFilter(el) };
  }
}

export function readPropertyFilter(el: ElementReader): PropertyFilter {
  const c = el.children();
  const filter = {
    postCode: c.requiredValue('PostCode', t.postCode),
    addressIdentifier: c.requiredValue('AddressIdentifier', t.addressIdentifier),
  };
  c.end();
  return filter;
}

function readInventoryUpdate(c: ChildCursor): UpdateInventoryBody['update'] {
  const names = [
    'UpdateDeviceStatusExceptCH',
    'UpdateDeviceStatusCH',
    'UpdateDeviceDetails',
    'DeleteDevice',
    'UpdateMPxN',
  ];
  const el = c.choice(names, 'the change to make');
  switch (el.name) {
    case 'UpdateDeviceStatusExceptCH':
      return { kind: el.name, status: el.value(t.deviceStatusExceptCh) };
    case 'UpdateDeviceStatusCH':
      return { kind: el.name, status: el.value(t.deviceStatusCh) };
    case 'UpdateDeviceDetails': {
      const d = el.children();
      const details: DeviceDetails = compact({
        deviceManufacturer: d.optionalValue('DeviceManufacturer', t.deviceManufacturer),
        deviceModel: d.optionalValue('DeviceModel', t.deviceModel),
        smetsChtsVersion: d.optionalValue('SMETSCHTSVersion', t.smetsChtsVersion),
        firmwareVersion: d.optionalValue('FirmwareVersion', t.firmwareVersion),
        esmeVariant: d.optionalValue('ESMEVariant', t.esmeVariant),
      });
      d.end();
      return { kind: el.name, details };
    }
    case 'DeleteDevice':
      el.children().end();
      return { kind: 'DeleteDevice' };
    default: {
      const m = el.children();
      const field = m.choice(['ImportMPxN', 'SecondaryImportMPAN', 'ExportMPAN'], 'the meter point to set');
      m.end();
      const value = field.value(field.name === 'ImportMPxN' ? t.importMpxn : t.mpan);
      return { kind: 'UpdateMPxN', field: field.name as 'ImportMPxN', value };
    }
  }
}
