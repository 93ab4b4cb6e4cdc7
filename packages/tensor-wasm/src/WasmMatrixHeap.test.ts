import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { MatrixData } from '@synthgrad/tensor';
import { WasmBackend } from './WasmBackend.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WasmMatrixHeap', () => {
  it('reuses the blocks of collected matrices, so memory stays flat over rounds of allocations', async () => {
    const backend = new WasmBackend({ resident: true });
    const round = (): void => {
      for (let i = 0; i < 50; i++) backend.zeros(100, 100).data.fill(i);
    };
    round();
    await collect();
    expect(backend.residentBlocks).toBe(0);
    const bytes = backend.memoryBytes;
    for (let r = 0; r < 5; r++) {
      round();
      await collect();
    }
    expect(backend.residentBlocks).toBe(0);
    expect(backend.memoryBytes).toBe(bytes);
  });

  it.each(['float64', 'float32'] as const)('keeps a block while any view of it lives, and hands it out zero-filled again (%s)', async (dtype) => {
    const backend = new WasmBackend({ resident: true, dtype });
    let kept: MatrixData | undefined = backend.zeros(10, 10).data;
    kept.fill(7);
    await collect();
    expect(backend.residentBlocks).toBe(1);
    expect(kept.every((x) => x === 7)).toBe(true);
    const offset = kept.byteOffset;
    kept = undefined;
    await collect();
    expect(backend.residentBlocks).toBe(0);
    const again = backend.zeros(10, 10);
    expect(again.data.byteOffset).toBe(offset);
    expect(again.dtype).toBe(dtype);
    expect(again.data.every((x) => x === 0)).toBe(true);
  });

  it('sizes float32 blocks at 4 bytes a value, so the same matrices take about half the memory', () => {
    const grown = (dtype: 'float64' | 'float32'): number => {
      const backend = new WasmBackend({ resident: true, dtype });
      const before = backend.memoryBytes;
      const kept = Array.from({ length: 8 }, () => backend.zeros(1000, 1000));
      expect(kept.every((m) => backend.holds(m))).toBe(true);
      return backend.memoryBytes - before;
    };
    const f64 = grown('float64');
    const f32 = grown('float32');
    expect(f64).toBeGreaterThanOrEqual(8 * 8_000_000 - 4_194_304);
    expect(f32).toBeLessThan(0.6 * f64);
  });
});
