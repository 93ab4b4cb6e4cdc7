// Column reductions, sums and checks over row-major rows × cols float32 matrices. Sums accumulate
// in float64 (a float32 value widens exactly, and so does the product of two) and are rounded to
// float32 once, so a result is within one float32 rounding of the exact sum but for float64's
// n·2⁻⁵³·Σ|terms|.

// @ts-ignore: decorator
@inline
function low(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

// @ts-ignore: decorator
@inline
function high(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
}

// @ts-ignore: decorator
@inline
function narrow(lo: v128, hi: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/**
 * out[c] = Σ_r x[r, c] / divisor, four columns at a time down all rows (each column is read
 * before its out value is written, so out may be x's first row).
 */
// @ts-ignore: decorator
@inline
function columnSums(x: usize, rows: i32, cols: i32, out: usize, divisor: f64): void {
  const rowBytes = <usize>cols << 2;
  const quads = <usize>(cols & ~3) << 2;
  const d = f64x2.splat(divisor);
  let c: usize = 0;
  for (; c < quads; c += 16) {
    let lo = f64x2.splat(0), hi = f64x2.splat(0);
    let p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) {
      const v = v128.load(p);
      lo = f64x2.add(lo, low(v));
      hi = f64x2.add(hi, high(v));
    }
    v128.store(out + c, narrow(f64x2.div(lo, d), f64x2.div(hi, d)));
  }
  for (; c < rowBytes; c += 4) {
    let s: f64 = 0;
    let p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) s += <f64>load<f32>(p);
    store<f32>(out + c, <f32>(s / divisor));
  }
}

/** out[c] = Σ_r x[r, c]. rows = 0 gives zeros. */
export function sumColumns32(x: usize, rows: i32, cols: i32, out: usize): void {
  columnSums(x, rows, cols, out, 1.0);
}

/** out[c] = Σ_r x[r, c] / rows (NaN when rows = 0, as 0 / 0). */
export function meanColumns32(x: usize, rows: i32, cols: i32, out: usize): void {
  columnSums(x, rows, cols, out, <f64>rows);
}

/**
 * Population variance of each column, in two passes down each group of four columns (mean, then
 * squared deviations), both in float64 registers: no scratch, and out may be x's first row.
 */
export function varianceColumns32(x: usize, rows: i32, cols: i32, out: usize): void {
  const rowBytes = <usize>cols << 2;
  const quads = <usize>(cols & ~3) << 2;
  const n = f64x2.splat(<f64>rows);
  let c: usize = 0;
  for (; c < quads; c += 16) {
    let lo = f64x2.splat(0), hi = f64x2.splat(0);
    let p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) {
      const v = v128.load(p);
      lo = f64x2.add(lo, low(v));
      hi = f64x2.add(hi, high(v));
    }
    const meanLo = f64x2.div(lo, n), meanHi = f64x2.div(hi, n);
    lo = f64x2.splat(0);
    hi = f64x2.splat(0);
    p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) {
      const v = v128.load(p);
      const dl = f64x2.sub(low(v), meanLo);
      const dh = f64x2.sub(high(v), meanHi);
      lo = f64x2.add(lo, f64x2.mul(dl, dl));
      hi = f64x2.add(hi, f64x2.mul(dh, dh));
    }
    v128.store(out + c, narrow(f64x2.div(lo, n), f64x2.div(hi, n)));
  }
  for (; c < rowBytes; c += 4) {
    let s: f64 = 0;
    let p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) s += <f64>load<f32>(p);
    const mean = s / <f64>rows;
    s = 0;
    p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) {
      const d = <f64>load<f32>(p) - mean;
      s += d * d;
    }
    store<f32>(out + c, <f32>(s / <f64>rows));
  }
}

/** Σ x[i]·y[i], each product exact in float64, in four float64 partial sums. */
export function dot32(x: usize, y: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  const end = x + (<usize>n << 2);
  const quads = x + (<usize>(n & ~3) << 2);
  for (; x < quads; x += 16, y += 16) {
    const v = v128.load(x);
    const w = v128.load(y);
    s0 = f64x2.add(s0, f64x2.mul(low(v), low(w)));
    s1 = f64x2.add(s1, f64x2.mul(high(v), high(w)));
  }
  s0 = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
  for (; x < end; x += 4, y += 4) total += <f64>load<f32>(x) * <f64>load<f32>(y);
  return total;
}

/** 1 when every value is finite: x − x is 0 for finite x and NaN for ±Infinity and NaN. */
export function allFinite32(x: usize, n: i32): i32 {
  let acc = f32x4.splat(0);
  const end = x + (<usize>n << 2);
  const quads = x + (<usize>(n & ~3) << 2);
  for (; x < quads; x += 16) {
    const v = v128.load(x);
    acc = f32x4.add(acc, f32x4.sub(v, v));
  }
  let total: f32 = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
  for (; x < end; x += 4) {
    const v = load<f32>(x);
    total += v - v;
  }
  return total == 0 ? 1 : 0;
}
