import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { WasmArena } from './WasmArena.js';
import { WasmBackend } from './WasmBackend.js';

describe('WasmArena', () => {
  it('hands out aligned, disjoint blocks and reuses them after reset', () => {
    const arena = new WasmArena(false, 1);
    arena.reservePermanent(100);
    const first = arena.allocate(3);
    const second = arena.allocate(5);
    expect(first % 64).toBe(0);
    expect(second % 64).toBe(0);
    expect(second).toBeGreaterThanOrEqual(first + 3 * 8);
    arena.reset();
    expect(arena.allocate(3)).toBe(first);
  });

  it.each([false, true])('grows the memory when an op needs more, keeping its contents (shared: %s)', (shared) => {
    const arena = new WasmArena(shared, 1);
    const values = Float64Array.from({ length: 100_000 }, (_, i) => i);
    const offset = arena.put(values);
    expect(arena.byteLength).toBeGreaterThanOrEqual(offset + values.byteLength);
    const back = new Float64Array(values.length);
    arena.get(offset, back);
    expect(back.every((x, i) => x === values[i])).toBe(true);
    expect(arena.f64.buffer).toBe(arena.memory.buffer);
  });

  it('refuses permanent memory once temporary blocks are in use', () => {
    const arena = new WasmArena(false, 1);
    arena.allocate(1);
    expect(() => arena.reservePermanent(8)).toThrow(/permanent memory after temporary/);
  });
});

describe('WasmBackend memory', () => {
  it('stays flat over repeated training-like steps once the largest op has run', () => {
    const backend = new WasmBackend();
    const rng = new Rng(1);
    const x = rng.fillNormal(new Matrix(64, 200), 0, 1);
    const w = rng.fillNormal(new Matrix(200, 300), 0, 0.1);
    const h = new Matrix(64, 300);
    const grad = new Matrix(200, 300);
    const step = (): void => {
      backend.sigmoid(backend.matmul(x, w, undefined, h), h);
      backend.matmul(x, h, { transposeA: true }, grad);
      backend.addScaled(w, grad, -0.01, w);
    };
    step();
    const after = backend.memoryBytes;
    for (let i = 0; i < 20; i++) step();
    expect(backend.memoryBytes).toBe(after);
  });
});
