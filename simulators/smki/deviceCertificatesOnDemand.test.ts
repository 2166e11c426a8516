/** Device certificates the estate lists before issuing them (SmkiRepository.addDevice), and keys a device generated (Smki.certifyDeviceKey). */
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { checkDeviceCertificate } from './check.ts';
import { describeCertificate } from './describe.ts';
import { Smki } from './Smki.ts';
import { SmkiRepository } from './SmkiRepository.ts';

const clock = new SimulatedClock(); // 2026-01-01
const METER = Eui.parse('00-DB-12-34-56-78-90-A0');
const OTHER_METER = Eui.parse('00-DB-12-34-56-78-90-A1');
const smki = new Smki('device-certificates-on-demand');

/** A thunk issuing the certificate, counting its calls. */
function counted(eui: Eui, usage: 'DS' | 'KA'): { der: () => Buffer; calls: () => number } {
  let calls = 0;
  return {
    der: () => {
      calls++;
      return smki.issueDeviceCertificate({ eui, usage }).der;
    },
    calls: () => calls,
  };
}

describe('SmkiRepository.addDevice: a device certificate listed before it is issued', () => {
  it('is found by serial (any case, leading zeros) and by subjectAltName without issuing it', () => {
    const repository = new SmkiRepository();
    const serial = smki.deviceCertificateSerial({ eui: METER, usage: 'DS' });
    const thunk = counted(METER, 'DS');
    const added = repository.addDevice({ serial, eui: METER, usage: 'DS' }, thunk.der);
    expect(repository.size).to.equal(1);
    const bySerial = repository.bySerial(serial);
    expect(bySerial).to.equal(added);
    expect(repository.bySerial(`00${serial.toLowerCase()}`)).to.equal(added);
    const bySan = repository.bySubjectAltName(METER);
    expect(bySan).to.have.length(1);
    expect(bySan[0]).to.deep.include({ serial, kind: 'device', usage: 'DS', status: 'I' });
    expect(bySan[0]!.eui.equals(METER)).to.equal(true);
    expect(repository.bySubjectName(METER)).to.deep.equal([]);
    expect(repository.bySubjectAltName(OTHER_METER)).to.deep.equal([]);
    expect(thunk.calls(), 'nothing issued by looking up').to.equal(0);
  });

  it('gives, once read, the very certificate the SMKI issues, whose serial is the one listed', () => {
    const repository = new SmkiRepository();
    for (const usage of ['DS', 'KA'] as const) {
      const serial = smki.deviceCertificateSerial({ eui: METER, usage });
      repository.addDevice({ serial, eui: METER, usage }, () => smki.issueDeviceCertificate({ eui: METER, usage }).der);
      const issued = smki.issueDeviceCertificate({ eui: METER, usage });
      const entry = repository.bySerial(serial)!;
      expect(entry.der.equals(issued.der), usage).to.equal(true);
      const description = describeCertificate(issued.der);
      expect(description.serial).to.equal(serial);
      expect(description.kind).to.equal('device');
      expect(description.usage).to.equal(usage);
      expect(description.eui?.equals(METER)).to.equal(true);
    }
    expect(repository.bySubjectAltName(METER).map((e) => e.usage).sort()).to.deep.equal(['DS', 'KA']);
  });

  it('calls the thunk at most once, however often der is read', () => {
    const repository = new SmkiRepository();
    const serial = smki.deviceCertificateSerial({ eui: METER, usage: 'KA' });
    const thunk = counted(METER, 'KA');
    const entry = repository.addDevice({ serial, eui: METER, usage: 'KA' }, thunk.der);
    const first = entry.der;
    const second = repository.bySerial(serial)!.der;
    const third = repository.bySubjectAltName(METER)[0]!.der;
    expect(thunk.calls()).to.equal(1);
    expect(second).to.equal(first);
    expect(third).to.equal(first);
    expect(Object.isFrozen(entry)).to.equal(true);
  });

  it('is idempotent by serial: a second add (lazy or not) keeps the first entry and issues nothing', () => {
    const repository = new SmkiRepository();
    const serial = smki.deviceCertificateSerial({ eui: METER, usage: 'DS' });
    const first = counted(METER, 'DS');
    const second = counted(METER, 'DS');
    const entry = repository.addDevice({ serial, eui: METER, usage: 'DS', status: 'I' }, first.der);
    expect(repository.addDevice({ serial: `0${serial.toLowerCase()}`, eui: METER, usage: 'DS' }, second.der)).to.equal(entry);
    expect(repository.add(smki.issueDeviceCertificate({ eui: METER, usage: 'DS' }).der)).to.equal(entry);
    expect(repository.size).to.equal(1);
    expect(repository.bySubjectAltName(METER)).to.have.length(1);
    expect([first.calls(), second.calls()]).to.deep.equal([0, 0]);
  });

  it('keeps the status it is given', () => {
    const repository = new SmkiRepository();
    const serial = smki.deviceCertificateSerial({ eui: METER, usage: 'DS' });
    expect(repository.addDevice({ serial, eui: METER, usage: 'DS', status: 'R' }, () => Buffer.alloc(0)).status).to.equal('R');
  });
});

describe('Smki.certifyDeviceKey: a certificate for a key the device generated', () => {
  const generated = smki.deviceKeyPair({ eui: METER, usage: 'DS', generation: 2 });
  const spki = generated.publicKey.export({ type: 'spki', format: 'der' });

  it('passes the device profile check against the device CA, for the EUI and usage given', () => {
    for (const usage of ['DS', 'KA'] as const) {
      const der = smki.certifyDeviceKey({ eui: METER, usage, subjectPublicKeyInfo: spki });
      const verdict = checkDeviceCertificate(der, { clock, issuer: smki.deviceCa, expectedEui: METER, expectedUsage: usage });
      expect(verdict, usage).to.deep.equal({ ok: true, reasons: [] });
    }
  });

  it('carries the SubjectPublicKeyInfo given and the EUI in its subjectAltName', () => {
    const der = smki.certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: spki });
    const x509 = new X509Certificate(der);
    expect(x509.publicKey.export({ type: 'spki', format: 'der' }).equals(spki)).to.equal(true);
    expect(x509.verify(smki.deviceCa.publicKey)).to.equal(true);
    const description = describeCertificate(der);
    expect(description.kind).to.equal('device');
    expect(description.eui?.equals(METER)).to.equal(true);
    expect(description.usage).to.equal('DS');
    expect(description.subject).to.equal('');
  });

  it('is byte-identical when issued twice, also by another Smki with the same seed', () => {
    const a = smki.certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: spki });
    const b = smki.certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: Buffer.from(spki) });
    const c = new Smki('device-certificates-on-demand').certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: spki });
    expect(a.equals(b)).to.equal(true);
    expect(a.equals(c)).to.equal(true);
  });

  it('gives another serial for another device, usage or key, and differs from the derived first certificate', () => {
    const serialOf = (der: Buffer) => describeCertificate(der).serial;
    const base = serialOf(smki.certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: spki }));
    const otherKey = smki.deviceKeyPair({ eui: METER, usage: 'DS', generation: 3 }).publicKey.export({ type: 'spki', format: 'der' });
    const serials = [
      base,
      serialOf(smki.certifyDeviceKey({ eui: OTHER_METER, usage: 'DS', subjectPublicKeyInfo: spki })),
      serialOf(smki.certifyDeviceKey({ eui: METER, usage: 'KA', subjectPublicKeyInfo: spki })),
      serialOf(smki.certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: otherKey })),
      smki.deviceCertificateSerial({ eui: METER, usage: 'DS' }),
    ];
    expect(new Set(serials).size).to.equal(serials.length);
  });

  it('refuses an empty key', () => {
    expect(() => smki.certifyDeviceKey({ eui: METER, usage: 'DS', subjectPublicKeyInfo: Buffer.alloc(0) })).to.throw(/subjectPublicKeyInfo/);
  });
});
