import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMatrix } from './isMatrix.js';
import { Matrix } from './Matrix.js';
import { expectMatrixClose } from './testing/expectMatrixClose.js';

describe('isMatrix', () => {
  // A second copy of the package's sources, as a plugin with its own install would load them.
  let dir: string;
  let TheirMatrix: typeof Matrix;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synthgrad-matrix-'));
    cpSync(fileURLToPath(new URL('.', import.meta.url)), dir, { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
    TheirMatrix = ((await import(join(dir, 'Matrix.ts'))) as { Matrix: typeof Matrix }).Matrix;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes the other copy's matrices, which instanceof refuses", () => {
    const theirs = TheirMatrix.fromArray([[1, 2], [3, 4]]);
    expect(TheirMatrix).not.toBe(Matrix);
    expect(theirs instanceof Matrix).toBe(false);
    expect(isMatrix(theirs)).toBe(true);
    expect(isMatrix(Matrix.zeros(0, 3))).toBe(true);
  });

  it('refuses what is not a matrix', () => {
    expect(isMatrix([[1, 2]])).toBe(false);
    expect(isMatrix(null)).toBe(false);
    expect(isMatrix({ rows: 2, cols: 2, data: new Float64Array(3) })).toBe(false);
    expect(isMatrix({ rows: 1.5, cols: 2, data: new Float64Array(3) })).toBe(false);
    expect(isMatrix({ rows: 1, cols: 2, data: [1, 2] })).toBe(false);
  });

  it("lets expectMatrixClose compare against the other copy's matrix", () => {
    const mine = Matrix.fromArray([[1, 2], [3, 4]]);
    expectMatrixClose(mine, TheirMatrix.fromArray([[1, 2], [3, 4]]));
    expect(() => expectMatrixClose(mine, TheirMatrix.fromArray([[1, 2], [3, 5]]))).toThrow(/1 elements differ/);
  });
});
