/**
 * A copy of `bytes` in a backing store of its own. `Buffer.from` would slice node's shared 8 KiB
 * pool, and bytes kept for the night (a device's certificate, a cached summary's key) would then
 * keep the whole slab alive: about 18 KB per meter in a 100,000-meter batch.
 */
export function ownedCopy(bytes: Uint8Array): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  copy.set(bytes);
  return copy;
}
