/**
 * Generated XML documents for the tests of the plain-form readers (plainCanonicalForm,
 * plainDocument), which must agree with the DOM path wherever they answer: mostly in the plain
 * form, now and then with one of the things that take a document out of it (or out of XML).
 * Test support only.
 */
import { DS_NS } from './algorithms.ts';

export interface GenerateOptions {
  /** Namespace declarations on elements below the root too (as a ds:Signature carries its own). */
  readonly childNamespaces?: boolean;
}

/** mulberry32: the same documents every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Documents mostly in the plain form, with now and then one of the things that take them out of
 * it (or out of XML): comments, CDATA, CR, U+2028, other namespaces, prefixed attributes, mixed
 * content, bad references, stray text.
 */
export function generate(rand: () => number, options: GenerateOptions = {}): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rarely = (p = 0.04) => rand() < p;
  const prefixes = ['sr', 'a', 'B', 'a-1', 'a_1', 'z.z'];
  const uris = ['http://www.dccinterface.co.uk/ServiceUserGateway', 'urn:a', 'urn:B', 'http://x/y?q=1#f', 'urn:é'];
  const declared = prefixes.filter(() => rand() < 0.5);
  if (declared.length === 0 || rarely(0.1)) declared.unshift('sr');
  const ns = [...new Set(declared)].map((p) => ` xmlns:${p}="${rarely() ? pick([DS_NS, 'urn:a b', 'urn:&amp;']) : pick(uris)}"`);
  const text = [
    'abc', ' ', '  x  y ', '0', 'é', '>', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#13;', '&#10;', '&#9;', '&#x41;',
    '&#x1F600;', '&#65;', "'", '"', '\t', '\n', '\u00a0', '\u0085', '\u2028', '\r', ']]>', ']]', '&nbsp;', '&#0;', '&#xD800;',
    '&', '<!-- c -->', '<![CDATA[x]]>', '<?pi x?>', '\ud83d\ude00', '\x01', '\x7f', '\u2029',
  ];
  const value = () => {
    let v = '';
    for (let n = Math.floor(rand() * 4); n > 0; n--) v += rarely(0.3) ? pick(text) : pick(['v', '1', 'a b', '>', '&amp;', '&lt;', '&quot;', '&#9;', '&#10;', '&#13;', 'é', "'"]);
    return v;
  };
  const attributeNames = ['schemaVersion', 'a', 'b', 'Z', 'id', 'B', '_', 'a.b', 'a-b'];
  const attributes = (root: boolean) => {
    const chosen = attributeNames.filter(() => rand() < 0.25);
    if (rarely()) chosen.push(pick(['a', 'xmlns:c', 'sr:q', 'xmlfoo', 'xmlns']));
    let out = chosen.map((n) => ` ${n}="${value()}"`).join('');
    if (root) out = ns.join('') + out;
    if (rarely()) out += pick([' c=\'1\'', ' ', ' d="x\ty"', ' e="x\ny"', ' f="<"']);
    return out;
  };
  const name = (scope: readonly string[]) =>
    `${rarely() ? pick(['q', 'x', 'xml', 'xmlns']) : pick(scope)}:${pick(['Response', 'Header', 'x', 'Y', 'a1', 'b.c', 'd-e', 'Signature'])}`;
  const space = () => (rand() < 0.6 ? '' : pick(['\n', '\n  ', ' ', '\t', '&#10;', '&#13;', ' \n\t ', '&#32;']));
  const element = (depth: number, scope: readonly string[], root = false): string => {
    let own = '';
    if (options.childNamespaces && !root && rand() < 0.2) {
      const prefix = rarely(0.1) ? pick(['xml', 'xmlx', 'xmlns']) : pick([...prefixes, 'ds']);
      own = ` xmlns:${prefix}="${rarely() ? pick(['', 'http://www.w3.org/1999/xhtml', 'urn:a b']) : pick([...uris, DS_NS])}"`;
      scope = [...scope, prefix];
    }
    const tag = root ? `${pick(declared)}:Root` : name(scope);
    const open = `<${tag}${own}${attributes(root)}`;
    if (rand() < 0.15) return `${open}/>`;
    let inner = '';
    if (depth > 0 && rand() < 0.6) {
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) inner += space() + (rarely(0.02) ? pick(text) : '') + element(depth - 1, scope);
      inner += space();
    } else {
      for (let n = Math.floor(rand() * 3); n > 0; n--) inner += rand() < 0.7 ? pick(['GBCS', 'x y', '4.0', 'é', ' ', '']) : pick(text);
    }
    const close = rarely(0.01) ? `</${tag}x>` : `</${tag}>`;
    return `${open}>${inner}${close}`;
  };
  const declaration = pick([
    '',
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<?xml version="1.0"?>',
    ...(rarely(0.2) ? ['<?xml version="1.1"?>', '\ufeff<?xml version="1.0"?>', '<?xml  version="1.0"?>'] : []),
  ]);
  const after = rarely() ? pick(['x', '<!-- c -->', '<a:b/>', '\r']) : pick(['', '\n', ' \n']);
  return `${declaration}${pick(['', '\n', '\n\n  '])}${element(4, declared, true)}${after}`;
}
