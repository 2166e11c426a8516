import { ByteReader, berLength } from './ByteReader.ts';
import { type DlmsData, encodeDlmsData, readDlmsData } from './dlmsData.ts';
import { GbcsDecodeError, hexByte } from './GbcsDecodeError.ts';

export const ACCESS_REQUEST_TAG = 0xd9;
export const ACCESS_RESPONSE_TAG = 0xda;

/** COSEM attribute or method: class, OBIS logical name (`A-B:C.D.E.F`), attribute or method number. */
export interface CosemDescriptor {
  readonly classId: number;
  readonly obis: string;
  readonly id: number;
}

export type AccessKind = 'get' | 'set' | 'action' | 'getWithSelection' | 'setWithSelection';
const KIND_BY_TAG: readonly (AccessKind | undefined)[] = [
  undefined,
  'get',
  'set',
  'action',
  'getWithSelection',
  'setWithSelection',
];
const TAG_BY_KIND: Readonly<Record<AccessKind, number>> = {
  get: 1,
  set: 2,
  action: 3,
  getWithSelection: 4,
  setWithSelection: 5,
};

export interface AccessRequestSpecification {
  readonly kind: AccessKind;
  readonly descriptor: CosemDescriptor;
  /** With-selection kinds only. */
  readonly selection?: { readonly accessSelector: number; readonly accessParameters: DlmsData };
}

/** DLMS Access-Request (tag D9), the body of GBCS DLMS use cases such as ECS70. */
export interface DlmsAccessRequest {
  /** Unsigned32: flags in the top byte, invoke id below (RTDS: 0x200003E8, the counter is 1000). */
  readonly longInvokeIdAndPriority: number;
  /** OCTET STRING, empty in RTDS. */
  readonly dateTime: Buffer;
  readonly specifications: readonly AccessRequestSpecification[];
  /** One value per specification (null-data where there is nothing to send). */
  readonly data: readonly DlmsData[];
}

export interface AccessResult {
  readonly kind: 'get' | 'set' | 'action';
  /** Data-Access-Result or Action-Result: 0 = success. */
  readonly result: number;
}

/** DLMS Access-Response (tag DA). */
export interface DlmsAccessResponse {
  readonly longInvokeIdAndPriority: number;
  readonly dateTime: Buffer;
  /** The optional echo of the request's specifications (absent in RTDS). */
  readonly requestSpecifications?: readonly AccessRequestSpecification[];
  readonly data: readonly DlmsData[];
  readonly results: readonly AccessResult[];
}

export function decodeAccessRequest(content: Buffer, base = 0): DlmsAccessRequest {
  const r = new ByteReader(content, base);
  r.expectByte(ACCESS_REQUEST_TAG, 'DLMS access-request tag', '0xD9 (access-request)');
  const longInvokeIdAndPriority = r.u32('long-invoke-id-and-priority');
  const dateTime = r.lengthPrefixed('access-request date-time');
  const specifications = readSpecifications(r, 'access-request-specification');
  const count = r.berLength('access-request-list-of-data');
  const data: DlmsData[] = [];
  for (let i = 0; i < count; i++) data.push(readDlmsData(r, `access-request data[${i}]`));
  r.end('access-request');
  return { longInvokeIdAndPriority, dateTime, specifications, data };
}

export function decodeAccessResponse(content: Buffer, base = 0): DlmsAccessResponse {
  const r = new ByteReader(content, base);
  r.expectByte(ACCESS_RESPONSE_TAG, 'DLMS access-response tag', '0xDA (access-response)');
  const longInvokeIdAndPriority = r.u32('long-invoke-id-and-priority');
  const dateTime = r.lengthPrefixed('access-response date-time');
  const presentAt = r.absolute;
  const present = r.u8('access-request-specification presence');
  if (present > 1)
    throw new GbcsDecodeError(
      'access-request-specification presence',
      presentAt,
      '0x00 or 0x01',
      hexByte(present),
    );
  const requestSpecifications = present ? readSpecifications(r, 'access-request-specification') : undefined;
  const count = r.berLength('access-response-list-of-data');
  const data: DlmsData[] = [];
  for (let i = 0; i < count; i++) data.push(readDlmsData(r, `access-response data[${i}]`));
  const resultCount = r.berLength('access-response-specification');
  const results: AccessResult[] = [];
  for (let i = 0; i < resultCount; i++) {
    const at = r.absolute;
    const tag = r.u8(`access-response-specification[${i}]`);
    const kind = KIND_BY_TAG[tag];
    if (kind !== 'get' && kind !== 'set' && kind !== 'action') {
      throw new GbcsDecodeError(
        `access-response-specification[${i}]`,
        at,
        '1 get, 2 set or 3 action',
        hexByte(tag),
      );
    }
    results.push({ kind, result: r.u8(`access-response-specification[${i}] result`) });
  }
  r.end('access-response');
  return {
    longInvokeIdAndPriority,
    dateTime,
    ...(requestSpecifications && { requestSpecifications }),
    data,
    results,
  };
}

function readSpecifications(r: ByteReader, field: string): AccessRequestSpecification[] {
  const count = r.berLength(field);
  const out: AccessRequestSpecification[] = [];
  for (let i = 0; i < count; i++) {
    const f = `${field}[${i}]`;
    const at = r.absolute;
    const tag = r.u8(f);
    const kind = KIND_BY_TAG[tag];
    if (kind === undefined)
      throw new GbcsDecodeError(
        f,
        at,
        'an access kind 1-5 (get, set, action, get/set with selection)',
        hexByte(tag),
      );
    const descriptor = {
      classId: r.u16(`${f} class-id`),
      obis: formatObis(r.take(6, `${f} instance-id`)),
      id: r.u8(`${f} attribute/method id`),
    };
    if (kind === 'getWithSelection' || kind === 'setWithSelection') {
      const accessSelector = r.u8(`${f} access-selector`);
      out.push({
        kind,
        descriptor,
        selection: { accessSelector, accessParameters: readDlmsData(r, `${f} access-parameters`) },
      });
    } else {
      out.push({ kind, descriptor });
    }
  }
  return out;
}

function specificationBytes(specs: readonly AccessRequestSpecification[]): Buffer {
  return Buffer.concat([
    berLength(specs.length),
    ...specs.map((s) => {
      const head = Buffer.alloc(3);
      head[0] = TAG_BY_KIND[s.kind];
      head.writeUInt16BE(s.descriptor.classId, 1);
      const selection = s.selection
        ? Buffer.concat([
            Buffer.from([s.selection.accessSelector]),
            encodeDlmsData(s.selection.accessParameters),
          ])
        : Buffer.alloc(0);
      return Buffer.concat([head, parseObis(s.descriptor.obis), Buffer.from([s.descriptor.id]), selection]);
    }),
  ]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function encodeAccessRequest(req: DlmsAccessRequest): Buffer {
  return Buffer.concat([
    Buffer.from([ACCESS_REQUEST_TAG]),
    u32(req.longInvokeIdAndPriority),
    berLength(req.dateTime.length),
    req.dateTime,
    specificationBytes(req.specifications),
    berLength(req.data.length),
    ...req.data.map(encodeDlmsData),
  ]);
}

export function encodeAccessResponse(res: DlmsAccessResponse): Buffer {
  return Buffer.concat([
    Buffer.from([ACCESS_RESPONSE_TAG]),
    u32(res.longInvokeIdAndPriority),
    berLength(res.dateTime.length),
    res.dateTime,
    res.requestSpecifications
      ? Buffer.concat([Buffer.from([1]), specificationBytes(res.requestSpecifications)])
      : Buffer.from([0]),
    berLength(res.data.length),
    ...res.data.map(encodeDlmsData),
    berLength(res.results.length),
    ...res.results.map((x) => Buffer.from([TAG_BY_KIND[x.kind], x.result])),
  ]);
}

/** `0-0:1.0.0.255` */
export function formatObis(bytes: Uint8Array): string {
  const [a, b, c, d, e, f] = bytes;
  return `${a}-${b}:${c}.${d}.${e}.${f}`;
}

export function parseObis(text: string): Buffer {
  const m = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  const parts = m?.slice(1).map(Number);
  if (!parts || parts.some((p) => p > 255))
    throw new RangeError(`OBIS code: expected A-B:C.D.E.F (0-255 each), got ${JSON.stringify(text)}`);
  return Buffer.from(parts);
}

export function describeSpecification(s: AccessRequestSpecification): string {
  return `${s.kind} class ${s.descriptor.classId} ${s.descriptor.obis} #${s.descriptor.id}${s.selection ? ` selector ${s.selection.accessSelector}` : ''}`;
}
