import { gemm, gemm32 } from './gemm';

// A product split into chunks (row or column blocks of C) that every thread taking part claims
// one at a time, so a thread that starts late, or is descheduled on a busy machine, just claims
// fewer. The job lives in a control block in shared memory (i32 fields at these byte offsets):
//   0 state: job sequence number << 16 | next unclaimed chunk      4 finished chunks
//   8 a, 12 ars, 16 acs, 20 b, 24 brs, 28 bcs, 32 c, 36 m, 40 n, 44 k,
//   48 chunk count, 52 chunk size, 56 1 when chunks are row blocks (else column blocks),
//   60 1 for float32 operands (else float64), 64 workers ready (kept by the JavaScript side)
export const CONTROL_BYTES: i32 = 68;

/**
 * Claims and computes chunks of job `seq` until none is left (or another job has replaced it).
 * A claim succeeds only while the state still names `seq`, and the next job's fields are written
 * only once every chunk is claimed, so the fields read here belong to the chunks claimed.
 */
export function gemmChunks(control: usize, seq: i32, work: usize): void {
  const a = <usize>load<i32>(control, 8);
  const ars = load<i32>(control, 12);
  const acs = load<i32>(control, 16);
  const b = <usize>load<i32>(control, 20);
  const brs = load<i32>(control, 24);
  const bcs = load<i32>(control, 28);
  const c = <usize>load<i32>(control, 32);
  const m = load<i32>(control, 36);
  const n = load<i32>(control, 40);
  const k = load<i32>(control, 44);
  const chunks = load<i32>(control, 48);
  const size = load<i32>(control, 52);
  const rows = load<i32>(control, 56) != 0;
  const float32 = load<i32>(control, 60) != 0;
  for (;;) {
    const state = atomic.load<i32>(control);
    if ((state >>> 16) != seq) return;
    const chunk = state & 0xffff;
    if (chunk >= chunks) return;
    if (atomic.cmpxchg<i32>(control, state, state + 1) != state) continue;
    const start = chunk * size;
    const i0 = rows ? start : 0;
    const i1 = rows ? min(m, start + size) : m;
    const j0 = rows ? 0 : start;
    const j1 = rows ? n : min(n, start + size);
    if (float32) gemm32(a, ars, acs, b, brs, bcs, c, n, i0, i1, j0, j1, k, work);
    else gemm(a, ars, acs, b, brs, bcs, c, n, i0, i1, j0, j1, k, work);
    atomic.add<i32>(control + 4, 1);
    atomic.notify(control + 4, 1);
  }
}
