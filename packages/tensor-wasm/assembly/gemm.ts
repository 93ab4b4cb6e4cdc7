// Packed GEMM, GotoBLAS style: C[i0:i1, j0:j1] = op(A)·op(B) for row-major float64 operands
// addressed by strides, so a transpose only swaps the strides. Blocks of op(A) and op(B) are
// packed into panels the micro-kernel reads contiguously, unless the operand already lies in
// panel order (op(A) column-contiguous, op(B) row-contiguous) and is small enough to read in
// place.

// Register tile: MR rows × NR columns of C in MR × NR/2 f64x2 accumulators.
const MR: i32 = 4;
const NR: i32 = 4;
// Cache blocks: a KC × NR panel of B (8 KiB) stays in L1, an MC × KC block of A (256 KiB) in L2.
export const KC: i32 = 256;
export const MC: i32 = 128;
export const NC: i32 = 2048;
/** Bytes of scratch one `gemm` call needs: packed B, packed A, one spilled tile. */
export const GEMM_WORK_BYTES: i32 = (KC * NC + MC * KC + MR * NR) * 8;

/**
 * Writes C[i0:i1, j0:j1] (row stride ldc elements) of op(A)·op(B), where op(A)(i, p) =
 * a[i·ars + p·acs] and op(B)(p, j) = b[p·brs + j·bcs]. `work` points at GEMM_WORK_BYTES of scratch.
 */
export function gemm(
  a: usize, ars: i32, acs: i32,
  b: usize, brs: i32, bcs: i32,
  c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, k: i32,
  work: usize,
): void {
  if (i1 <= i0 || j1 <= j0) return;
  if (k == 0) {
    for (let i = i0; i < i1; i++) memory.fill(c + ((<usize>i * ldc + j0) << 3), 0, <usize>(j1 - j0) << 3);
    return;
  }
  const packedB = work;
  const packedA = work + (<usize>(KC * NC) << 3);
  const tile = packedA + (<usize>(MC * KC) << 3);
  // op(A) with contiguous columns is already in panel order: MR consecutive rows per step of p.
  const directA = ars == 1;
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = pc > 0;
      // A row-contiguous op(B) small enough to stay in cache is read where it lies.
      const directB = bcs == 1 && kc * nc <= 32768;
      let bBase: usize, bStep: usize, bPanel: usize;
      if (directB) {
        bBase = b + ((<usize>pc * brs + jc) << 3);
        bStep = <usize>brs << 3;
        bPanel = <usize>NR << 3;
      } else {
        packB(b, brs, bcs, pc, kc, jc, nc, packedB);
        bBase = packedB;
        bStep = <usize>NR << 3;
        bPanel = <usize>(kc * NR) << 3;
      }
      for (let ic = i0; ic < i1; ic += MC) {
        const mc = min(MC, i1 - ic);
        let aBase: usize, aStep: usize, aPanel: usize;
        if (directA) {
          aBase = a + ((<usize>ic + <usize>pc * acs) << 3);
          aStep = <usize>acs << 3;
          aPanel = <usize>MR << 3;
        } else {
          packA(a, ars, acs, ic, mc, pc, kc, packedA);
          aBase = packedA;
          aStep = <usize>MR << 3;
          aPanel = <usize>(kc * MR) << 3;
        }
        for (let jr = 0; jr < nc; jr += NR) {
          const width = min(NR, nc - jr);
          const pb = bBase + <usize>(jr / NR) * bPanel;
          for (let ir = 0; ir < mc; ir += MR) {
            const height = min(MR, mc - ir);
            const pa = aBase + <usize>(ir / MR) * aPanel;
            const pc0 = c + ((<usize>(ic + ir) * ldc + jc + jr) << 3);
            kernel(pa, aStep, pb, bStep, kc, pc0, <usize>ldc << 3, accumulate, height, width, tile);
          }
        }
      }
    }
  }
}

/** Rows ic…ic+mc, columns pc…pc+kc of op(A) as MR-row panels stored column by column, zero-padded. */
function packA(a: usize, ars: i32, acs: i32, ic: i32, mc: i32, pc: i32, kc: i32, out: usize): void {
  let o = out;
  for (let i = 0; i < mc; i += MR) {
    const height = min(MR, mc - i);
    let s = a + ((<usize>(ic + i) * ars + <usize>pc * acs) << 3);
    const rs = <usize>ars << 3;
    const cs = <usize>acs << 3;
    if (height == MR) {
      for (let p = 0; p < kc; p++) {
        store<f64>(o, load<f64>(s));
        store<f64>(o, load<f64>(s + rs), 8);
        store<f64>(o, load<f64>(s + 2 * rs), 16);
        store<f64>(o, load<f64>(s + 3 * rs), 24);
        o += <usize>MR << 3;
        s += cs;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) store<f64>(o + (<usize>r << 3), r < height ? load<f64>(s + <usize>r * rs) : 0.0);
        o += <usize>MR << 3;
        s += cs;
      }
    }
  }
}

/** Rows pc…pc+kc, columns jc…jc+nc of op(B) as NR-column panels stored row by row, zero-padded. */
function packB(b: usize, brs: i32, bcs: i32, pc: i32, kc: i32, jc: i32, nc: i32, out: usize): void {
  let o = out;
  const rs = <usize>brs << 3;
  const cs = <usize>bcs << 3;
  for (let j = 0; j < nc; j += NR) {
    const width = min(NR, nc - j);
    let s = b + ((<usize>pc * brs + <usize>(jc + j) * bcs) << 3);
    if (width == NR && bcs == 1) {
      for (let p = 0; p < kc; p++) {
        v128.store(o, v128.load(s));
        v128.store(o, v128.load(s, 16), 16);
        o += <usize>NR << 3;
        s += rs;
      }
    } else if (width == NR) {
      for (let p = 0; p < kc; p++) {
        store<f64>(o, load<f64>(s));
        store<f64>(o, load<f64>(s + cs), 8);
        store<f64>(o, load<f64>(s + 2 * cs), 16);
        store<f64>(o, load<f64>(s + 3 * cs), 24);
        o += <usize>NR << 3;
        s += rs;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let q = 0; q < NR; q++) store<f64>(o + (<usize>q << 3), q < width ? load<f64>(s + <usize>q * cs) : 0.0);
        o += <usize>NR << 3;
        s += rs;
      }
    }
  }
}

/**
 * The MR × NR micro-kernel: Σ_p A-panel(:, p) ⊗ B-panel(p, :) over kc steps, then stored into
 * (or, when `accumulate`, added to) the height × width corner of the tile at c. Rows and columns
 * past the edge of C come from padding (or neighbouring data) and are dropped.
 */
// @ts-ignore: decorator
@inline
function kernel(
  pa: usize, aStep: usize, pb: usize, bStep: usize, kc: i32,
  c: usize, ldc: usize, accumulate: bool, height: i32, width: i32, tile: usize,
): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let x = v128.load64_splat(pa);
    c00 = f64x2.add(c00, f64x2.mul(x, b0));
    c01 = f64x2.add(c01, f64x2.mul(x, b1));
    x = v128.load64_splat(pa, 8);
    c10 = f64x2.add(c10, f64x2.mul(x, b0));
    c11 = f64x2.add(c11, f64x2.mul(x, b1));
    x = v128.load64_splat(pa, 16);
    c20 = f64x2.add(c20, f64x2.mul(x, b0));
    c21 = f64x2.add(c21, f64x2.mul(x, b1));
    x = v128.load64_splat(pa, 24);
    c30 = f64x2.add(c30, f64x2.mul(x, b0));
    c31 = f64x2.add(c31, f64x2.mul(x, b1));
    pa += aStep;
    pb += bStep;
  }
  if (height == MR && width == NR) {
    if (accumulate) {
      v128.store(c, f64x2.add(v128.load(c), c00));
      v128.store(c, f64x2.add(v128.load(c, 16), c01), 16);
      c += ldc;
      v128.store(c, f64x2.add(v128.load(c), c10));
      v128.store(c, f64x2.add(v128.load(c, 16), c11), 16);
      c += ldc;
      v128.store(c, f64x2.add(v128.load(c), c20));
      v128.store(c, f64x2.add(v128.load(c, 16), c21), 16);
      c += ldc;
      v128.store(c, f64x2.add(v128.load(c), c30));
      v128.store(c, f64x2.add(v128.load(c, 16), c31), 16);
    } else {
      v128.store(c, c00);
      v128.store(c, c01, 16);
      c += ldc;
      v128.store(c, c10);
      v128.store(c, c11, 16);
      c += ldc;
      v128.store(c, c20);
      v128.store(c, c21, 16);
      c += ldc;
      v128.store(c, c30);
      v128.store(c, c31, 16);
    }
    return;
  }
  v128.store(tile, c00);
  v128.store(tile, c01, 16);
  v128.store(tile, c10, 32);
  v128.store(tile, c11, 48);
  v128.store(tile, c20, 64);
  v128.store(tile, c21, 80);
  v128.store(tile, c30, 96);
  v128.store(tile, c31, 112);
  for (let r = 0; r < height; r++) {
    const row = c + <usize>r * ldc;
    const t = tile + (<usize>(r * NR) << 3);
    for (let q = 0; q < width; q++) {
      const o = row + (<usize>q << 3);
      const v = load<f64>(t + (<usize>q << 3));
      store<f64>(o, accumulate ? load<f64>(o) + v : v);
    }
  }
}
