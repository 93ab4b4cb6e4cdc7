/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Fewer repetitions everywhere, for a quick look (~4× shorter). */
  readonly quick: boolean;
}

export const USAGE = `usage: npm run bench [-- --quick]

  --quick   fewer repetitions (about 4× shorter); numbers are noisier
  --help    this text (Nx answers --help itself: run it from tools/bench)`;

/** Parses `argv` (without node and the script); unknown flags throw with the usage text. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | 'help' {
  let quick = false;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return { quick };
}
