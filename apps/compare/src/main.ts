import { runCli } from './cli/runCli.js';

// The `synthgrad` command (bin/synthgrad.mjs loads this file). Exit explicitly: idle worker threads
// or timers must not keep a finished command alive.
process.exit(await runCli(process.argv.slice(2)));
