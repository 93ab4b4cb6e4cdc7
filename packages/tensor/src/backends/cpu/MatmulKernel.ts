import type { Matrix } from '../../Matrix.js';
import type { MatmulShape } from '../checks.js';

// Register block: a 4 × 4 tile of C lives in 16 local accumulators through the whole k loop.
// Wider tiles (4 × 6, 4 × 8) spill registers in V8 and measured slower; see scripts/bench-matmul.ts.
const MR = 4;
const NR = 4;
// Cache blocks: a KC × NR panel of B (8 KiB) stays in L1 while an MC × KC block of A (128 KiB)
// streams from L2; KC × NC of packed B (2 MiB at most) is read once per MC block of A.
const KC = 256;
const MC = 64;
const NC = 1024;

/**
 * `C = op(A)·op(B)` for row-major float64 matrices, in the GotoBLAS layout: blocks of `op(A)`
 * and `op(B)` are copied ("packed") into grown-once scratch buffers so that the micro-kernel
 * reads both contiguously whatever the transposes, and the transposes cost nothing extra.
 * Holds scratch memory, so one instance serves one thread of calls.
 */
export class MatmulKernel {
  private packedA = new Float64Array(0);
  private packedB = new Float64Array(0);
  private readonly tile = new Float64Array(MR * NR);

  /** Writes `op(a)·op(b)` into `c`; `shape` comes from `matmulShape` and `c` must not alias. */
  multiply(a: Matrix, b: Matrix, shape: MatmulShape, c: Matrix): void {
    const { rows: m, cols: n, inner: k } = shape;
    if (k === 0) {
      c.data.fill(0);
      return;
    }
    // Element (i, p) of op(A) sits at a[i * aRowStride + p * aInnerStride]; likewise for B.
    const aRowStride = shape.transposeA ? 1 : a.cols;
    const aInnerStride = shape.transposeA ? a.cols : 1;
    const bInnerStride = shape.transposeB ? 1 : b.cols;
    const bColStride = shape.transposeB ? b.cols : 1;
    this.reserve(Math.min(m, MC), Math.min(n, NC), Math.min(k, KC));
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      for (let j0 = 0; j0 < n; j0 += NC) {
        const nc = Math.min(NC, n - j0);
        this.packB(b.data, bInnerStride, bColStride, p0, kc, j0, nc);
        for (let i0 = 0; i0 < m; i0 += MC) {
          const mc = Math.min(MC, m - i0);
          this.packA(a.data, aRowStride, aInnerStride, i0, mc, p0, kc);
          this.multiplyPacked(c.data, n, i0, mc, j0, nc, kc, p0 > 0);
        }
      }
    }
  }

  private reserve(mc: number, nc: number, kc: number): void {
    const needA = roundUp(mc, MR) * kc;
    const needB = roundUp(nc, NR) * kc;
    if (this.packedA.length < needA) this.packedA = new Float64Array(needA);
    if (this.packedB.length < needB) this.packedB = new Float64Array(needB);
  }

  /** Rows i0…i0+mc of op(A), columns p0…p0+kc, as MR-row panels stored column by column. */
  private packA(
    a: Float64Array, rowStride: number, innerStride: number,
    i0: number, mc: number, p0: number, kc: number,
  ): void {
    const packed = this.packedA;
    let o = 0;
    for (let i = i0; i < i0 + mc; i += MR) {
      const height = Math.min(MR, i0 + mc - i);
      let s = i * rowStride + p0 * innerStride;
      if (height === MR) {
        for (let p = 0; p < kc; p++, o += MR, s += innerStride) {
          packed[o] = a[s];
          packed[o + 1] = a[s + rowStride];
          packed[o + 2] = a[s + 2 * rowStride];
          packed[o + 3] = a[s + 3 * rowStride];
        }
      } else {
        for (let p = 0; p < kc; p++, o += MR, s += innerStride) {
          for (let r = 0; r < MR; r++) packed[o + r] = r < height ? a[s + r * rowStride] : 0;
        }
      }
    }
  }

  /** Rows p0…p0+kc of op(B), columns j0…j0+nc, as NR-column panels stored row by row. */
  private packB(
    b: Float64Array, innerStride: number, colStride: number,
    p0: number, kc: number, j0: number, nc: number,
  ): void {
    const packed = this.packedB;
    let o = 0;
    for (let j = j0; j < j0 + nc; j += NR) {
      const width = Math.min(NR, j0 + nc - j);
      let s = p0 * innerStride + j * colStride;
      if (width === NR) {
        for (let p = 0; p < kc; p++, o += NR, s += innerStride) {
          packed[o] = b[s];
          packed[o + 1] = b[s + colStride];
          packed[o + 2] = b[s + 2 * colStride];
          packed[o + 3] = b[s + 3 * colStride];
        }
      } else {
        for (let p = 0; p < kc; p++, o += NR, s += innerStride) {
          for (let col = 0; col < NR; col++) packed[o + col] = col < width ? b[s + col * colStride] : 0;
        }
      }
    }
  }

  /** C[i0…, j0…] (+)= packed A · packed B, one MR × NR tile at a time. */
  private multiplyPacked(
    c: Float64Array, ldc: number,
    i0: number, mc: number, j0: number, nc: number, kc: number, accumulate: boolean,
  ): void {
    const pa = this.packedA;
    const pb = this.packedB;
    const tile = this.tile;
    for (let jp = 0; jp < nc; jp += NR) {
      const bStart = jp * kc;
      const width = Math.min(NR, nc - jp);
      for (let ip = 0; ip < mc; ip += MR) {
        const aStart = ip * kc;
        const height = Math.min(MR, mc - ip);
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let p = 0, ia = aStart, ib = bStart; p < kc; p++, ia += MR, ib += NR) {
          const a0 = pa[ia], a1 = pa[ia + 1], a2 = pa[ia + 2], a3 = pa[ia + 3];
          const b0 = pb[ib], b1 = pb[ib + 1], b2 = pb[ib + 2], b3 = pb[ib + 3];
          c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
          c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
          c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
          c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        let o = (i0 + ip) * ldc + j0 + jp;
        if (height === MR && width === NR) {
          if (accumulate) {
            c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03; o += ldc;
            c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; o += ldc;
            c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; o += ldc;
            c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
          } else {
            c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += ldc;
            c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += ldc;
            c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += ldc;
            c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
          }
        } else {
          // A ragged edge: the padded rows/columns of the tile were computed from zeros and are dropped.
          tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
          tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
          tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
          tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
          for (let r = 0; r < height; r++, o += ldc) {
            for (let col = 0; col < width; col++) {
              c[o + col] = (accumulate ? c[o + col] : 0) + tile[r * NR + col];
            }
          }
        }
      }
    }
  }
}

function roundUp(x: number, multiple: number): number {
  return Math.ceil(x / multiple) * multiple;
}
