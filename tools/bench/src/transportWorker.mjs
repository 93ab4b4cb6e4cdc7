// The far end of the transport bench: receives a batch-sized Float64Array, reads it into its own
// buffer (as a stage reads its input) and sends it straight back, over one of the two transports.
import { parentPort, workerData } from 'node:worker_threads';

const { mode, floats } = workerData;
const local = new Float64Array(floats);
if (mode === 'shared') {
  const bells = new Int32Array(workerData.bells); // [to worker, to main, stop]
  const slots = new Float64Array(workerData.slots); // [request | reply]
  let seen = 0;
  for (;;) {
    Atomics.wait(bells, 0, seen);
    seen = Atomics.load(bells, 0);
    if (Atomics.load(bells, 2) !== 0) break;
    local.set(slots.subarray(0, floats));
    slots.set(local, floats);
    Atomics.add(bells, 1, 1);
    Atomics.notify(bells, 1);
  }
} else {
  parentPort.on('message', (buffer) => {
    if (buffer === 'stop') return parentPort.close();
    const view = new Float64Array(buffer);
    local.set(view);
    view.set(local);
    parentPort.postMessage(buffer, [buffer]);
  });
}
