import { createSynthgradContainer, GeneratorInputRegistry } from 'synthgrad';
import { parentPort } from 'node:worker_threads';
const c = createSynthgradContainer();
export const names: string[] = c.get(GeneratorInputRegistry).names();
export const url = import.meta.resolve('synthgrad');
