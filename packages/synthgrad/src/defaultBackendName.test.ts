import { describe, expect, it } from 'vitest';
import { defaultBackendName } from './defaultBackendName.js';

describe('defaultBackendName', () => {
  it('is wasm where the wasm module loads (Node 20)', () => {
    expect(defaultBackendName()).toBe('wasm');
  });

  it('falls back to cpu where it does not', () => {
    expect(defaultBackendName(() => false)).toBe('cpu');
  });
});
