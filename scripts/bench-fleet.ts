/**
 * Fleet benchmark: creates N SMETS2 devices (ESME, CHF, GSME, GPF in turn, as dual-fuel premises),
 * their trust anchor cells filled from a handful of shared party certificates, and measures the
 * creation time and the memory each idle device costs.
 *
 * Run it as (global.gc is needed for the memory figure):
 *
 *   node --expose-gc --import tsx scripts/bench-fleet.ts [--devices 1000000]
 *
 * Memory per device = growth of V8 heap used + ArrayBuffer memory (the fleet's columns are typed
 * arrays, which live outside the V8 heap) across creation, after a full GC, divided by N.
 * The last line printed is JSON: {"devices":N,"creationSeconds":…,"heapBytesPerDevice":…}.
 */
import { X509Certificate } from 'node:crypto';
import { SimulatedClock } from '../simulators/core/clock.ts';
import { DEFAULT_PARTIES } from '../simulators/estate/defaultParties.ts';
import { PartyDirectory } from '../simulators/estate/PartyDirectory.ts';
import { buildCommand, buildPreCommand } from '../simulators/gbcs/index.ts';
import { Smki } from '../simulators/smki/index.ts';
import {
  DEVICE_TYPES,
  type DeviceType,
  estateCertificateSource,
  Fleet,
  type InstallationSpec,
  installationCells,
} from '../simulators/smets2/index.ts';

const TARGET_BYTES_PER_DEVICE = 1024;
const TARGET_SECONDS_PER_MILLION = 20;

function deviceCount(argv: readonly string[]): number {
  const at = argv.findIndex((a) => a === '--devices' || a.startsWith('--devices='));
  if (at < 0) return 1_000_000;
  const text = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0 || n > 0xffffffff) {
    console.error(`--devices: expected a positive whole number, got ${text ?? 'nothing'}`);
    process.exit(2);
  }
  return n;
}

function memory(): { heap: number; arrayBuffers: number } {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, arrayBuffers: m.arrayBuffers };
}

const n = deviceCount(process.argv.slice(2));
if (typeof globalThis.gc !== 'function') {
  console.warn('warning: run with node --expose-gc for a meaningful memory figure (see the header comment)');
}

const smki = new Smki('bench-fleet');
const parties = new PartyDirectory(DEFAULT_PARTIES);
const source = estateCertificateSource({ smki, parties });
const suppliers = parties.ofKind('importSupplier').map((p) => p.eui);
const gasSuppliers = [...parties.ofKind('gasSupplier'), ...parties.ofKind('importSupplier').slice(0, 1)].map(
  (p) => p.eui,
);
const networkOperators = parties.ofKind('networkOperator').map((p) => p.eui);
const gasTransporters = parties.ofKind('gasTransporter').map((p) => p.eui);

// A handful of installation rows, shared by every device: (type, supplier, NO-cell source) combinations.
const setupStart = performance.now();
const probe = new Fleet({ smki, capacity: 16 });
const certificates = probe.state.certificates;
const rows: Record<DeviceType, Uint32Array[]> = { ESME: [], GSME: [], CHF: [], GPF: [] };
for (const supplier of suppliers) {
  for (const no of [...networkOperators.slice(0, 6), 'supplier', 'accessControlBroker'] as const) {
    rows.ESME.push(installationCells({ type: 'ESME', supplier, networkOperator: no }, source, certificates));
  }
}
for (const supplier of gasSuppliers) {
  rows.GSME.push(installationCells({ type: 'GSME', supplier }, source, certificates));
  for (const gt of gasTransporters) {
    rows.GPF.push(
      installationCells(
        { type: 'GPF', supplier, networkOperator: gt } satisfies InstallationSpec,
        source,
        certificates,
      ),
    );
  }
}
rows.CHF.push(installationCells({ type: 'CHF' }, source, certificates));
const setupSeconds = (performance.now() - setupStart) / 1000;

const before = memory();
const start = performance.now();
const fleet = new Fleet({ smki, clock: new SimulatedClock(), capacity: n });
// The fleet interns into its own table: re-intern the rows' certificates there (a handful of entries).
const ownRows = Object.fromEntries(
  DEVICE_TYPES.map((type) => [
    type,
    rows[type].map((row) =>
      row.map((i) => (i === 0 ? 0 : fleet.state.certificates.intern(certificates.entry(i)!.der))),
    ),
  ]),
) as Record<DeviceType, Uint32Array[]>;
const HI = 0x00db5000;
for (let i = 0; i < n; i++) {
  const typeCode = i & 3;
  const typeRows = ownRows[DEVICE_TYPES[typeCode]!];
  fleet.addParts(HI, Math.imul(i, 0x9e3779b1) >>> 0, typeCode, typeRows[(i >>> 2) % typeRows.length]!);
}
const creationSeconds = (performance.now() - start) / 1000;
const after = memory();
const heapBytes = after.heap - before.heap;
const arrayBufferBytes = after.arrayBuffers - before.arrayBuffers;
const heapBytesPerDevice = (heapBytes + arrayBufferBytes) / n;

// Sanity: one device of the million answers a CS02a from the ACB (MAC only), as the RTDS command does.
const sample = fleet.deviceAt(Math.floor(n / 2));
const acb = parties.ofKind('accessControlBroker')[0]!.eui;
const acbKa = smki.issueOrganisationCertificate({ eui: acb, role: 'accessControlBroker', usage: 'KA' });
const cs02a = buildCommand(
  buildPreCommand({
    originatorCounter: 1n,
    originator: acb,
    recipient: sample.eui,
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
  }),
  {
    macPrivateKey: acbKa.privateKey,
    macPublicKey: new X509Certificate(sample.deviceCertificate('KA')).publicKey,
  },
);
const answered = fleet.deliver(cs02a);

const perMillion = (creationSeconds / n) * 1_000_000;
console.log(`SMETS2 fleet benchmark (node ${process.version}, ${n.toLocaleString('en-GB')} devices)`);
console.log(
  `  setup: ${Object.values(rows).flat().length} installation rows, ${certificates.size} shared certificates, ${setupSeconds.toFixed(2)} s`,
);
console.log(
  `  creation: ${creationSeconds.toFixed(2)} s (${perMillion.toFixed(2)} s per million; target < ${TARGET_SECONDS_PER_MILLION})`,
);
console.log(
  `  memory: ${heapBytesPerDevice.toFixed(1)} bytes per idle device (V8 heap ${(heapBytes / n).toFixed(1)} + typed arrays ${(arrayBufferBytes / n).toFixed(1)}; target < ${TARGET_BYTES_PER_DEVICE})`,
);
console.log(
  `  devices with per-device extras: ${fleet.state.activeCount}; sample ${sample.eui} (${sample.type}) answered CS02a: ${answered?.outcome.status ?? 'no'}`,
);
console.log(
  JSON.stringify({
    devices: n,
    creationSeconds: round(creationSeconds),
    heapBytesPerDevice: round(heapBytesPerDevice),
  }),
);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
