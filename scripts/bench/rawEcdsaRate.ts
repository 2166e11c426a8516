import { generateKeyPairSync, sign, verify } from 'node:crypto';

/** ECDSA P-256 / SHA-256 sign-then-verify pairs per second on this machine, for about `ms`. */
export function rawEcdsaRate(ms: number): number {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.alloc(512, 7);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    for (let i = 0; i < 50; i++) {
      const signature = sign('sha256', data, privateKey);
      if (!verify('sha256', data, publicKey, signature)) throw new Error('raw ECDSA: verify failed');
    }
    count += 50;
  }
  return count / ((performance.now() - started) / 1000);
}
