import type { MatrixData } from '@synthgrad/tensor';
import { createContainer, type Dataset } from '@synthgrad/core';
import { generatorInputsModule } from '@synthgrad/generator-inputs';
import { layersModule } from '@synthgrad/layers';
import { Matrix } from '@synthgrad/tensor';
import { tensorWasmModule } from '@synthgrad/tensor-wasm';
import { createTrainer, LockStepDniTrainer, splitStages, trainersModule } from '@synthgrad/trainers';
import { parentPort, workerData } from 'node:worker_threads';
import { importPluginModules } from './importPluginModules.js';
import { loadPipelineState } from './loadPipelineState.js';
import { PipelineControl } from './PipelineControl.js';
import { SlotQueue } from './SlotQueue.js';
import { StageFault } from './StageFault.js';
import { StageRunner, StopRequested } from './StageRunner.js';
import type { SharedQueue, StageMessage, StageWorkerData } from './StageWorkerData.js';

const data = workerData as StageWorkerData;
const post = (message: StageMessage) => parentPort!.postMessage(message);
const attach = (q: SharedQueue | null) => (q === null ? null : new SlotQueue(q.layout, q.buffer));
const control = new PipelineControl(data.stages, data.control);

try {
  const plugins = await importPluginModules(data.plugins);
  const container = createContainer({
    backend: data.backend,
    dtype: data.dtype,
    modules: [layersModule, generatorInputsModule, trainersModule, tensorWasmModule, ...plugins],
  });
  // Built whole from the same spec and seed as every other stage's and the main thread's copy, so
  // the layers this stage owns start exactly where theirs do; the rest stay untouched.
  const empty = { inputs: new Matrix(0, data.dataset.inputSize), labels: new Matrix(0, data.dataset.labelSize) };
  const dataset: Dataset = { ...data.dataset, train: empty, test: empty };
  const trainer = createTrainer(container, dataset, data.spec);
  if (!(trainer instanceof LockStepDniTrainer) || trainer.stages.length !== data.stages) {
    throw new StageFault(data.stage, `the spec does not build ${data.stages} stages`);
  }
  if (data.initialState) loadPipelineState(trainer, data.initialState);
  const dniStage = trainer.stages[data.stage];
  if (data.schedule === 'async') dniStage.reserve(data.keep);
  const split = splitStages(
    trainer.decoupled.map((d) => d.layer),
    data.spec.options!.stages!,
  );
  const first = split.slice(0, data.stage).reduce((a, b) => a + b, 0);
  const owned = new Set(Array.from({ length: split[data.stage] }, (_, i) => first + i));
  const faults = data.faults;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const runner = new StageRunner({
    stage: data.stage,
    control,
    queues: {
      input: attach(data.input)!,
      output: attach(data.output),
      targetsIn: attach(data.targetsIn),
      targetsOut: attach(data.targetsOut),
      losses: attach(data.losses),
    },
    dniStage,
    schedules: trainer.schedules,
    schedule: data.schedule,
    lockStep: trainer.lockStep,
    timeoutMs: data.timeoutMs,
    onDrained: (withState) => {
      const { tensors, rngs } = withState ? trainer.state() : { tensors: {}, rngs: {} };
      const mine: Record<string, MatrixData> = {};
      for (const [name, m] of Object.entries(tensors)) {
        const index = /^(?:layer|generator|generatorInput)(\d+)(?:\.|$)/.exec(name);
        if (index !== null && owned.has(Number(index[1]))) mine[name] = m.data.slice();
      }
      const streams: Record<string, Float64Array> = {};
      if (data.stage === 0 && withState) for (const [name, rng] of Object.entries(rngs)) streams[name] = rng.saveState();
      parentPort!.postMessage({ type: 'drained', stage: data.stage, tensors: mine, rngs: streams } satisfies StageMessage, [
        ...Object.values(mine).map((a) => a.buffer as ArrayBuffer),
      ]);
    },
    ...(faults === undefined
      ? {}
      : {
          beforeRun: (id: number) => {
            if (faults.delayMs) Atomics.wait(sleeper, 0, 0, faults.delayMs);
            if (faults.throwAtBatch === id) throw new Error(`injected fault at batch ${id}`);
            if (faults.exitAtBatch === id) process.exit(3);
          },
        }),
  });
  post({ type: 'ready', stage: data.stage });
  runner.run();
} catch (error) {
  if (!(error instanceof StopRequested)) {
    post({ type: 'failed', stage: data.stage, message: error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error) });
    control.stop();
  }
}
