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
