import { Matrix, Rng, type MatmulOptions } from '@synthgrad/tensor';
import { describeBackendContract } from '@synthgrad/tensor/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { WasmBackend } from '../WasmBackend.js';

// Every product goes through the worker threads here (minParallelFlops 0), once they have started.
const threaded = new WasmBackend({ threads: 2, minParallelFlops: 0 });
const ready = await threaded.whenThreadsStarted();
const single = new WasmBackend();
afterAll(() => threaded.dispose());

describeBackendContract('wasm, 2 threads', () => threaded);

const MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

describe('WasmBackend with worker threads', () => {
  it('starts its worker', () => {
    expect(ready).toBe(1);
    expect(threaded.readyWorkers).toBe(1);
  });

  // Each element of C is summed by one thread in the same order as without threads, so the
  // results are identical, whether the job is split into row blocks (m ≥ n) or column blocks.
  it.each([
    [300, 70, 9], [9, 70, 300], [128, 784, 256], [257, 129, 131], [1, 5, 1000], [1000, 5, 1],
  ])('gives bit-identical products to one thread: %i×%i·%i', (m, k, n) => {
    const rng = new Rng(m * 7 + n);
    for (const options of MODES) {
      const a = rng.fillNormal(options.transposeA ? new Matrix(k, m) : new Matrix(m, k), 0, 1);
      const b = rng.fillNormal(options.transposeB ? new Matrix(n, k) : new Matrix(k, n), 0, 1);
      expect(threaded.matmul(a, b, options).data).toEqual(single.matmul(a, b, options).data);
    }
  });

  it("shares float32 products too, bit-identical to one thread's", async () => {
    const threaded32 = new WasmBackend({ threads: 2, minParallelFlops: 0, precision: 'float32' });
    expect(await threaded32.whenThreadsStarted()).toBe(1);
    const single32 = new WasmBackend({ precision: 'float32' });
    const rng = new Rng(11);
    for (const [m, k, n] of [[300, 70, 9], [9, 70, 300], [130, 257, 131]]) {
      const a = rng.fillNormal(new Matrix(m, k), 0, 1);
      const b = rng.fillNormal(new Matrix(n, k), 0, 1);
      expect(threaded32.matmul(a, b, { transposeB: true }).data).toEqual(single32.matmul(a, b, { transposeB: true }).data);
    }
    threaded32.dispose();
  });

  it("shares a dtype 'float32' backend's products, resident operands included, bit-identical to one thread's", async () => {
    const threaded32 = new WasmBackend({ threads: 2, minParallelFlops: 0, dtype: 'float32', resident: true });
    expect(await threaded32.whenThreadsStarted()).toBe(1);
    const single32 = new WasmBackend({ dtype: 'float32' });
    const rng = new Rng(12);
    for (const [m, k, n] of [[300, 70, 9], [9, 70, 300], [130, 257, 131]]) {
      const a = rng.fillNormal(threaded32.zeros(m, k), 0, 1);
      const b = rng.fillNormal(threaded32.zeros(k, n), 0, 1);
      const product = threaded32.matmul(a, b);
      expect(product.data).toBeInstanceOf(Float32Array);
      expect(product.data).toEqual(single32.matmul(a, b).data);
    }
    threaded32.dispose();
  });

  it('keeps working on one thread after dispose', () => {
    const backend = new WasmBackend({ threads: 2, minParallelFlops: 0 });
    backend.dispose();
    expect(backend.readyWorkers).toBe(0);
    const product = backend.matmul(Matrix.fromArray([[1, 2]]), Matrix.fromArray([[3], [4]]));
    expect(product.toArray()).toEqual([[11]]);
  });

  it('rejects a thread count that is not a positive integer', () => {
    expect(() => new WasmBackend({ threads: 0 })).toThrow('WasmBackend: threads must be a positive integer, got 0');
    expect(() => new WasmBackend({ threads: 1.5 })).toThrow(RangeError);
  });
});
