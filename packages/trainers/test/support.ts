import { createContainer } from '@synthgrad/core';
import { datasetsModule } from '@synthgrad/datasets';
import { generatorInputsModule } from '@synthgrad/generator-inputs';
import { layersModule } from '@synthgrad/layers';
import { Matrix, type DType } from '@synthgrad/tensor';
import type { ContainerModule } from 'inversify';
import { trainersModule } from '../src/index.js';

/** A container with every built-in this package's tests need. */
export function testContainer(options: { backend?: string; dtype?: DType; modules?: ContainerModule[] } = {}) {
  return createContainer({
    backend: options.backend,
    dtype: options.dtype,
    modules: [layersModule, generatorInputsModule, datasetsModule, trainersModule, ...(options.modules ?? [])],
  });
}

export interface MatrixJSON {
  rows: number;
  cols: number;
  data: number[];
}

export function fromJSON(m: MatrixJSON): Matrix {
  return new Matrix(m.rows, m.cols, Float64Array.from(m.data));
}

/** Largest |a − b| over all elements; shapes must match. */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  if (!a.sameShape(b)) throw new Error(`shapes differ: ${a.shape} vs ${b.shape}`);
  let max = 0;
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
  return max;
}

/**
 * The oracle: every Float64Array and Float32Array allocated while `build` runs, counted by
 * swapping the global constructors for subclasses that add up byteLengths. Independent of the
 * estimate's arithmetic.
 */
export function allocatedBytes(build: () => unknown): number {
  const original64 = globalThis.Float64Array;
  const original32 = globalThis.Float32Array;
  let bytes = 0;
  class Counting64 extends original64 {
    constructor(...args: unknown[]) {
      super(...(args as [number]));
      bytes += this.byteLength;
    }
  }
  class Counting32 extends original32 {
    constructor(...args: unknown[]) {
      super(...(args as [number]));
      bytes += this.byteLength;
    }
  }
  globalThis.Float64Array = Counting64 as unknown as Float64ArrayConstructor;
  globalThis.Float32Array = Counting32 as unknown as Float32ArrayConstructor;
  try {
    build();
  } finally {
    globalThis.Float64Array = original64;
    globalThis.Float32Array = original32;
  }
  return bytes;
}
