/**
 * What a certification does not claim, printed with every one (JSON, HTML, `certify --help`); true
 * whether it judges a saved batch report or the live estate.
 */
export const CERTIFICATION_LIMITS: readonly string[] = [
  'Judges the harness’s own simulated estate and journal – a saved batch report (certify --from) or the live estate smets-harness up runs (certify --url, GET /certification) – not the real DCC or a supplier’s own records.',
  'Cells and Registration Data are judged as they were at asOf: the saved report’s, or the moment the live estate was asked; deadlines and obligations per device type are the estate’s [assumed] post-commissioning settings (30 days by default).',
  'A device is pending while one of its obligations is neither met nor past its deadline; on a live estate running on the wall clock, deadlines pass in real days.',
  'Only commissioned SMETS2 devices whose type carries obligations (ESME, GSME, GPF) are judged; devices are attributed to the supplier registered when they were commissioned.',
  'since (--since, or since= over HTTP) filters on the commissioning time the tracker recorded (SRV 8.1.1 moves it).',
  'Homes an estate is built with are commissioned at its registeredFrom (the default estate: 2025-01-01), so on a live estate on the wall clock their deadlines may long have passed: to certify your own flows, start up with an estate file whose registeredFrom is recent, and narrow with since.',
];
