import type { Matrix, MatrixData } from '../../Matrix.js';

// Register block: a 4 × 4 tile of C lives in 16 local accumulators through the whole k loop.
// Wider tiles (4 × 6, 4 × 8) spill registers in V8 and measured slower; see scripts/bench-matmul.ts.
const MR = 4;
const NR = 4;
// Cache blocks: a KC × NR panel of B (8 KiB) stays in L1 while an MC × KC block of A (128 KiB)
// streams from L2; KC × NC of packed B (2 MiB at most) is read once per MC block of A.
const KC = 256;
const MC = 64;
const NC = 1024;
// Largest kc × nc block of B (128 KiB) read in place rather than packed.
const DIRECT_B_MAX = 16384;

/**
 * `C = op(A)·op(B)` (or `C += op(A)·op(B)`) for row-major float64 matrices, column views
 * included (each operand's row stride is its `stride`), in the GotoBLAS layout: blocks of `op(A)`
 * and (unless small) of `op(B)` are copied ("packed") into grown-once scratch buffers so that
 * the micro-kernel reads them contiguously whatever the transposes; a transpose only changes
 * the strides the packing reads with. Holds scratch memory, so one instance serves one thread.
 */
export class MatmulKernel {
  private packedA = new Float64Array(0);
  private packedB = new Float64Array(0);
  private readonly tile = new Float64Array(MR * NR);

  /**
   * Writes `op(a)·op(b)` into `c` (adds it to `c`'s values when `accumulate`); the caller has
   * checked `c`'s shape, and `c` must not alias an operand.
   */
  multiply(a: Matrix, b: Matrix, transposeA: boolean, transposeB: boolean, c: Matrix, accumulate = false): void {
    const m = c.rows;
    const n = c.cols;
    const k = transposeA ? a.rows : a.cols;
    // Every k block adds its share into C, so C starts from zero (or from its values).
    const ldc = strideOf(c);
    if (!accumulate) {
      if (ldc === n) c.data.fill(0);
      else for (let r = 0; r < m; r++) c.data.fill(0, r * ldc, r * ldc + n);
    }
    if (k === 0) return;
    // Element (i, p) of op(A) sits at a[i * aRowStride + p * aInnerStride]; likewise for B.
    const aRowStride = transposeA ? 1 : strideOf(a);
    const aInnerStride = transposeA ? strideOf(a) : 1;
    const bInnerStride = transposeB ? 1 : strideOf(b);
    const bColStride = transposeB ? strideOf(b) : 1;
    this.reserve(Math.min(m, MC), Math.min(n, NC), Math.min(k, KC));
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      for (let j0 = 0; j0 < n; j0 += NC) {
        const nc = Math.min(NC, n - j0);
        // A small B whose columns fill whole NR-wide panels is read where it lies: either way
        // round, each of the four values the micro-kernel needs per step sits at a fixed distance
        // (1 or k) from the previous step's, and the block fits in cache, so packing would cost
        // more than it saves (about 15% of a 10×24·24×128 product). A large B would thrash the
        // TLB unpacked.
        const direct = nc % NR === 0 && kc * nc <= DIRECT_B_MAX;
        if (!direct) this.packB(b.data, bInnerStride, bColStride, p0, kc, j0, nc);
        // Element (p, j) of this block of op(B) is bData[bStart + (j / NR) · bPanelStride
        // + p · bStep + (j % NR) · bColStep].
        const bData = direct ? b.data : this.packedB;
        const bStart = direct ? p0 * bInnerStride + j0 * bColStride : 0;
        const bPanelStride = direct ? NR * bColStride : kc * NR;
        const bStep = direct ? bInnerStride : NR;
        const bColStep = direct ? bColStride : 1;
        for (let i0 = 0; i0 < m; i0 += MC) {
          const mc = Math.min(MC, m - i0);
          this.packA(a.data, aRowStride, aInnerStride, i0, mc, p0, kc);
          this.multiplyPanels(
            c.data, ldc, i0, mc, j0, nc, kc, bData, bStart, bPanelStride, bStep, bColStep,
          );
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
    a: MatrixData, rowStride: number, innerStride: number,
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
    b: MatrixData, innerStride: number, colStride: number,
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

  /** C[i0…, j0…] += packed A · panels of B, one MR × NR tile at a time. */
  private multiplyPanels(
    c: MatrixData, ldc: number, i0: number, mc: number, j0: number, nc: number, kc: number,
    pb: MatrixData, bStart: number, bPanelStride: number, bStep: number, bColStep: number,
  ): void {
    const pa = this.packedA;
    const tile = this.tile;
    const b1 = bColStep;
    const b2 = 2 * bColStep;
    const b3 = 3 * bColStep;
    for (let jp = 0; jp < nc; jp += NR) {
      const bPanel = bStart + (jp / NR) * bPanelStride;
      const width = Math.min(NR, nc - jp);
      for (let ip = 0; ip < mc; ip += MR) {
        const aStart = ip * kc;
        const height = Math.min(MR, mc - ip);
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let p = 0, ia = aStart, ib = bPanel; p < kc; p++, ia += MR, ib += bStep) {
          const a0 = pa[ia], a1 = pa[ia + 1], a2 = pa[ia + 2], a3 = pa[ia + 3];
          const v0 = pb[ib], v1 = pb[ib + b1], v2 = pb[ib + b2], v3 = pb[ib + b3];
          c00 += a0 * v0; c01 += a0 * v1; c02 += a0 * v2; c03 += a0 * v3;
          c10 += a1 * v0; c11 += a1 * v1; c12 += a1 * v2; c13 += a1 * v3;
          c20 += a2 * v0; c21 += a2 * v1; c22 += a2 * v2; c23 += a2 * v3;
          c30 += a3 * v0; c31 += a3 * v1; c32 += a3 * v2; c33 += a3 * v3;
        }
        // Rows and columns past the edge of C were computed from zero padding and are dropped.
        let o = (i0 + ip) * ldc + j0 + jp;
        if (width === NR) {
          c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
          if (height > 1) { o += ldc; c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; }
          if (height > 2) { o += ldc; c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; }
          if (height > 3) { o += ldc; c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33; }
        } else {
          tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
          tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
          tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
          tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
          for (let r = 0; r < height; r++, o += ldc) {
            for (let col = 0; col < width; col++) c[o + col] += tile[r * NR + col];
          }
        }
      }
    }
  }
}

/** A view's row stride, else `cols` (also for a matrix of another copy of this package, without one). */
function strideOf(m: Matrix): number {
  return m.stride > m.cols ? m.stride : m.cols;
}

function roundUp(x: number, multiple: number): number {
  return Math.ceil(x / multiple) * multiple;
}
