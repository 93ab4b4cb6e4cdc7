import { describe, expect, it } from 'vitest';
import { describeBackendContract } from '../testing/describeBackendContract.js';
import { expectMatrixClose } from '../testing/expectMatrixClose.js';
import { random } from '../testing/randomMatrix.js';
import {
  completeBackend,
  CpuBackend,
  KERNEL_NAMES,
  Matrix,
  MathjsBackend,
  type BackendKernels,
  type MatmulOptions,
  type TensorBackend,
} from '../index.js';

/** A product of its own (the oracle's), counting its calls and the views it was given. */
function matmulOnly(dtype?: 'float64' | 'float32') {
  const oracle = new MathjsBackend();
  const seen = { calls: 0, views: 0 };
  const backend = completeBackend({
    name: 'matmul-only',
    dtype,
    matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
      seen.calls++;
      if (a.stride > a.cols || b.stride > b.cols || (out !== undefined && out.stride > out.cols)) seen.views++;
      return oracle.matmul(a, b, options, out);
    },
  });
  return { backend, seen };
}

// The contract passes on a backend of one kernel (matmul) and on one of none: the rest is the reference's.
describeBackendContract('a partial backend: matmul only', () => matmulOnly().backend);
describeBackendContract('a partial backend: no kernels', () => completeBackend({ name: 'empty' }));

describe('completeBackend', () => {
  it('keeps the kernels a backend has and fills the others from the reference', () => {
    const { backend, seen } = matmulOnly();
    const x = random([4, 3], 1);
    const w = random([3, 5], 2);
    const h = backend.relu(backend.matmul(x, w));
    expect(seen.calls).toBe(1);
    const cpu = new CpuBackend();
    expectMatrixClose(h, cpu.relu(cpu.matmul(x, w)), 1e-12);
    for (const name of KERNEL_NAMES) expect(typeof backend[name], name).toBe('function');
  });

  it('gives its own kernels contiguous copies of column views, and writes a view out back', () => {
    const { backend, seen } = matmulOnly();
    const parent = random([6, 9], 3);
    const a = parent.columns(1, 4);
    const b = random([4, 3], 4);
    const outParent = random([6, 8], 5);
    const out = outParent.columns(5, 3);
    backend.matmul(a, b, {}, out);
    expect(seen.views).toBe(0);
    expectMatrixClose(out, new MathjsBackend().matmul(a.clone(), b), 1e-12);
    expect(outParent.get(0, 4)).toBe(random([6, 8], 5).get(0, 4));
  });

  it('lets a kernel that reads strides see views', () => {
    const oracle = new MathjsBackend();
    let views = 0;
    const backend = completeBackend(
      {
        name: 'strided-add',
        add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
          if (a.stride > a.cols) views++;
          return oracle.add(a, b, out);
        },
      },
      { strided: ['add'] },
    );
    const a = random([3, 6], 6).columns(1, 2);
    backend.add(a, a);
    expect(views).toBe(1);
  });

  it('falls back in the backend’s dtype: float32 results from the float32 reference', () => {
    const { backend } = matmulOnly('float32');
    const x = random([4, 6], 7);
    const y = backend.sigmoid(x);
    expect(y.dtype).toBe('float32');
    expectMatrixClose(y, new CpuBackend({ dtype: 'float32' }).sigmoid(x), 0);
    expect(backend.sumColumns(x).dtype).toBe('float32');
  });

  it('completes a class once, for all its instances, with one reference each', () => {
    interface Doubling extends BackendKernels {}
    class Doubling {
      readonly name = 'doubling';
      scale(a: Matrix, factor: number, out?: Matrix): Matrix {
        return new CpuBackend().scale(a, 2 * factor, out);
      }
    }
    completeBackend(Doubling);
    completeBackend(Doubling); // a second call changes nothing
    const first: TensorBackend = new Doubling();
    const second: TensorBackend = new Doubling();
    const m = Matrix.fromArray([[1, -2]]);
    expectMatrixClose(first.scale(m, 1), [[2, -4]], 0);
    expectMatrixClose(second.add(m, m), [[2, -4]], 0);
    expect(first instanceof Doubling).toBe(true);
    expect(completeBackend(first)).toBe(first); // an instance of a completed class: as it is
    expect(Object.getOwnPropertyNames(first)).toEqual(['name']);
  });

  it('takes another reference, e.g. a faster complete backend', () => {
    const reference = new CpuBackend();
    let asked = 0;
    const backend = completeBackend(
      { name: 'on-top' },
      {
        reference: () => {
          asked++;
          return reference;
        },
      },
    );
    backend.add(Matrix.fromArray([[1]]), Matrix.fromArray([[2]]));
    backend.mul(Matrix.fromArray([[1]]), Matrix.fromArray([[2]]));
    expect(asked).toBe(1);
  });

  it('names an unknown strided kernel and lists the known ones', () => {
    expect(() => completeBackend({ name: 'x' }, { strided: ['transpose' as never] })).toThrow(
      /strided names unknown kernel "transpose"; kernels: matmul, add,/,
    );
  });
});
