import { hex } from './ByteReader.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';

/** DLMS "not specified" markers. */
export const NOT_SPECIFIED = { year: 0xffff, byte: 0xff, deviation: 0x8000 } as const;

export interface DlmsDateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly dayOfMonth: number;
  /** 1 = Monday … 7 = Sunday, 0xFF not specified. */
  readonly dayOfWeek: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly hundredths: number;
  /** Minutes from local time to UTC, signed 16-bit; bytes 80 00 (-32768) = not specified. */
  readonly deviation: number;
  readonly clockStatus: number;
}

/**
 * The 12-byte DLMS/COSEM date-time (IEC 62056-6-2) used by the grouping header and by DLMS payloads:
 * year (2), month, day of month, day of week, hour, minute, second, hundredths, deviation (2, signed),
 * clock status. Every field round-trips exactly, "not specified" markers included.
 */
export class DlmsDateTime implements DlmsDateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly dayOfMonth: number;
  readonly dayOfWeek: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly hundredths: number;
  readonly deviation: number;
  readonly clockStatus: number;

  constructor(f: DlmsDateTimeFields) {
    this.year = f.year;
    this.month = f.month;
    this.dayOfMonth = f.dayOfMonth;
    this.dayOfWeek = f.dayOfWeek;
    this.hour = f.hour;
    this.minute = f.minute;
    this.second = f.second;
    this.hundredths = f.hundredths;
    this.deviation = f.deviation;
    this.clockStatus = f.clockStatus;
  }

  static decode(bytes: Uint8Array, offset = 0, field = 'date-time'): DlmsDateTime {
    if (bytes.length !== 12) {
      throw new GbcsDecodeError(field, offset, 'a 12-byte DLMS date-time', `${bytes.length} bytes`);
    }
    const b = Buffer.from(bytes);
    return new DlmsDateTime({
      year: b.readUInt16BE(0),
      month: b[2]!,
      dayOfMonth: b[3]!,
      dayOfWeek: b[4]!,
      hour: b[5]!,
      minute: b[6]!,
      second: b[7]!,
      hundredths: b[8]!,
      deviation: b.readInt16BE(9),
      clockStatus: b[11]!,
    });
  }

  /** Every field "not specified" (`FF FF FF FF FF FF FF FF FF 80 00 FF`), as ECS70's preset time. */
  static unspecified(): DlmsDateTime {
    const b = NOT_SPECIFIED.byte;
    return new DlmsDateTime({
      year: NOT_SPECIFIED.year,
      month: b,
      dayOfMonth: b,
      dayOfWeek: b,
      hour: b,
      minute: b,
      second: b,
      hundredths: b,
      deviation: -NOT_SPECIFIED.deviation,
      clockStatus: b,
    });
  }

  /**
   * From a JS date, in UTC. Defaults follow the RTDS vectors: day of week, deviation and clock status
   * not specified, hundredths 0 (`07 DF 01 01 FF 00 00 00 00 80 00 FF`).
   */
  static fromDate(date: Date, overrides: Partial<DlmsDateTimeFields> = {}): DlmsDateTime {
    if (Number.isNaN(date.getTime())) throw new RangeError('DlmsDateTime.fromDate: invalid date');
    return new DlmsDateTime({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      dayOfMonth: date.getUTCDate(),
      dayOfWeek: NOT_SPECIFIED.byte,
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      hundredths: 0,
      deviation: -NOT_SPECIFIED.deviation,
      clockStatus: NOT_SPECIFIED.byte,
      ...overrides,
    });
  }

  encode(): Buffer {
    const b = Buffer.alloc(12);
    b.writeUInt16BE(this.year, 0);
    b[2] = this.month;
    b[3] = this.dayOfMonth;
    b[4] = this.dayOfWeek;
    b[5] = this.hour;
    b[6] = this.minute;
    b[7] = this.second;
    b[8] = this.hundredths;
    b.writeInt16BE(this.deviation, 9);
    b[11] = this.clockStatus;
    return b;
  }

  /**
   * The instant, when year to second are specified. An unspecified deviation is read as UTC; a
   * specified one is applied as UTC = local + deviation minutes (the Blue Book convention up to
   * edition 11; GBCS devices run on UTC, so it rarely matters). Undefined otherwise.
   */
  toDate(): Date | undefined {
    const unspecified =
      this.year === NOT_SPECIFIED.year ||
      [this.month, this.dayOfMonth, this.hour, this.minute, this.second].some(
        (v) => v === NOT_SPECIFIED.byte,
      );
    if (unspecified || this.month > 12 || this.dayOfMonth > 31) return undefined;
    const hundredths = this.hundredths === NOT_SPECIFIED.byte ? 0 : this.hundredths;
    const utc = Date.UTC(this.year, this.month - 1, this.dayOfMonth, this.hour, this.minute, this.second);
    const deviation = this.deviation === -NOT_SPECIFIED.deviation ? 0 : this.deviation;
    return new Date(utc + hundredths * 10 + deviation * 60_000);
  }

  toString(): string {
    return this.toDate()?.toISOString() ?? `DLMS date-time ${hex(this.encode())}`;
  }
}
