import { Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { WasmBackend } from '../src/WasmBackend.js';

/**
 * `backend` seen through a wrapper that moves the storage of every ordinary matrix argument into
 * wasm memory before the call and copies it back afterwards: a matrix that spans its whole storage
 * becomes a resident matrix (matrices on one storage, one block), a view of part of it a view of
 * the same part of the block (column views keep their stride). Aliasing stays aliasing, so the shared suites, which build ordinary
 * matrices, exercise the in-place paths. Test-only.
 */
export function residentOperands(backend: WasmBackend): TensorBackend {
  return new Proxy(backend, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'zeros' || key === 'holds') return value;
      return (...args: unknown[]) => {
        const blocks = new Map<ArrayBufferLike, Matrix>();
        const copies = new Map<Matrix, Matrix>();
        const resident = (m: Matrix): Matrix => {
          // Float32 storage stays where it is (the blocks hold float64 values).
          if (target.holds(m) || m.dtype !== 'float64') return m;
          let copy = copies.get(m);
          if (copy !== undefined) return copy;
          const storage = m.data.buffer;
          let block = blocks.get(storage);
          if (block === undefined) {
            const whole = new Float64Array(storage, 0, storage.byteLength / 8);
            block = target.zeros(1, whole.length);
            block.data.set(whole);
            blocks.set(storage, block);
          }
          copy =
            m.data.byteOffset === 0 && m.size === block.size
              ? block.resized(m.rows, m.cols)
              : new Matrix(
                  m.rows,
                  m.cols,
                  new Float64Array(block.data.buffer, block.data.byteOffset + m.data.byteOffset, m.data.length),
                  m.stride,
                );
          copies.set(m, copy);
          return copy;
        };
        const moved = args.map((arg) =>
          arg instanceof Matrix
            ? resident(arg)
            : Array.isArray(arg) && arg.length > 0 && arg.every((x) => x instanceof Matrix)
              ? arg.map(resident)
              : arg,
        );
        const result = (value as (...a: unknown[]) => unknown).apply(target, moved);
        for (const [storage, block] of blocks) new Float64Array(storage, 0, block.size).set(block.data);
        for (const [original, copy] of copies) if (result === copy) return original;
        return result;
      };
    },
  });
}
