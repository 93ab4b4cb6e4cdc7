import { Worker } from 'node:worker_threads';

/** Milliseconds per round trip of one batch-sized matrix, per sample of `trips` trips. */
export interface TransportTimes {
  readonly shared: number[];
  readonly port: number[];
}

const WORKER = new URL('./transportWorker.mjs', import.meta.url);

/**
 * The two transports a stage queue could use, timed side by side: a `SharedArrayBuffer` slot with
 * `Atomics.wait`/`notify` (what `@synthgrad/parallel` uses) against a `MessagePort` that transfers
 * an `ArrayBuffer` back and forth. Both copy the payload in and out at each end, as a stage does.
 */
export async function measureTransports(floats: number, trips: number, samples: number): Promise<TransportTimes> {
  const payload = new Float64Array(floats).map((_, i) => i);
  const out = new Float64Array(floats);

  const bells = new Int32Array(new SharedArrayBuffer(12));
  const slots = new Float64Array(new SharedArrayBuffer(floats * 16));
  const sharedWorker = new Worker(WORKER, { workerData: { mode: 'shared', floats, bells: bells.buffer, slots: slots.buffer } });
  const portWorker = new Worker(WORKER, { workerData: { mode: 'port', floats } });
  await Promise.all([sharedWorker, portWorker].map((w) => new Promise((r) => w.once('online', r))));

  const sharedTrips = () => {
    for (let t = 0; t < trips; t++) {
      slots.set(payload);
      const seen = Atomics.load(bells, 1);
      Atomics.add(bells, 0, 1);
      Atomics.notify(bells, 0);
      if (Atomics.wait(bells, 1, seen, 10_000) === 'timed-out') throw new Error('transport bench: the shared-memory echo timed out');
      out.set(slots.subarray(floats));
    }
  };
  let buffer = new ArrayBuffer(floats * 8);
  const portTrip = () =>
    new Promise<void>((resolve) => {
      new Float64Array(buffer).set(payload);
      portWorker.once('message', (back: ArrayBuffer) => {
        buffer = back;
        out.set(new Float64Array(back));
        resolve();
      });
      portWorker.postMessage(buffer, [buffer]);
    });

  const times: TransportTimes = { shared: [], port: [] };
  sharedTrips();
  for (let t = 0; t < trips; t++) await portTrip();
  for (let s = 0; s < samples; s++) {
    let start = performance.now();
    sharedTrips();
    times.shared.push((performance.now() - start) / trips);
    start = performance.now();
    for (let t = 0; t < trips; t++) await portTrip();
    times.port.push((performance.now() - start) / trips);
  }
  Atomics.store(bells, 2, 1);
  Atomics.add(bells, 0, 1);
  Atomics.notify(bells, 0);
  portWorker.postMessage('stop');
  await Promise.all([sharedWorker, portWorker].map((w) => new Promise((r) => w.once('exit', r))));
  return times;
}
