import { InvalidInputError } from '../core/errors.ts';
import { booleanCodec, dateTimeCodec, euiCodec } from './codecs.ts';
import * as t from './duisTypes.ts';
import type { PropertyFilter, ReadInventoryBody, RequestBody, UpdateInventoryBody } from './requestBodies.ts';
import { type DuisRemotePartyRole, REPLACEMENT_ELEMENTS, type Replacement } from './trustAnchorCells.ts';
import { srElement, srOptional, srValue, type XmlElement } from './xmlWriter.ts';

/** Writes the child of `sr:Body` for a typed body; refuses values the schema would refuse. */
export function buildRequestBody(body: RequestBody, bodyPath: string): XmlElement {
  const p = `${bodyPath}/sr:${body.kind}`;
  switch (body.kind) {
    case 'UpdateSecurityCredentialsKRP':
    case 'RequestHandoverOfDCCControlledDevice': {
      const krp = body.kind === 'UpdateSecurityCredentialsKRP';
      const certs = replacementElements(
        body.replacements,
        body.remotePartyRole,
        !krp,
        `${p}/sr:ReplacementCertificates`,
      );
      return srElement(body.kind, [
        srOptional('ExecutionDateTime', dateTimeCodec, body.executionDateTime, p),
        srValue('RemotePartyRole', t.remotePartyRole, body.remotePartyRole, p),
        srOptional('RemotePartyFloorSeqNumber', t.floorSequenceNumber, body.remotePartyFloorSeqNumber, p),
        srOptional(
          'RemotePartyPrepaymentTopUpFloorSeqNumber',
          t.floorSequenceNumber,
          body.remotePartyPrepaymentTopUpFloorSeqNumber,
          p,
        ),
        srElement(
          'ReplacementCertificates',
          krp ? [srElement('SupplierOrNetworkOperatorCertificates', certs)] : certs,
        ),
        certificationPath(body.certificationPathCertificates, p),
        srValue('ApplyTimeBasedCPVChecks', booleanCodec, body.applyTimeBasedCpvChecks, p),
      ]);
    }
    case 'UpdateSecurityCredentialsCoS':
      return srElement(body.kind, [
        srOptional('ExecutionDateTime', dateTimeCodec, body.executionDateTime, p),
        srValue('SupplierFloorSeqNumber', t.floorSequenceNumber, body.supplierFloorSeqNumber, p),
        srOptional(
          'SupplierPrepaymentTopUpFloorSeqNumber',
          t.floorSequenceNumber,
          body.supplierPrepaymentTopUpFloorSeqNumber,
          p,
        ),
        srElement(
          'SupplierReplacementCertificates',
          replacementElements(body.replacements, 'Supplier', true, `${p}/sr:SupplierReplacementCertificates`),
        ),
        certificationPath(body.certificationPathCertificates, p),
        srValue('ApplyTimeBasedCPVChecks', booleanCodec, body.applyTimeBasedCpvChecks, p),
        srValue('ImportMPxN', t.importMpxn, body.importMpxn, p),
      ]);
    case 'UpdateSecurityCredentialsDevice':
      return srElement(body.kind, [srValue('DeviceCertificate', t.certificate, body.deviceCertificate, p)]);
    case 'IssueSecurityCredentials':
    case 'RetrieveDeviceSecurityCredentialsDevice':
      return srElement(body.kind, [srValue('CredentialType', t.credentialType, body.credentialType, p)]);
    case 'RetrieveDeviceSecurityCredentialsKRP': {
      const roles = body.remotePartyRoles;
      if (!Array.isArray(roles) || roles.length < 1 || roles.length > 7) {
        throw new InvalidInputError(`${p}/sr:RemotePartyRole`, '1 to 7 remote party roles', roles?.length);
      }
      return srElement(
        body.kind,
        roles.map((r, i) => srValue('RemotePartyRole', t.remotePartyRole, r, p, i + 1)),
      );
    }
    case 'CommissionDeviceSynchroniseClock':
      return srElement(body.kind, [
        srValue('CurrentDateTime', dateTimeCodec, body.currentDateTime, p),
        srValue('TolerancePeriod', t.tolerancePeriod, body.tolerancePeriod, p),
      ]);
    case 'ReadInventory':
      return srElement(body.kind, [inventorySelector(body.selector, p)]);
    case 'DecommissionDevice':
      return srElement(body.kind, [srValue('DeviceID', euiCodec, body.deviceId, p)]);
    case 'UpdateInventory':
      return srElement(body.kind, [
        srValue('DeviceID', euiCodec, body.deviceId, p),
        inventoryUpdate(body.update, p),
      ]);
    case 'DevicePrenotification':
      return srElement(body.kind, [
        srValue('DeviceID', euiCodec, body.deviceId, p),
        srValue('DeviceManufacturer', t.deviceManufacturer, body.deviceManufacturer, p),
        srValue('DeviceModel', t.deviceModel, body.deviceModel, p),
        srValue('DeviceType', t.deviceType, body.deviceType, p),
        srOptional('SMETSCHTSVersion', t.smetsChtsVersion, body.smetsChtsVersion, p),
        srOptional('FirmwareVersion', t.firmwareVersion, body.firmwareVersion, p),
        srOptional('ESMEVariant', t.esmeVariant, body.esmeVariant, p),
        srOptional('AssociatedGPFDeviceID', euiCodec, body.associatedGpfDeviceId, p),
      ]);
    case 'SignedPreCommand':
      return srElement(body.kind, [
        srOptional('ExecutionDateTime', dateTimeCodec, body.executionDateTime, p),
        srValue('GBCSPayload', t.gbcsPayload, body.gbcsPayload, p),
      ]);
    default: {
      const kind: unknown = (body as { kind?: unknown }).kind;
      throw new InvalidInputError(`${bodyPath}`, 'a request body of a known kind', kind);
    }
  }
}

/** The certificate elements for `replacements`, in schema order; each target must be a cell of `role`. */
function replacementElements(
  replacements: readonly Replacement[],
  role: DuisRemotePartyRole,
  dsRequired: boolean,
  path: string,
): XmlElement[] {
  const out: XmlElement[] = [];
  for (const { element, keyUsage, cellUsage } of REPLACEMENT_ELEMENTS) {
    const matching = replacements.filter(
      (r) => r.targetCell.keyUsage === keyUsage && r.targetCell.cellUsage === cellUsage,
    );
    if (matching.length > 1) {
      throw new InvalidInputError(
        `${path}/sr:${element}`,
        'at most one certificate per cell',
        matching.length,
      );
    }
    const r = matching[0];
    if (r === undefined) {
      if (dsRequired && keyUsage === 'DS') {
        throw new InvalidInputError(
          `${path}/sr:${element}`,
          'a replacement for the DS cell (mandatory here)',
          undefined,
        );
      }
      continue;
    }
    if (r.targetCell.role !== role) {
      throw new InvalidInputError(
        `${path}/sr:${element}`,
        `a target cell of role ${role}`,
        r.targetCell.role,
      );
    }
    out.push(srValue(element, t.certificate, r.certificate, path));
  }
  const placed = out.length;
  if (placed !== replacements.length) {
    throw new InvalidInputError(
      path,
      'target cells DS/management, KA/management or KA/prePaymentTopUp',
      'another cell',
    );
  }
  return out;
}

function certificationPath(certs: readonly Buffer[], parentPath: string): XmlElement {
  const p = `${parentPath}/sr:CertificationPathCertificates`;
  if (!Array.isArray(certs) || certs.length < 1 || certs.length > 3) {
    throw new InvalidInputError(
      `${p}/sr:Certificate`,
      '1 to 3 certification path certificates',
      certs?.length,
    );
  }
  return srElement(
    'CertificationPathCertificates',
    certs.map((cert, i) => srValue('Certificate', t.certificate, cert, p, i + 1)),
  );
}

function inventorySelector(selector: ReadInventoryBody['selector'], p: string): XmlElement {
  switch (selector.by) {
    case 'UPRN':
      return srValue('UPRN', t.uprn, selector.uprn, p);
    case 'DeviceID':
      return srValue('DeviceID', euiCodec, selector.deviceId, p);
    case 'MPxN':
      return srValue('MPxN', t.importMpxn, selector.mpxn, p);
    case 'PropertyFilter':
      return propertyFilterElement(selector.propertyFilter, `${p}/sr:PropertyFilter`);
    default:
      throw new InvalidInputError(`${p}/selector`, 'UPRN, DeviceID, MPxN or PropertyFilter', selector);
  }
}

export function propertyFilterElement(filter: PropertyFilter, p: string): XmlElement {
  return srElement('PropertyFilter', [
    srValue('PostCode', t.postCode, filter.postCode, p),
    srValue('AddressIdentifier', t.addressIdentifier, filter.addressIdentifier, p),
  ]);
}

function inventoryUpdate(update: UpdateInventoryBody['update'], p: string): XmlElement {
  switch (update.kind) {
    case 'UpdateDeviceStatusExceptCH':
      return srValue(update.kind, t.deviceStatusExceptCh, update.status, p);
    case 'UpdateDeviceStatusCH':
      return srValue(update.kind, t.deviceStatusCh, update.status, p);
    case 'UpdateDeviceDetails': {
      const d = update.details;
      const q = `${p}/sr:UpdateDeviceDetails`;
      return srElement(update.kind, [
        srOptional('DeviceManufacturer', t.deviceManufacturer, d.deviceManufacturer, q),
        srOptional('DeviceModel', t.deviceModel, d.deviceModel, q),
        srOptional('SMETSCHTSVersion', t.smetsChtsVersion, d.smetsChtsVersion, q),
        srOptional('FirmwareVersion', t.firmwareVersion, d.firmwareVersion, q),
        srOptional('ESMEVariant', t.esmeVariant, d.esmeVariant, q),
      ]);
    }
    case 'DeleteDevice':
      return srElement('DeleteDevice');
    case 'UpdateMPxN':
      return srElement('UpdateMPxN', [
        srValue(
          update.field,
          update.field === 'ImportMPxN' ? t.importMpxn : t.mpan,
          update.value,
          `${p}/sr:UpdateMPxN`,
        ),
      ]);
    default:
      throw new InvalidInputError(
        `${p}/update`,
        'a known inventory update',
        (update as { kind?: unknown }).kind,
      );
  }
}
