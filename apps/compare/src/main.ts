import { runCli } from './cli/runCli.js';

// The `synthgrad` command (bin/synthgrad.mjs loads this file). Exit explicitly (idle worker threads
// or timers must not keep a finished command alive), but only once stdout and stderr are drained:
// exiting at once cuts off what a pipe has not taken yet.
const code = await runCli(process.argv.slice(2));
await Promise.all([drain(process.stdout), drain(process.stderr)]);
process.exit(code);

function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}
