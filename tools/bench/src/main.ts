import { cpus, loadavg } from 'node:os';
import { Rng } from '@synthgrad/tensor';
import { benchBackends } from './benchBackends.js';
import { isSkipped } from './CaseResult.js';
import { parseBenchArgs, USAGE } from './cli.js';
import { formatTable } from './formatTable.js';
import { matmulKey, SQUARE_256_SHAPE } from './matmulCase.js';
import { runMatmulSection } from './matmulSection.js';
import { runNumpyReference } from './numpyReference.js';
import { DEEP_MLP, runParallelSection } from './parallelSection.js';
import { checkTargets } from './targets.js';
import { TUTORIAL } from './tutorialConfig.js';
import { numpyMsPerEpoch, runTutorialSection } from './tutorialSection.js';
import { rawOpsVariant } from './rawOpsVariant.js';
import { runEndToEnd } from './endToEnd.js';
import { runWasmSections } from './wasmSections.js';

/** Issue 11: the tutorial through the trainers API (dni, labels), batch 10, at most numpy's time. */
const DNI_LABELS_OVER_NUMPY = 1;

const SEED = 1;

function loadLine(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  console.log(
    `synthgrad bench${args.quick ? ' (--quick)' : ''}: node ${process.version}, ` +
      `${process.platform}/${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'})`,
  );
  console.log(`load average (1/5/15 min) at start: ${loadLine()}; figures are medians of repeated samples\n`);
  if (args.only === 'end-to-end') {
    const checks = runEndToEnd();
    console.log(formatTable(['target', 'measured', 'result'], checks.map((c) => [c.target, c.measured, c.met ? 'met' : 'NOT met']), ['l', 'l', 'l']));
    console.log(`\nload average at end: ${loadLine()}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (args.only === 'parallel') {
    const checks = await printParallelSection(args.quick);
    console.log(formatTable(['target', 'measured', 'result'], checks.map((c) => [c.target, c.measured, c.met ? 'met' : 'NOT met']), ['l', 'l', 'l']));
    console.log(`\nload average at end: ${loadLine()}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (args.only === 'wasm') {
    const checks = runWasmSections(args);
    console.log(formatTable(['target', 'measured', 'result'], checks.map((c) => [c.target, c.measured, c.met === undefined ? 'unknown' : c.met ? 'met' : 'NOT met']), ['l', 'l', 'l']));
    console.log(`\nload average at end: ${loadLine()}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }

  const numpyRun = runNumpyReference(args.quick, args.numpyThreads);
  const numpy = isSkipped(numpyRun) ? undefined : numpyRun.value;
  console.log(
    isSkipped(numpyRun)
      ? numpyRun.skipped
      : `numpy ${numpyRun.value.numpy} (python ${numpyRun.value.python}, OpenBLAS threads: ` +
          `${numpyRun.value.blas_threads}), run first: tools/reference/binary_addition_bench.py`,
  );

  const backends = benchBackends(args.quick);
  const [target] = backends;

  const matmul = runMatmulSection(backends, numpy, new Rng(SEED));
  console.log('\nmatmul, GFLOP/s: median [min–max]; higher is better; x/numpy < 1 means slower than numpy');
  console.log(matmul.table);

  const tutorial = runTutorialSection(backends, numpy, SEED);
  console.log(
    `\ntutorial workload (binary addition, ${TUTORIAL.examples} examples, ` +
      `${TUTORIAL.layerSizes.join('→')} sigmoid, SGD ${TUTORIAL.alpha}), ms per epoch; ` +
      'lower is better; ÷ numpy > 1 means slower than numpy',
  );
  console.log(tutorial.table);
  for (const { note } of backends) if (note !== undefined) console.log(`note: ${note}`);

  const wasmChecks = runWasmSections(args);

  const parallelChecks = await printParallelSection(args.quick);

  const square = matmul.results.get(target.backend.name)?.get(matmulKey(SQUARE_256_SHAPE));
  const batch10 = tutorial.results.find(
    (r) => r.variant === rawOpsVariant.name && r.backend === target.backend.name && r.batchSize === 10,
  );
  const checks = checkTargets(
    square === undefined || isSkipped(square) ? undefined : square.value.median,
    batch10?.timing.median,
    numpyMsPerEpoch(numpy, 10),
    tutorial.results.find(
      (r) => r.variant === 'trainers API: backprop' && r.backend === target.backend.name && r.batchSize === 10,
    )?.timing.median,
  );
  const dniLabels = tutorial.results.find(
    (r) => r.variant === 'trainers API: dni (labels)' && r.backend === 'wasm' && r.batchSize === 10,
  )?.timing.median;
  const numpy10 = numpyMsPerEpoch(numpy, 10);
  const dniRatio = dniLabels === undefined || numpy10 === undefined ? undefined : dniLabels / numpy10;
  checks.push({
    target: `wasm, trainers API dni (labels) batch 10 within ${DNI_LABELS_OVER_NUMPY}× of numpy`,
    measured: dniRatio === undefined ? 'not measured' : `${dniRatio.toFixed(2)}× numpy`,
    met: dniRatio === undefined ? undefined : dniRatio <= DNI_LABELS_OVER_NUMPY,
  });
  const endToEnd = args.endToEnd ? runEndToEnd() : [];

  console.log('\ntargets');
  console.log(
    formatTable(
      ['target', 'measured', 'result'],
      [...checks, ...wasmChecks, ...endToEnd, ...parallelChecks].map((c) => [c.target, c.measured, c.met === undefined ? 'unknown' : c.met ? 'met' : 'NOT met']),
      ['l', 'l', 'l'],
    ),
  );
  console.log(
    `\nload average at end: ${loadLine()}; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function printParallelSection(quick: boolean) {
  const { hidden, units, batch, stages } = DEEP_MLP;
  console.log(
    `\nDNI stages on worker threads: 784→${hidden}×${units}→10 ReLU MLP, batch ${batch}, SGD, wasm per thread; ` +
      `cDNI = linear generators on layer output + labels; ${stages} stages; examples/s, higher is better ` +
      `(load average now ${loadLine()})`,
  );
  const result = await runParallelSection(quick);
  console.log(result.table);
  console.log(
    'cores used = CPU seconds of the whole process per wall second. On a shared machine the scheduler may give a process ' +
      'no more than its share however many threads it runs (Linux autogroups): 2 stages can only be faster when they get ~2 cores.',
  );
  console.log('\nqueue transport between two threads, one 128×1024 float64 batch each way, copied in and out at both ends');
  console.log(result.transportTable);
  return result.checks;
}

await main();
