import type { Container } from 'inversify';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from './ProgressMessage.js';
import type { RunTask } from './RunTask.js';
import { trainRun } from './trainRun.js';

/** Containers built in this worker thread, by plugins, backend and dtype: built once, reused by every run. */
const containers = new Map<string, Promise<Container>>();

/** The worker pool's task: trains one run in this thread, posting progress on the task's port. */
export default async function workerTask({ spec, plugins, port, weightsFolder, resumeFolder }: RunTask): Promise<RunRecord> {
  try {
    const key = JSON.stringify([plugins, spec.backend, spec.dtype]);
    let container = containers.get(key);
    if (container === undefined) {
      container = createSuiteContainer(plugins, spec.backend, spec.dtype);
      containers.set(key, container);
    }
    return await trainRun(await container, spec, (message: ProgressMessage) => port.postMessage(message), weightsFolder, plugins, resumeFolder);
  } finally {
    port.close();
  }
}
