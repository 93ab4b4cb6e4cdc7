// Packed GEMM, GotoBLAS style: C[i0:i1, j0:j1] = op(A)·op(B) for row-major float64 operands
// addressed by strides, so a transpose only swaps the strides. Blocks of op(A) and op(B) are
// packed into panels the micro-kernel reads contiguously, unless the operand already lies in
// panel order (op(A) column-contiguous, op(B) row-contiguous) and is small enough to read in
// place.

import { kernel, MR, NR } from './generated/microkernel';

// Cache blocks: a KC × NR panel of B (16 KiB) stays in L1, an MC × KC block of A (256 KiB) in L2.
// MC and NC must be whole numbers of panels (multiples of MR and NR).
export const KC: i32 = 256;
export const MC: i32 = 128;
export const NC: i32 = 2048;
// Largest block of an operand (values) read in place rather than packed (64 KiB).
const DIRECT_MAX: i32 = 8192;
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
  // op(A) with contiguous columns is already in panel order (MR consecutive rows per step of p);
  // a small block of it is read where it lies. A large one is packed all the same: read in place,
  // each step of p touches a new cache line for MR values (784×128ᵀ·128×256 ran 30% slower).
  const directA = ars == 1 && min(MC, i1 - i0) * min(KC, k) <= DIRECT_MAX;
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = pc > 0;
      // Likewise a small row-contiguous block of op(B).
      const directB = bcs == 1 && kc * nc <= DIRECT_MAX;
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
  const rs = <usize>ars << 3;
  const cs = <usize>acs << 3;
  let o = out;
  for (let i = 0; i < mc; i += MR) {
    const height = min(MR, mc - i);
    let s = a + ((<usize>(ic + i) * ars + <usize>pc * acs) << 3);
    for (let p = 0; p < kc; p++) {
      for (let r = 0; r < MR; r++) store<f64>(o + (<usize>r << 3), r < height ? load<f64>(s + <usize>r * rs) : 0.0);
      o += <usize>MR << 3;
      s += cs;
    }
  }
}

/** Rows pc…pc+kc, columns jc…jc+nc of op(B) as NR-column panels stored row by row, zero-padded. */
function packB(b: usize, brs: i32, bcs: i32, pc: i32, kc: i32, jc: i32, nc: i32, out: usize): void {
  const rs = <usize>brs << 3;
  const cs = <usize>bcs << 3;
  let o = out;
  for (let j = 0; j < nc; j += NR) {
    const width = min(NR, nc - j);
    let s = b + ((<usize>pc * brs + <usize>(jc + j) * bcs) << 3);
    if (width == NR && bcs == 1) {
      // Rows of a row-contiguous op(B): NR values side by side, copied as vectors.
      for (let p = 0; p < kc; p++) {
        for (let q = 0; q < NR; q += 2) v128.store(o + (<usize>q << 3), v128.load(s + (<usize>q << 3)));
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
