// Column reductions, sums and checks over row-major rows × cols float64 matrices.

/** out[c] = Σ_r x[r, c]; row 0 assigns, so out needs no clearing. rows = 0 gives zeros. */
export function sumColumns(x: usize, rows: i32, cols: i32, out: usize): void {
  const rowBytes = <usize>cols << 3;
  if (rows == 0) {
    memory.fill(out, 0, rowBytes);
    return;
  }
  memory.copy(out, x, rowBytes);
  const pairs = <usize>(cols & ~1) << 3;
  for (let r = 1; r < rows; r++) {
    x += rowBytes;
    let c: usize = 0;
    for (; c < pairs; c += 16) v128.store(out + c, f64x2.add(v128.load(out + c), v128.load(x + c)));
    if (c < rowBytes) store<f64>(out + c, load<f64>(out + c) + load<f64>(x + c));
  }
}

/** out[c] = Σ_r x[r, c] / rows (NaN when rows = 0, as 0 / 0). */
export function meanColumns(x: usize, rows: i32, cols: i32, out: usize): void {
  sumColumns(x, rows, cols, out);
  divideBy(out, cols, <f64>rows);
}

/**
 * Population variance of each column, in two passes (mean, then squared deviations) to avoid the
 * cancellation of E[x²] − E[x]². `mean` is cols values of scratch.
 */
export function varianceColumns(x: usize, rows: i32, cols: i32, mean: usize, out: usize): void {
  meanColumns(x, rows, cols, mean);
  const rowBytes = <usize>cols << 3;
  memory.fill(out, 0, rowBytes);
  const pairs = <usize>(cols & ~1) << 3;
  for (let r = 0; r < rows; r++) {
    let c: usize = 0;
    for (; c < pairs; c += 16) {
      const d = f64x2.sub(v128.load(x + c), v128.load(mean + c));
      v128.store(out + c, f64x2.add(v128.load(out + c), f64x2.mul(d, d)));
    }
    if (c < rowBytes) {
      const d = load<f64>(x + c) - load<f64>(mean + c);
      store<f64>(out + c, load<f64>(out + c) + d * d);
    }
    x += rowBytes;
  }
  divideBy(out, cols, <f64>rows);
}

function divideBy(out: usize, n: i32, divisor: f64): void {
  for (let i = 0; i < n; i++) {
    const o = out + (<usize>i << 3);
    store<f64>(o, load<f64>(o) / divisor);
  }
}

/** Σ x[i]·y[i], in four interleaved partial sums. */
export function dot(x: usize, y: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  const end = x + (<usize>n << 3);
  const quads = x + (<usize>(n & ~3) << 3);
  for (; x < quads; x += 32, y += 32) {
    s0 = f64x2.add(s0, f64x2.mul(v128.load(x), v128.load(y)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(x, 16), v128.load(y, 16)));
  }
  s0 = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
  for (; x < end; x += 8, y += 8) total += load<f64>(x) * load<f64>(y);
  return total;
}

/** 1 when every value is finite: x − x is 0 for finite x and NaN for ±Infinity and NaN. */
export function allFinite(x: usize, n: i32): i32 {
  let acc = f64x2.splat(0);
  const end = x + (<usize>n << 3);
  const pairs = x + (<usize>(n & ~1) << 3);
  for (; x < pairs; x += 16) {
    const v = v128.load(x);
    acc = f64x2.add(acc, f64x2.sub(v, v));
  }
  let total = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (x < end) {
    const v = load<f64>(x);
    total += v - v;
  }
  return total == 0 ? 1 : 0;
}
