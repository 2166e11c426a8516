/**
 * The DUIS 5.4 schema's enumerations for devices (simpleTypes DeviceType, DeviceStatus, CSPRegion,
 * ESMEVariant in ../../../shared/reference/duis-schema/duis-5.4.xsd): one copy, used by the codec
 * and by the Smart Metering Inventory.
 */
export const DUIS_DEVICE_TYPES = ['ESME', 'GSME', 'GPF', 'CHF', 'HCALCS', 'PPMID', 'IHD', 'CAD'] as const;

export const DEVICE_STATUSES = [
  'Pending',
  'Whitelisted',
  'InstalledNotCommissioned',
  'Commissioned',
  'Decommissioned',
  'Withdrawn',
  'Suspended',
  'Recovery',
  'Recovered',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** The schema's CSPRegion also has `SMETS1`: what DUIS reports for a SMETS1 device. */
export const CSP_REGIONS = [
  'North',
  'Central',
  'South',
  '4G North',
  '4G Central',
  '4G South',
  'Unknown',
  'SMETS1',
] as const;
export type CspRegion = (typeof CSP_REGIONS)[number];

export const ESME_VARIANTS = [
  'A',
  'B',
  'C',
  'AD',
  'BD',
  'CD',
  'ADE',
  'BDE',
  'CDE',
  'ADF',
  'BDF',
  'CDF',
  'ADEF',
  'BDEF',
  'CDEF',
  'ADG',
  'ADEG',
  'AF',
  'BF',
  'CF',
  'AEF',
  'BEF',
  'CEF',
  'AG',
  'AEG',
] as const;
export type EsmeVariant = (typeof ESME_VARIANTS)[number];

