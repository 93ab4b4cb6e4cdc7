import { ShapeError, type Matrix } from '@synthgrad/tensor';

/** Throws a ShapeError such as `mse.value: output 10×3 but target 10×4`. */
export function assertSameShape(op: string, aName: string, a: Matrix, bName: string, b: Matrix): void {
  if (!a.sameShape(b)) throw new ShapeError(`${op}: ${aName} ${a.shape} but ${bName} ${b.shape}`);
}
