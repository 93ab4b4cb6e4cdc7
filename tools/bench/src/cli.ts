/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Fewer repetitions everywhere, for a quick look (~4× shorter). */
  readonly quick: boolean;
  /**
   * `OPENBLAS_NUM_THREADS` for the numpy reference: `'1'` by default, like the single-threaded JS
   * backends; `'default'` leaves OpenBLAS its one thread per core.
   */
  readonly numpyThreads: string;
  /**
   * Also time `synthgrad compare paper-mnist --quick` end to end per backend (several minutes
   * each: wasm, wasm without resident matrices, blas).
   */
  readonly endToEnd: boolean;
  /** Run one section only (`parallel`: the threaded DNI stages; `wasm`: the wasm backend's sections; `end-to-end`). */
  readonly only?: BenchSection;
}

/** The sections `--only` can pick. */
export type BenchSection = 'parallel' | 'wasm' | 'end-to-end';
const SECTIONS: readonly BenchSection[] = ['parallel', 'wasm', 'end-to-end'];

export const USAGE = `usage: npm run bench [-- [--quick] [--numpy-threads N|default] [--end-to-end] [--only parallel|wasm|end-to-end]]

  --quick                  fewer repetitions (about 4× shorter); numbers are noisier
  --end-to-end             also time \`synthgrad compare paper-mnist --quick\` per backend (wasm,
                           wasm copying, wasm float32, blas: about 2 min each on a quiet
                           machine; cpu: about 10 min)
  --numpy-threads N        OpenBLAS threads of the numpy reference (default 1, as the JS
                           backends use one core); 'default' = OpenBLAS's own (one per core)
  --only parallel          only the section of DNI stages on worker threads
  --only wasm              only the wasm sections (MNIST-shaped MLP beside tfjs-wasm and numpy,
                           float64 and float32; tutorial beside tfjs-wasm; threads; memory)
  --only end-to-end        only the end-to-end timings
  --help    this text (Nx answers --help itself: run it from tools/bench)`;

/** Parses `argv` (without node and the script); unknown flags throw with the usage text. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | 'help' {
  let quick = false;
  let endToEnd = false;
  let numpyThreads = '1';
  let only: BenchSection | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    if (arg === '--quick') quick = true;
    else if (arg === '--end-to-end') endToEnd = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else if (flag === '--only') {
      const value = inline ?? argv[++i];
      if (!SECTIONS.includes(value as BenchSection)) {
        throw new Error(`--only knows the sections ${SECTIONS.map((s) => `'${s}'`).join(', ')}, got ${JSON.stringify(value)}\n${USAGE}`);
      }
      only = value as BenchSection;
    }
    else if (flag === '--numpy-threads') {
      const value = inline ?? argv[++i];
      if (value !== 'default' && !/^[1-9]\d*$/.test(value ?? '')) {
        const got = JSON.stringify(value);
        throw new Error(`--numpy-threads wants a positive integer or 'default', got ${got}\n${USAGE}`);
      }
      numpyThreads = value;
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return { quick, numpyThreads, endToEnd, ...(only ? { only } : {}) };
}
