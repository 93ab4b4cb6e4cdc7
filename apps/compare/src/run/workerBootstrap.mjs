// Worker entry when running from TypeScript source: Node 20 workers cannot load .ts by themselves.
// The pool starts this file with `--conditions=@synthgrad/source` so workspace packages resolve to
// their source; tsx (registered for the whole thread, so plugins' own imports go through it too)
// compiles them with the workspace's tsconfig. The built worker (dist/run/workerTask.js) needs none of this.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../../tsconfig.base.json', import.meta.url)) });
const { default: runTask } = await import('./workerTask.ts');
export default runTask;
