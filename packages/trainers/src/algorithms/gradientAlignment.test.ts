import { CpuBackend, Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { gradientAlignment } from './gradientAlignment.js';

const backend = new CpuBackend();

describe('gradientAlignment', () => {
  it('computes cosine and relative error of flattened gradients', () => {
    const synthetic = Matrix.fromArray([[1, 0], [0, 0]]);
    const trueGradient = Matrix.fromArray([[1, 1], [0, 0]]);
    const a = gradientAlignment(backend, 3, synthetic, trueGradient);
    expect(a.layer).toBe(3);
    expect(a.cosine).toBeCloseTo(1 / Math.SQRT2, 15);
    expect(a.relativeError).toBeCloseTo(1 / Math.SQRT2, 15); // ‖(0,-1)‖ / ‖(1,1)‖
  });

  it('gives -1 for opposite gradients and handles zeros', () => {
    const g = Matrix.fromArray([[2, -1]]);
    expect(gradientAlignment(backend, 0, backend.scale(g, -3), g).cosine).toBeCloseTo(-1, 15);
    const zero = Matrix.zeros(1, 2);
    expect(gradientAlignment(backend, 0, zero, g)).toEqual({ layer: 0, cosine: 0, relativeError: 1 });
    expect(gradientAlignment(backend, 0, g, zero).relativeError).toBeCloseTo(Math.sqrt(5), 15);
  });
});
