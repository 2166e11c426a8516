/**
 * A decoder that decodes each frame once: the CSP, the device, the DSP, the tracker and the User all
 * read the same bytes of one command or response, and each reading cost as much as the first. The
 * result is remembered per buffer object (weakly: it goes with the buffer) beside a copy of the bytes
 * it was decoded from, so a buffer changed in place since is decoded again, not answered stale. A
 * decoder that throws is not remembered: the next call throws again.
 *
 * Decoded values are read-only by type; whoever gets one shares it with every other reader.
 */
export function oncePerFrame<T>(decode: (bytes: Buffer) => T): (bytes: Buffer) => T {
  const decoded = new WeakMap<Buffer, { readonly copy: Buffer; readonly value: T }>();
  return (bytes) => {
    const hit = decoded.get(bytes);
    if (hit !== undefined && hit.copy.equals(bytes)) return hit.value;
    const value = decode(bytes);
    decoded.set(bytes, { copy: Buffer.from(bytes), value });
    return value;
  };
}
