import { createContainer, type Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { generatorInputsModule } from '@synthgrad/generator-inputs';
import { layersModule } from '@synthgrad/layers';
import { tensorWasmModule } from '@synthgrad/tensor-wasm';
import { trainersModule, tutorialNetwork } from '@synthgrad/trainers';
import { readdirSync } from 'node:fs';

/** A container with the built-ins a stage's thread has too. */
export function testContainer(backend = 'cpu') {
  return createContainer({ backend, modules: [layersModule, generatorInputsModule, trainersModule, tensorWasmModule] });
}

/** 125 training sums: batches of 10 end with a short one of 5. */
export async function additionData(): Promise<Dataset> {
  return binaryAdditionDataset.load({ bits: 8, trainSize: 125, testSize: 40, seed: 3 });
}

const tutorial = tutorialNetwork(8);
/** Four layers: room for two or three stages. */
export const network = {
  ...tutorial,
  layers: [{ units: 32, activation: 'sigmoid', bias: false }, { units: 24, activation: 'sigmoid', bias: true }, ...tutorial.layers.slice(1)],
};

/** Threads of this process, as the OS counts them (an oracle independent of the package's own count). */
export function osThreads(): number {
  return readdirSync('/proc/self/task').length;
}

/** Waits (up to 5 s) for the OS thread count to come down to `count`; returns the last count seen. */
export async function settleThreads(count: number): Promise<number> {
  let now = osThreads();
  for (let i = 0; i < 100 && now > count; i++) {
    await new Promise((r) => setTimeout(r, 50));
    now = osThreads();
  }
  return now;
}
