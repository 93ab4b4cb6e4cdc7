import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatNumber, formatTable } from './formatTable.js';
import type { TargetCheck } from './targets.js';

const CLI = fileURLToPath(new URL('../../../apps/compare/bin/synthgrad.mjs', import.meta.url));
const PLUGIN = fileURLToPath(new URL('./endToEndBackends.ts', import.meta.url));
/** What is timed, in order; `wasm-copying` and `blas` come from {@link PLUGIN}. */
const VARIANTS: readonly { readonly label: string; readonly backend: string; readonly dtype?: 'float32' }[] = [
  { label: 'wasm (resident, the default)', backend: 'wasm' },
  { label: 'wasm copying operands', backend: 'wasm-copying' },
  { label: 'wasm float32', backend: 'wasm', dtype: 'float32' },
  { label: 'blas', backend: 'blas' },
  { label: 'cpu', backend: 'cpu' },
];
const TIMEOUT_MS = 30 * 60_000;

interface EndToEndRun {
  readonly label: string;
  readonly seconds?: number;
  readonly failure?: string;
  /** The results table without its timing column, to check that backends agree. */
  readonly table?: string;
}

/**
 * `synthgrad compare paper-mnist --quick` (24 configurations × 2 seeds, 237 steps each, on the
 * default worker threads) end to end, wall-clock, once per backend (and wasm once more in float32),
 * one after another. Prints a table; returns a check that every run finished and that wasm with
 * and without resident matrices printed the same results.
 */
export function runEndToEnd(): TargetCheck[] {
  console.log(`\n── end to end: synthgrad compare paper-mnist --quick per backend; load average now ${loadLine()}`);
  const runs = VARIANTS.map(runOne);
  const base = runs[0].seconds;
  const rows = runs.map((r) => [
    r.label,
    r.seconds === undefined ? `failed: ${r.failure}` : formatNumber(r.seconds),
    r.seconds === undefined || base === undefined ? '–' : formatNumber(r.seconds / base),
  ]);
  console.log(formatTable(['backend', 'seconds (wall-clock)', '÷ wasm'], rows, ['l', 'l', 'l']));
  console.log(`load average after the end-to-end runs: ${loadLine()}`);
  const [wasm, resident] = runs;
  const same = wasm.table !== undefined && wasm.table === resident.table;
  return [
    {
      target: 'paper-mnist --quick end to end on every backend, wasm tables equal with and without resident matrices',
      measured: runs.map((r) => `${r.label} ${r.seconds === undefined ? 'failed' : `${formatNumber(r.seconds)} s`}`).join(', ') +
        (same ? '; tables equal' : '; tables differ'),
      met: runs.every((r) => r.seconds !== undefined) && same,
    },
  ];
}

function runOne({ label, backend, dtype }: (typeof VARIANTS)[number]): EndToEndRun {
  const out = mkdtempSync(join(tmpdir(), 'synthgrad-e2e-'));
  try {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [CLI, 'compare', 'paper-mnist', '--quick', '--backend', backend, ...(dtype ? ['--dtype', dtype] : []), '--plugin', PLUGIN, '--out', out, '--quiet'],
      { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 1 << 24 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (run.error !== undefined || run.status !== 0) {
      const why = run.error?.message ?? run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`;
      return { label, failure: why.slice(0, 160) };
    }
    return { label, seconds, table: resultsTable(run.stdout) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The numbered rows of the results table, their last column (seconds per run) dropped. */
function resultsTable(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => /^\d+\s/.test(line))
    .map((line) => line.replace(/\s+\S+\s*$/, ''))
    .join('\n');
}

function loadLine(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}
