// How the wasm kernels are built: the element-wise kernels are generated from one table, then
// AssemblyScript compiles assembly/index.ts into a module that src/generated/kernelsWasm.ts embeds
// as base64 (so tests run on source and browsers need no file access). Used by build-wasm.mjs and
// by the test that checks the committed artefacts against the sources.
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ASSEMBLY_ENTRY = 'assembly/index.ts';
export const GENERATED_ELEMENTWISE = 'assembly/generated/elementwise.ts';
export const GENERATED_MICROKERNEL = 'assembly/generated/microkernel.ts';
export const GENERATED_MODULE = 'src/generated/kernelsWasm.ts';

/** Maximum memory in 64 KiB pages (2 GiB); the memory is shared so worker threads can use it. */
export const MAXIMUM_PAGES = 32768;

/**
 * asc flags: SIMD and threads (atomics), no runtime (JS owns the memory layout), no data segments,
 * memory imported. Two builds differ only in whether that memory is shared: worker threads need
 * it shared, and one thread copies faster into a plain one (`Float64Array.set` into a
 * SharedArrayBuffer copies word by word: 1.5–2× slower).
 */
export const ASC_FLAGS = [
  '-O3', '--noAssert', '--runtime', 'stub', '--use', 'abort=',
  '--enable', 'simd,threads', '--importMemory',
  '--initialMemory', '0', '--maximumMemory', String(MAXIMUM_PAGES),
];

// ─── element-wise kernels ──────────────────────────────────────────────────────────────────────
// Each op is a list of statements on one f64x2 vector, written with `$` where the vector's number
// goes: operands arrive as `a$` (and `b$`), scalars splatted under their own names, the result is
// `y$`. The main loop runs LANES vectors in lock-step, statement by statement, so that a long
// dependency chain (exp's polynomial) of one vector overlaps the others' (written one vector after
// another, the out-of-order window covers barely two, and exp ran 2.5× slower).
const LANES = 4;
const splat = (x) => `f64x2.splat(${x})`;
const ONE = splat('1.0');

// e^x and e^x − 1 after Cody–Waite reduction: x = n·ln2 + r, |r| ≤ ln2/2, n integral; e^r − 1 by
// its Taylor series to r^13 (truncation below 1e-17 relative), Horner. ln 2 = LN2_HI + LN2_LO with
// n·LN2_HI exact for |n| < 2^11 (fdlibm's split). Adding SHIFT = 1.5·2^52 rounds to an integer.
const LOG2E = '1.4426950408889634';
const LN2_HI = '6.93147180369123816490e-1';
const LN2_LO = '1.90821492927058770002e-10';
const SHIFT = '6755399441055744.0';
const TAYLOR = [6227020800, 479001600, 39916800, 3628800, 362880, 40320, 5040, 720, 120, 24, 6, 2, 1];

/** `n$` = round(x·log2 e), `r$` = x − n·ln 2, under the prefix `p`. */
function reduce(p, x) {
  return [
    `const ${p}n$ = f64x2.sub(f64x2.add(f64x2.mul(${x}, ${splat(LOG2E)}), ${splat(SHIFT)}), ${splat(SHIFT)});`,
    `const ${p}r$ = f64x2.sub(f64x2.sub(${x}, f64x2.mul(${p}n$, ${splat(LN2_HI)})), f64x2.mul(${p}n$, ${splat(LN2_LO)}));`,
  ];
}

/** `${p}q$` = e^r − 1 for the reduced `${p}r$`. */
function expm1Reduced(p) {
  const [first, ...rest] = TAYLOR;
  return [
    `let ${p}q$ = ${splat(`1.0 / ${first}.0`)};`,
    ...rest.map((f) => `${p}q$ = f64x2.add(f64x2.mul(${p}q$, ${p}r$), ${splat(`1.0 / ${f}.0`)});`),
    `${p}q$ = f64x2.mul(${p}q$, ${p}r$);`,
  ];
}

/** 2^n for integral f64 lanes n in [−1022, 1023]: the biased exponent, shifted into place. */
const pow2 = (n) => `i64x2.shl(f64x2.add(${n}, ${splat(`1023.0 + ${SHIFT}`)}), 52)`;

/**
 * `${y}$` = e^x. x is clamped to [−746, 710] (e^x is 0 or +Infinity past there; NaN passes the
 * pmin/pmax), and 2^n is applied as two factors, so that n = 1024 overflows to +Infinity and
 * n < −1022 reaches the subnormals, as Math.exp does.
 */
function exp(y, x) {
  const p = `${y}_`;
  return [
    `const ${p}x$ = f64x2.pmax(f64x2.pmin(${x}, ${splat('710.0')}), ${splat('-746.0')});`,
    ...reduce(p, `${p}x$`),
    ...expm1Reduced(p),
    `const ${p}h$ = f64x2.floor(f64x2.mul(${p}n$, ${splat('0.5')}));`,
    `const ${y}$ = f64x2.mul(f64x2.mul(f64x2.add(${p}q$, ${ONE}), ${pow2(`${p}h$`)}), ${pow2(`f64x2.sub(${p}n$, ${p}h$)`)});`,
  ];
}

/** `${y}$` = e^x − 1 for 0 ≤ x ≤ 64, accurate relative to the result near 0. */
function expm1(y, x) {
  const p = `${y}_`;
  return [
    ...reduce(p, x),
    ...expm1Reduced(p),
    `const ${p}s$ = ${pow2(`${p}n$`)};`,
    // 2^n·(e^r − 1) + (2^n − 1): exact for n = 0, and without cancellation for n ≥ 1 (result > 0.4).
    `const ${y}$ = f64x2.add(f64x2.mul(${p}s$, ${p}q$), f64x2.sub(${p}s$, ${ONE}));`,
  ];
}

/** 1 / (1 + e^−x): e^−x overflows to +Infinity below x ≈ −709 and 1 / Infinity is 0. */
function sigmoidSteps() {
  return [...exp('e', 'f64x2.neg(a$)'), `const y$ = f64x2.div(${ONE}, f64x2.add(${ONE}, e$));`];
}

function tanhSteps() {
  return [
    `const s$ = v128.and(a$, ${splat('-0.0')});`,
    `const t$ = f64x2.pmin(f64x2.abs(a$), ${splat('20.0')});`,
    ...expm1('m', 'f64x2.add(t$, t$)'),
    `const y$ = v128.or(f64x2.div(m$, f64x2.add(m$, ${splat('2.0')})), s$);`,
  ];
}

// float32 exponentials on f32x4, as the float64 ones above: t = n·ln 2 + r with ln 2 =
// 0.693359375 − 2.12194440e-4 (cephes' split; n·0.693359375 is exact for |n| < 2^15), e^r − 1 to
// r^7 (truncation below 6e-9 relative), Horner; 2^m built in the exponent bits.
const SHIFT32 = '12582912.0'; // 1.5·2^23: adding it rounds to an integer
const splat32 = (x) => `f32x4.splat(${x})`;
/** 2^m for integral f32 lanes m in [−126, 127]: m + 127 lands in the low mantissa bits, shifted into the exponent. */
const pow2f32 = (m) => `i32x4.shl(f32x4.add(${m}, ${splat32(`127.0 + ${SHIFT32}`)}), 23)`;

/** `${p}n$` = round(t·log2 e), `${p}q$` = e^r − 1 for r = t − n·ln 2. */
function expm1Reduced32(p, t) {
  return [
    `const ${p}n$ = f32x4.sub(f32x4.add(f32x4.mul(${t}, ${splat32('1.44269504')}), ${splat32(SHIFT32)}), ${splat32(SHIFT32)});`,
    `const ${p}r$ = f32x4.sub(f32x4.sub(${t}, f32x4.mul(${p}n$, ${splat32('0.693359375')})), f32x4.mul(${p}n$, ${splat32('-2.12194440e-4')}));`,
    `let ${p}q$ = ${splat32('<f32>(1.0 / 5040.0)')};`,
    ...[720, 120, 24, 6, 2, 1].map((f) => `${p}q$ = f32x4.add(f32x4.mul(${p}q$, ${p}r$), ${splat32(`<f32>(1.0 / ${f}.0)`)});`),
    `${p}q$ = f32x4.mul(${p}q$, ${p}r$);`,
  ];
}

/**
 * `${y}$` = e^t for t ≤ 0; t is clamped at −105, where e^t rounds to 0, and 2^n applied as two
 * factors so that results reach the subnormals.
 */
function expNonPositive32(y, t) {
  const p = `${y}_`;
  return [
    `const ${p}t$ = f32x4.pmax(${t}, ${splat32('-105.0')});`,
    ...expm1Reduced32(p, `${p}t$`),
    `const ${p}h$ = f32x4.floor(f32x4.mul(${p}n$, ${splat32('0.5')}));`,
    `const ${y}$ = f32x4.mul(f32x4.mul(f32x4.add(${p}q$, ${splat32('1.0')}), ${pow2f32(`${p}h$`)}), ${pow2f32(`f32x4.sub(${p}n$, ${p}h$)`)});`,
  ];
}

/** `${y}$` = e^t − 1 for 0 ≤ t ≤ 20, accurate relative to the result near 0 (n = 0 there). */
function expm1Small32(y, t) {
  const p = `${y}_`;
  return [
    ...expm1Reduced32(p, t),
    `const ${p}s$ = ${pow2f32(`${p}n$`)};`,
    `const ${y}$ = f32x4.add(f32x4.mul(${p}s$, ${p}q$), f32x4.sub(${p}s$, ${splat32('1.0')}));`,
  ];
}

/** float32 sigmoid: e = e^−|x| ≤ 1 never overflows; 1 / (1 + e) for x ≥ 0, e / (1 + e) below. */
function sigmoidSteps32() {
  return [
    ...expNonPositive32('e', 'f32x4.neg(f32x4.abs(a$))'),
    `const y$ = f32x4.div(v128.bitselect(${splat32('1.0')}, e$, f32x4.ge(a$, ${splat32('0.0')})), f32x4.add(${splat32('1.0')}, e$));`,
  ];
}

/** float32 tanh, as the float64 one: m / (m + 2), m = e^{2|x|} − 1, x's sign; tanh(10) rounds to 1. */
function tanhSteps32() {
  return [
    `const s$ = v128.and(a$, ${splat32('-0.0')});`,
    `const t$ = f32x4.pmin(f32x4.abs(a$), ${splat32('10.0')});`,
    ...expm1Small32('m', 'f32x4.add(t$, t$)'),
    `const y$ = v128.or(f32x4.div(m$, f32x4.add(m$, ${splat32('2.0')})), s$);`,
  ];
}

/**
 * The element-wise ops: name, operands, scalar parameters, statements giving `y$`, and the
 * float32 kernel's own f32x4 statements where translating the float64 ones would not do (below).
 */
export const ELEMENTWISE_OPS = [
  { name: 'add', operands: 2, steps: ['const y$ = f64x2.add(a$, b$);'] },
  { name: 'sub', operands: 2, steps: ['const y$ = f64x2.sub(a$, b$);'] },
  { name: 'mul', operands: 2, steps: ['const y$ = f64x2.mul(a$, b$);'] },
  { name: 'scale', operands: 1, scalars: ['factor'], steps: ['const y$ = f64x2.mul(a$, factor);'] },
  { name: 'addScaled', operands: 2, scalars: ['factor'], steps: ['const y$ = f64x2.add(a$, f64x2.mul(factor, b$));'] },
  { name: 'sigmoidBackward', operands: 2, steps: [`const y$ = f64x2.mul(a$, f64x2.mul(b$, f64x2.sub(${ONE}, b$)));`] },
  { name: 'tanhBackward', operands: 2, steps: [`const y$ = f64x2.mul(a$, f64x2.sub(${ONE}, f64x2.mul(b$, b$)));`] },
  // pmax(a, 0) is `a < 0 ? 0 : a`: NaN passes, as in the cpu backend.
  { name: 'relu', operands: 1, steps: [`const y$ = f64x2.pmax(a$, ${splat('0.0')});`] },
  // Selects rather than multiplies, so an infinite gradient where y ≤ 0 still gives 0.
  { name: 'reluBackward', operands: 2, steps: [`const y$ = v128.and(f64x2.gt(b$, ${splat('0.0')}), a$);`] },
  { name: 'clip', operands: 1, scalars: ['lo', 'hi'], steps: ['const y$ = f64x2.pmin(f64x2.pmax(a$, lo), hi);'] },
  { name: 'sigmoid', operands: 1, steps: sigmoidSteps(), float32: { steps: sigmoidSteps32() } },
  // tanh|x| = m / (m + 2) with m = e^{2|x|} − 1, then x's sign (so −0 stays −0); tanh(20) rounds
  // to 1, so |x| is capped there and m stays finite.
  { name: 'tanh', operands: 1, steps: tanhSteps(), float32: { steps: tanhSteps32() } },
];

/** Ops that add or multiply a 1 × cols row vector into every row. */
export const ROW_VECTOR_OPS = [
  { name: 'addRowVector', steps: ['const y$ = f64x2.add(a$, b$);'] },
  { name: 'mulRowVector', steps: ['const y$ = f64x2.mul(a$, b$);'] },
];

/** The statements for vectors `lanes` (e.g. ['0', '1', '2', '3']), interleaved statement by statement. */
function lockstep(steps, lanes, indent) {
  return steps.flatMap((step) => lanes.map((lane) => `${indent}${step.replaceAll('$', lane)}`));
}

function elementwiseKernel({ name, operands, scalars = [], steps }) {
  const two = operands === 2;
  const params = ['x: usize', ...(two ? ['y: usize'] : []), ...scalars.map((s) => `${s}Scalar: f64`), 'out: usize', 'n: i32'];
  const lanes = Array.from({ length: LANES }, (_, i) => String(i));
  const advance = (bytes) => [`x += ${bytes}`, ...(two ? [`y += ${bytes}`] : []), `out += ${bytes}`].join(', ');
  return [
    `export function ${name}(${params.join(', ')}): void {`,
    ...scalars.map((s) => `  const ${s} = f64x2.splat(${s}Scalar);`),
    '  const end = x + (<usize>n << 3);',
    `  const blocks = x + (<usize>(n & ~${2 * LANES - 1}) << 3);`,
    '  const pairs = x + (<usize>(n & ~1) << 3);',
    `  for (; x < blocks; ${advance(16 * LANES)}) {`,
    ...lanes.map((l) => `    const a${l} = v128.load(x, ${16 * Number(l)});`),
    ...(two ? lanes.map((l) => `    const b${l} = v128.load(y, ${16 * Number(l)});`) : []),
    ...lockstep(steps, lanes, '    '),
    ...lanes.map((l) => `    v128.store(out, y${l}, ${16 * Number(l)});`),
    '  }',
    `  for (; x < pairs; ${advance(16)}) {`,
    '    const a0 = v128.load(x);',
    ...(two ? ['    const b0 = v128.load(y);'] : []),
    ...lockstep(steps, ['0'], '    '),
    '    v128.store(out, y0);',
    '  }',
    // The odd last value goes through the same vector code, so every value is treated alike.
    '  if (x < end) {',
    '    const a0 = f64x2.splat(load<f64>(x));',
    ...(two ? ['    const b0 = f64x2.splat(load<f64>(y));'] : []),
    ...lockstep(steps, ['0'], '    '),
    '    store<f64>(out, f64x2.extract_lane(y0, 0));',
    '  }',
    '}',
  ].join('\n');
}

/**
 * How a kernel reads one dtype: the suffix of its name, log2 of the value's bytes, the vector type,
 * the name of the full-vector bound and the values a vector holds (a float64 row leaves at most one
 * value for the tail, a float32 one up to three).
 */
const FLOAT64 = { suffix: '', shift: 3, type: 'f64', vector: 'f64x2', full: 'pairs', lanes: 2, tail: 'if' };
const FLOAT32 = { suffix: '32', shift: 2, type: 'f32', vector: 'f32x4', full: 'quads', lanes: 4, tail: 'for' };

function rowVectorKernel({ name, steps }, t = FLOAT64) {
  const typed = t === FLOAT32 ? toFloat32(steps) : steps;
  const size = 1 << t.shift;
  return [
    `export function ${name}${t.suffix}(x: usize, v: usize, out: usize, rows: i32, cols: i32): void {`,
    `  const rowBytes = <usize>cols << ${t.shift};`,
    `  const ${t.full} = <usize>(cols & ~${t.lanes - 1}) << ${t.shift};`,
    '  for (let r = 0; r < rows; r++) {',
    '    let c: usize = 0;',
    `    for (; c < ${t.full}; c += 16) {`,
    '      const a0 = v128.load(x + c);',
    '      const b0 = v128.load(v + c);',
    ...lockstep(typed, ['0'], '      '),
    '      v128.store(out + c, y0);',
    '    }',
    t.tail === 'if' ? '    if (c < rowBytes) {' : `    for (; c < rowBytes; c += ${size}) {`,
    `      const a0 = ${t.vector}.splat(load<${t.type}>(x + c));`,
    `      const b0 = ${t.vector}.splat(load<${t.type}>(v + c));`,
    ...lockstep(typed, ['0'], '      '),
    `      store<${t.type}>(out + c, ${t.vector}.extract_lane(y0, 0));`,
    '    }',
    '    x += rowBytes;',
    '    out += rowBytes;',
    '  }',
    '}',
  ].join('\n');
}

// ─── float32 element-wise kernels ──────────────────────────────────────────────────────────────
// Each op also has a float32 kernel, named with a `32` suffix, four values per f32x4 instruction.
// Most run their float64 steps on f32x4 (f64x2 → f32x4), each within one float32 rounding per
// operation: add32 1.7× and relu32 2× float64's speed on the raw kernels (32768 values).
// `sigmoid` and `tanh` have f32x4 steps of their own (`float32.steps`, a float32 exp and expm1):
// worst errors seen 2.7 and 3.6·2⁻²⁴ relative (200 000 values, tiny to saturated). Widening each
// f32x4 to two f64x2 for the float64 steps (a degree-8 polynomial) and rounding once was within
// one rounding but 2.0× (sigmoid) and 2.2× (tanh) slower: 2.7–2.8 against 1.3–1.4 ns/value.
const F32_LANES = 4;

const toFloat32 = (steps) => steps.map((step) => step.replaceAll('f64x2', 'f32x4'));

function float32Params(operands, scalars) {
  return ['x: usize', ...(operands === 2 ? ['y: usize'] : []), ...scalars.map((s) => `${s}Scalar: f64`), 'out: usize', 'n: i32'];
}

function float32Advance(two, bytes) {
  return [`x += ${bytes}`, ...(two ? [`y += ${bytes}`] : []), `out += ${bytes}`].join(', ');
}

/** A float32 kernel running the op's steps on f32x4 vectors. */
function elementwiseKernel32({ name, operands, scalars = [], steps, float32 }) {
  const two = operands === 2;
  const f32 = float32?.steps ?? toFloat32(steps);
  const lanes = Array.from({ length: F32_LANES }, (_, i) => String(i));
  return [
    `export function ${name}32(${float32Params(operands, scalars).join(', ')}): void {`,
    ...scalars.map((s) => `  const ${s} = f32x4.splat(<f32>${s}Scalar);`),
    '  const end = x + (<usize>n << 2);',
    `  const blocks = x + (<usize>(n & ~${4 * F32_LANES - 1}) << 2);`,
    '  const quads = x + (<usize>(n & ~3) << 2);',
    `  for (; x < blocks; ${float32Advance(two, 16 * F32_LANES)}) {`,
    ...lanes.map((l) => `    const a${l} = v128.load(x, ${16 * Number(l)});`),
    ...(two ? lanes.map((l) => `    const b${l} = v128.load(y, ${16 * Number(l)});`) : []),
    ...lockstep(f32, lanes, '    '),
    ...lanes.map((l) => `    v128.store(out, y${l}, ${16 * Number(l)});`),
    '  }',
    `  for (; x < quads; ${float32Advance(two, 16)}) {`,
    '    const a0 = v128.load(x);',
    ...(two ? ['    const b0 = v128.load(y);'] : []),
    ...lockstep(f32, ['0'], '    '),
    '    v128.store(out, y0);',
    '  }',
    `  for (; x < end; ${float32Advance(two, 4)}) {`,
    '    const a0 = f32x4.splat(load<f32>(x));',
    ...(two ? ['    const b0 = f32x4.splat(load<f32>(y));'] : []),
    ...lockstep(f32, ['0'], '    '),
    '    store<f32>(out, f32x4.extract_lane(y0, 0));',
    '  }',
    '}',
  ].join('\n');
}

/**
 * The AssemblyScript source of the element-wise kernels. Each takes byte offsets into wasm
 * memory; `out` may equal an operand.
 */
export function generateElementwise() {
  return [
    '// GENERATED by scripts/wasmBuild.mjs (ELEMENTWISE_OPS, ROW_VECTOR_OPS): do not edit.',
    '',
    ...ELEMENTWISE_OPS.map(elementwiseKernel).flatMap((k) => [k, '']),
    ...ROW_VECTOR_OPS.map((op) => rowVectorKernel(op)).flatMap((k) => [k, '']),
    ...ELEMENTWISE_OPS.map(elementwiseKernel32).flatMap((k) => [k, '']),
    ...ROW_VECTOR_OPS.map((op) => rowVectorKernel(op, FLOAT32)).flatMap((k) => [k, '']),
  ].join('\n');
}

// ─── GEMM micro-kernel ────────────────────────────────────────────────────────────────────────
/**
 * Register tiles of the GEMM: MR rows × NR columns of C, in 8 accumulators of 128 bits. Measured
 * (scripts/race-microkernels.mjs, V8 11.3 on x64): tiles of 8 accumulators ran fastest, 2 × 8 ahead of
 * 4 × 4 on the small products of the tutorial and level on large ones; 12 or 16 accumulators
 * (6 × 4, 4 × 6, 8 × 4, 2 × 12) ran 30–45% slower, and unrolling the k loop 20–40% slower, as
 * V8 then spills registers. float32 keeps the shape in vectors: 2 × 16 (f32x4).
 */
export const MICROKERNELS = {
  f64: { MR: 2, NR: 8, type: 'f64', vector: 'f64x2', lanes: 2 },
  f32: { MR: 2, NR: 16, type: 'f32', vector: 'f32x4', lanes: 4 },
};

/**
 * One MR × NR micro-kernel: Σ_p A-panel(:, p) ⊗ B-panel(p, :) over kc steps, each accumulator in
 * its own local, then stored into (or, when `accumulate`, added to) the height × width corner of
 * the tile at c. Rows and columns past the edge of C come from padding (or neighbouring data)
 * and are dropped through the `tile` scratch.
 */
export function microkernel(name, { MR, NR, type, vector, lanes }, unroll = 1) {
  const size = type === 'f64' ? 8 : 4;
  const rows = Array.from({ length: MR }, (_, r) => r);
  const vectors = Array.from({ length: NR / lanes }, (_, v) => v);
  const acc = (r, v) => `c${r}${v}`;
  const step = (indent, u) => [
    ...vectors.map((v) => `${indent}const b${v}_${u} = v128.load(pb, ${16 * v});`),
    ...rows.flatMap((r) => [
      `${indent}const a${r}_${u} = v128.load${size * 8}_splat(pa, ${size * r});`,
      ...vectors.map((v) => `${indent}${acc(r, v)} = ${vector}.add(${acc(r, v)}, ${vector}.mul(a${r}_${u}, b${v}_${u}));`),
    ]),
    `${indent}pa += aStep;`,
    `${indent}pb += bStep;`,
  ];
  return [
    '// @ts-ignore: decorator',
    '@inline',
    `export function ${name}(`,
    '  pa: usize, aStep: usize, pb: usize, bStep: usize, kc: i32,',
    '  c: usize, ldc: usize, accumulate: bool, height: i32, width: i32, tile: usize,',
    '): void {',
    ...rows.flatMap((r) => vectors.map((v) => `  let ${acc(r, v)} = ${vector}.splat(0);`)),
    ...(unroll === 1 ? ['  for (let p = 0; p < kc; p++) {', ...step('    ', 0), '  }'] : [
      '  let p = 0;',
      `  for (; p + ${unroll - 1} < kc; p += ${unroll}) {`,
      ...Array.from({ length: unroll }, (_, u) => step('    ', u)).flat(),
      '  }',
      '  for (; p < kc; p++) {',
      ...step('    ', 0),
      '  }',
    ]),
    `  if (height == ${MR} && width == ${NR}) {`,
    '    if (accumulate) {',
    ...rows.flatMap((r) => [
      ...vectors.map((v) => `      v128.store(c, ${vector}.add(v128.load(c, ${16 * v}), ${acc(r, v)}), ${16 * v});`),
      ...(r < MR - 1 ? ['      c += ldc;'] : []),
    ]),
    '    } else {',
    ...rows.flatMap((r) => [
      ...vectors.map((v) => `      v128.store(c, ${acc(r, v)}, ${16 * v});`),
      ...(r < MR - 1 ? ['      c += ldc;'] : []),
    ]),
    '    }',
    '    return;',
    '  }',
    ...rows.flatMap((r) => vectors.map((v) => `  v128.store(tile, ${acc(r, v)}, ${16 * (r * vectors.length + v)});`)),
    '  for (let r = 0; r < height; r++) {',
    '    const row = c + <usize>r * ldc;',
    `    const t = tile + <usize>(r * ${NR * size});`,
    '    for (let q = 0; q < width; q++) {',
    `      const o = row + <usize>q * ${size};`,
    `      const v = load<${type}>(t + <usize>q * ${size});`,
    `      store<${type}>(o, accumulate ? load<${type}>(o) + v : v);`,
    '    }',
    '  }',
    '}',
  ].join('\n');
}

/** The AssemblyScript source of the float64 and float32 micro-kernels and their tile sizes. */
export function generateMicrokernel(kernels = MICROKERNELS, unroll = 1) {
  return [
    '// GENERATED by scripts/wasmBuild.mjs (MICROKERNELS): do not edit.',
    '',
    `export const MR64: i32 = ${kernels.f64.MR};`,
    `export const NR64: i32 = ${kernels.f64.NR};`,
    `export const MR32: i32 = ${kernels.f32.MR};`,
    `export const NR32: i32 = ${kernels.f32.NR};`,
    '',
    microkernel('kernel64', kernels.f64, unroll),
    '',
    microkernel('kernel32', kernels.f32, unroll),
    '',
  ].join('\n');
}

/**
 * Compiles assembly/index.ts (as it is on disk) with {@link ASC_FLAGS}, for a shared memory or
 * not; resolves to the wasm bytes.
 */
export async function compileKernels({ shared, baseDir = PACKAGE_ROOT }) {
  const { default: asc } = await import('assemblyscript/asc');
  let binary;
  const { error, stderr } = await asc.main(
    [ASSEMBLY_ENTRY, ...ASC_FLAGS, ...(shared ? ['--sharedMemory'] : []), '--baseDir', baseDir, '--outFile', 'kernels.wasm'],
    {
      // Keep the binary in memory: the caller decides where it goes.
      writeFile: (name, contents) => {
        if (name.endsWith('.wasm')) binary = contents;
      },
    },
  );
  if (error) throw new Error(`asc failed: ${error.message}\n${stderr.toString()}`);
  if (binary === undefined) throw new Error('asc produced no binary');
  return new Uint8Array(binary);
}

/** Both builds of the kernels: for a plain memory (one thread) and a shared one (threads). */
export async function compileAllKernels(baseDir = PACKAGE_ROOT) {
  return {
    plain: await compileKernels({ shared: false, baseDir }),
    shared: await compileKernels({ shared: true, baseDir }),
  };
}

function base64Lines(name, doc, bytes) {
  const lines = Buffer.from(bytes).toString('base64').match(/.{1,100}/g) ?? [];
  return [
    `/** ${doc} (${bytes.length} bytes), base64. */`,
    `export const ${name} =`,
    ...lines.map((line, i) => `  '${line}'${i === lines.length - 1 ? ';' : ' +'}`),
  ];
}

/** The TypeScript module that embeds both builds. */
export function renderModuleSource({ plain, shared }) {
  return [
    '// GENERATED by scripts/build-wasm.mjs from assembly/ (AssemblyScript): do not edit.',
    '// `npm run build:wasm` regenerates it; wasmArtefacts.test.ts checks it is up to date.',
    '',
    ...base64Lines('KERNELS_WASM_BASE64', "The kernels' module for a plain (unshared) memory", plain),
    '',
    ...base64Lines('KERNELS_SHARED_WASM_BASE64', "The kernels' module for a shared memory (worker threads)", shared),
    '',
    '/** Maximum memory the modules declare, in 64 KiB pages. */',
    `export const KERNELS_MAXIMUM_PAGES = ${MAXIMUM_PAGES};`,
    '',
  ].join('\n');
}
