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

  it('keeps a block while any view of it lives, and hands it out zero-filled again', async () => {
    const backend = new WasmBackend({ resident: true });
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
    expect(again.data.every((x) => x === 0)).toBe(true);
  });
});
