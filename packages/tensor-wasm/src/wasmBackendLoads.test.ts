import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { wasmBackendLoads } from './wasmBackendLoads.js';
import { WasmBackend } from './WasmBackend.js';

describe('wasmBackendLoads', () => {
  it('is true on Node 20, where the backend runs', () => {
    expect(wasmBackendLoads()).toBe(true);
    expect(new WasmBackend().dot(Matrix.fromArray([[1, 2], [3, 4]]), Matrix.fromArray([[1, 1], [1, 1]]))).toBe(10);
  });
});
