import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RunRecord } from '../RunRecord.js';
import type { RunTask } from './RunTask.js';

/** Export condition that points workspace packages at their TypeScript source. */
const SOURCE_CONDITION = '@synthgrad/source';

/** True when this module runs as TypeScript source (tsx or vitest) rather than from `dist`. */
const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * A pool of `threads` worker threads that each train runs ({@link RunTask} → {@link RunRecord}).
 * From source, each thread starts at the `.mjs` bootstrap with the source condition (Node 20 workers
 * cannot load `.ts` themselves); built, the compiled task needs nothing.
 */
export function createWorkerPool(threads: number): Piscina<RunTask, RunRecord> {
  return new Piscina<RunTask, RunRecord>({
    filename: fileURLToPath(new URL(fromSource ? './workerBootstrap.mjs' : './workerTask.js', import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    ...(fromSource ? { execArgv: [`--conditions=${SOURCE_CONDITION}`] } : {}),
  });
}
