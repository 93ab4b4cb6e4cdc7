/**
 * The bytes of a `.npy` file (format 1.0), written out by hand from NumPy's format description — a
 * reference independent of the reader under test.
 */
export function npyBytes(descr: '<f8' | '<f4' | '<i8', shape: readonly number[], values: readonly number[]): Uint8Array {
  const shapeText = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const itemSize = descr === '<f4' ? 4 : 8;
  const bytes = new Uint8Array(10 + header.length + values.length * itemSize);
  bytes.set([0x93, ...Array.from('NUMPY', (c) => c.charCodeAt(0)), 1, 0, header.length & 0xff, header.length >> 8]);
  bytes.set(Array.from(header, (c) => c.charCodeAt(0)), 10);
  const view = new DataView(bytes.buffer, 10 + header.length);
  values.forEach((v, k) => {
    if (descr === '<f8') view.setFloat64(k * 8, v, true);
    else if (descr === '<f4') view.setFloat32(k * 4, v, true);
    else view.setBigInt64(k * 8, BigInt(v), true);
  });
  return bytes;
}
