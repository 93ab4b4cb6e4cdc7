// A GEMM worker thread (plain JavaScript: Node 20 workers cannot load TypeScript). It instantiates
// the kernels on the shared memory it is given, then sleeps on the control block's state word and
// helps with each new job (kernels' gemmChunks) until terminated.
import { parentPort, workerData } from 'node:worker_threads';

const { module, memory, control, work, fields } = workerData;
const { gemmChunks } = new WebAssembly.Instance(module, { env: { memory } }).exports;
// Fields are i32 indices into the control block; it lies below the first growth, so this view
// of the memory's buffer stays valid however the memory grows later.
const words = new Int32Array(memory.buffer, control, fields.length);

Atomics.add(words, fields.ready, 1);
parentPort.postMessage('ready');
let seq = Atomics.load(words, fields.state) >>> 16;
for (;;) {
  const state = Atomics.load(words, fields.state);
  if (state >>> 16 === seq) {
    Atomics.wait(words, fields.state, state);
    continue;
  }
  seq = state >>> 16;
  gemmChunks(control, seq, work);
}
