// Packed GEMM, GotoBLAS style: C[i0:i1, j0:j1] = op(A)·op(B) (or += with gemmAdd) for row-major operands addressed by
// strides, so a transpose only swaps the strides. Blocks of op(A) and op(B) are packed into
// panels the micro-kernel reads contiguously, unless the operand already lies in panel order
// (op(A) column-contiguous, op(B) row-contiguous) and the block is small enough to read in place.
// One generic body serves float64 (the default) and float32 (an opt-in precision): T decides the
// element size and the micro-kernel, both at compile time.

import { kernel32, kernel64, MR32, MR64, NR32, NR64 } from './generated/microkernel';

// Cache blocks: a KC × NR panel of B (16 KiB) stays in L1, an MC × KC block of A (256 KiB) in L2.
// MC and NC must be whole numbers of panels (multiples of MR and NR).
export const KC: i32 = 256;
export const MC: i32 = 128;
export const NC: i32 = 2048;
// Largest block of an operand (values) read in place rather than packed. Read in place, a large
// column-contiguous op(A) costs a new cache line per step of p for MR values (784×128ᵀ·128×256
// ran 30% slower than packed).
const DIRECT_MAX: i32 = 8192;
/** Bytes of scratch one `gemm` call needs: packed B, packed A, one spilled tile. */
export const GEMM_WORK_BYTES: i32 = (KC * NC + MC * KC + MR64 * NR64) * 8;

/**
 * Writes C[i0:i1, j0:j1] (row stride ldc elements) of op(A)·op(B) in float64, where op(A)(i, p) =
 * a[i·ars + p·acs] and op(B)(p, j) = b[p·brs + j·bcs]. `work` points at GEMM_WORK_BYTES of scratch.
 */
export function gemm(
  a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, k: i32, work: usize,
): void {
  gemmOf<f64>(a, ars, acs, b, brs, bcs, c, ldc, i0, i1, j0, j1, k, work);
}

/** {@link gemm} on float32 operands, accumulating in float32. */
export function gemm32(
  a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, k: i32, work: usize,
): void {
  gemmOf<f32>(a, ars, acs, b, brs, bcs, c, ldc, i0, i1, j0, j1, k, work);
}

/** {@link gemm} adding to C: C[i0:i1, j0:j1] += op(A)·op(B). */
export function gemmAdd(
  a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, k: i32, work: usize,
): void {
  gemmOf<f64>(a, ars, acs, b, brs, bcs, c, ldc, i0, i1, j0, j1, k, work, true);
}

/** {@link gemmAdd} on float32 operands, accumulating in float32. */
export function gemmAdd32(
  a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, k: i32, work: usize,
): void {
  gemmOf<f32>(a, ars, acs, b, brs, bcs, c, ldc, i0, i1, j0, j1, k, work, true);
}

// @ts-ignore: decorator
@inline
function gemmOf<T>(
  a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, k: i32, work: usize, add: bool = false,
): void {
  const MR = sizeof<T>() == 4 ? MR32 : MR64;
  const NR = sizeof<T>() == 4 ? NR32 : NR64;
  const size = <usize>sizeof<T>();
  if (i1 <= i0 || j1 <= j0) return;
  if (k == 0) {
    if (add) return;
    for (let i = i0; i < i1; i++) memory.fill(c + (<usize>i * ldc + j0) * size, 0, <usize>(j1 - j0) * size);
    return;
  }
  const packedB = work;
  const packedA = work + <usize>(KC * NC) * size;
  const tile = packedA + <usize>(MC * KC) * size;
  const directA = ars == 1 && min(MC, i1 - i0) * min(KC, k) <= DIRECT_MAX;
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      // A constant `add` (each export passes one) folds away once gemmOf is inlined.
      const accumulate = add || pc > 0;
      const directB = bcs == 1 && kc * nc <= DIRECT_MAX;
      let bBase: usize, bStep: usize, bPanel: usize;
      if (directB) {
        bBase = b + (<usize>pc * brs + jc) * size;
        bStep = <usize>brs * size;
        bPanel = <usize>NR * size;
      } else {
        packB<T>(b, brs, bcs, pc, kc, jc, nc, packedB, NR);
        bBase = packedB;
        bStep = <usize>NR * size;
        bPanel = <usize>(kc * NR) * size;
      }
      for (let ic = i0; ic < i1; ic += MC) {
        const mc = min(MC, i1 - ic);
        let aBase: usize, aStep: usize, aPanel: usize;
        if (directA) {
          aBase = a + (<usize>ic + <usize>pc * acs) * size;
          aStep = <usize>acs * size;
          aPanel = <usize>MR * size;
        } else {
          packA<T>(a, ars, acs, ic, mc, pc, kc, packedA, MR);
          aBase = packedA;
          aStep = <usize>MR * size;
          aPanel = <usize>(kc * MR) * size;
        }
        const ldcBytes = <usize>ldc * size;
        for (let jr = 0; jr < nc; jr += NR) {
          const width = min(NR, nc - jr);
          const pb = bBase + <usize>(jr / NR) * bPanel;
          for (let ir = 0; ir < mc; ir += MR) {
            const height = min(MR, mc - ir);
            const pa = aBase + <usize>(ir / MR) * aPanel;
            const cTile = c + (<usize>(ic + ir) * ldc + jc + jr) * size;
            if (sizeof<T>() == 4) kernel32(pa, aStep, pb, bStep, kc, cTile, ldcBytes, accumulate, height, width, tile);
            else kernel64(pa, aStep, pb, bStep, kc, cTile, ldcBytes, accumulate, height, width, tile);
          }
        }
      }
    }
  }
}

/** Rows ic…ic+mc, columns pc…pc+kc of op(A) as MR-row panels stored column by column, zero-padded. */
// @ts-ignore: decorator
@inline
function packA<T>(a: usize, ars: i32, acs: i32, ic: i32, mc: i32, pc: i32, kc: i32, out: usize, MR: i32): void {
  const size = <usize>sizeof<T>();
  const rs = <usize>ars * size;
  const cs = <usize>acs * size;
  let o = out;
  for (let i = 0; i < mc; i += MR) {
    const height = min(MR, mc - i);
    let s = a + (<usize>(ic + i) * ars + <usize>pc * acs) * size;
    for (let p = 0; p < kc; p++) {
      for (let r = 0; r < MR; r++) store<T>(o + <usize>r * size, r < height ? load<T>(s + <usize>r * rs) : <T>0);
      o += <usize>MR * size;
      s += cs;
    }
  }
}

/** Rows pc…pc+kc, columns jc…jc+nc of op(B) as NR-column panels stored row by row, zero-padded. */
// @ts-ignore: decorator
@inline
function packB<T>(b: usize, brs: i32, bcs: i32, pc: i32, kc: i32, jc: i32, nc: i32, out: usize, NR: i32): void {
  const size = <usize>sizeof<T>();
  const rs = <usize>brs * size;
  const cs = <usize>bcs * size;
  const rowBytes = <usize>NR * size;
  let o = out;
  for (let j = 0; j < nc; j += NR) {
    const width = min(NR, nc - j);
    let s = b + (<usize>pc * brs + <usize>(jc + j) * bcs) * size;
    if (width == NR && bcs == 1) {
      // Rows of a row-contiguous op(B): NR values side by side, copied as vectors.
      for (let p = 0; p < kc; p++) {
        for (let q: usize = 0; q < rowBytes; q += 16) v128.store(o + q, v128.load(s + q));
        o += rowBytes;
        s += rs;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let q = 0; q < NR; q++) store<T>(o + <usize>q * size, q < width ? load<T>(s + <usize>q * cs) : <T>0);
        o += rowBytes;
        s += rs;
      }
    }
  }
}
