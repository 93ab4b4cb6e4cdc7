import { createContainer, TensorBackend, TensorBackendRegistry, UnknownPluginError } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { tensorWasmModule } from './tensorWasmModule.js';
import { WasmBackend } from './WasmBackend.js';

describe('tensorWasmModule', () => {
  it('lets createContainer select the wasm backend by name', () => {
    const container = createContainer({ modules: [tensorWasmModule], backend: 'wasm' });
    const backend = container.get(TensorBackend);
    expect(backend).toBeInstanceOf(WasmBackend);
    expect(backend.name).toBe('wasm');
    const product = backend.matmul(Matrix.fromArray([[1, 2]]), Matrix.fromArray([[3], [4]]));
    expect(product.toArray()).toEqual([[11]]);
  });

  it('registers wasm beside the core backends, which stay the default', () => {
    const container = createContainer({ modules: [tensorWasmModule] });
    expect(container.get(TensorBackend).name).toBe('cpu');
    const registry = container.get(TensorBackendRegistry);
    expect(registry.names()).toEqual(['cpu', 'mathjs', 'wasm']);
    expect(registry.get('wasm').name).toBe('wasm');
    expect(registry.get('wasm').create()).toBeInstanceOf(WasmBackend);
  });

  it('gives every container of a thread the same backend, with resident matrices', () => {
    const first = createContainer({ modules: [tensorWasmModule], backend: 'wasm' }).get(TensorBackend) as WasmBackend;
    const second = createContainer({ modules: [tensorWasmModule], backend: 'wasm' }).get(TensorBackend) as WasmBackend;
    expect(second).toBe(first);
    const weights = first.zeros(3, 4);
    expect(first.holds(weights)).toBe(true);
    expect(weights.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    const single = createContainer({ modules: [tensorWasmModule], backend: 'wasm', dtype: 'float32' }).get(TensorBackend) as WasmBackend;
    expect(single).not.toBe(first);
    expect(single.dtype).toBe('float32');
    expect(single.zeros(2, 2).data).toBeInstanceOf(Float32Array);
  });

  it('is needed: without it the name is unknown', () => {
    expect(() => createContainer({ backend: 'wasm' })).toThrow(UnknownPluginError);
  });
});
