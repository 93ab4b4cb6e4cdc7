import { ShapeError, type Matrix } from '@synthgrad/tensor';

/** Throws e.g. `Dense.forward: input 10×23 but layer expects 24 columns`. */
export function assertColumns(op: string, what: string, m: Matrix, cols: number, owner = 'layer'): void {
  if (m.cols !== cols) throw new ShapeError(`${op}: ${what} ${m.shape} but ${owner} expects ${cols} columns`);
}
