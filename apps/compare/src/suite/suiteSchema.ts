import { builtinLayerKinds, didYouMean, PluginRegistry, type LayerSpec } from 'synthgrad';
import { z } from 'zod';
import { layerSpecProblem } from './layerSpecProblem.js';

/** A learning rate: a non-negative number, or a mathjs expression of `epoch` and `step`. */
const learningRate = z.union([z.number().nonnegative(), z.string().min(1)]);

/** `"adam"` or `{ name: "adam", options: {...} }`, as core's `PluginSpec`. */
const pluginSpec = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
]);

/** The layer kinds a suite may name without plugins; a plugin's kind is checked against the container (`checkSuite`). */
const builtInLayerKinds = new PluginRegistry('layer kind', builtinLayerKinds);

/**
 * Core's `LayerSpec`: `type` (default `"dense"`) and that kind's options, checked by the kind itself
 * (`LayerPlugin.readOptions`), so a suite accepts exactly what the trainer builds.
 */
export const layerSpecSchema = z
  .looseObject({ type: z.string().min(1).optional() })
  .superRefine((spec, context) => {
    const problem = layerSpecProblem(spec as unknown as LayerSpec, builtInLayerKinds, 'accept');
    if (!problem) return;
    context.addIssue({
      code: 'custom',
      path: problem.key === undefined ? [] : [problem.key],
      input: problem.key === undefined ? spec : spec[problem.key],
      message: problem.message,
      params: { verbatim: true },
    });
  }) as unknown as z.ZodType<LayerSpec>;

/** Core's `NetworkSpec` as JSON. */
export const networkSchema = z.strictObject({
  layers: z.array(layerSpecSchema).min(1),
  loss: z.string().min(1).optional(),
  initialiser: pluginSpec.optional(),
  optimiser: pluginSpec.optional(),
  learningRate: learningRate.optional(),
});

/** A per-run override of the suite's network, merged shallowly over it. */
export const networkOverrideSchema = networkSchema.partial();

const kebabCase = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case name such as "seed-smoke"');

/** `"<split>.<metric>"`, as the trainers' `EpochMetric`. */
const epochMetric = z.templateLiteral([z.enum(['train', 'validation', 'test']), '.', z.enum(['loss', 'bitAccuracy', 'exactAccuracy', 'accuracy'])]);

/** When a run may stop before `epochs` (the trainers' `StopCriterion`); the record says where and why. */
export const stopWhenSchema = z.strictObject({
  reached: z.strictObject({ metric: epochMetric, atLeast: z.number(), forEpochs: z.number().int().positive().optional() }).optional(),
  plateau: z.strictObject({ metric: epochMetric, patience: z.number().int().positive(), minDelta: z.number().nonnegative().optional() }).optional(),
});

export const trainingSchema = z.strictObject({
  epochs: z.number().int().nonnegative().max(1_000_000),
  batchSize: z.number().int().positive(),
  shuffle: z.boolean().optional(),
  measureGradients: z.boolean().optional(),
  measurementSize: z.number().int().positive().optional(),
  stopWhen: stopWhenSchema.optional(),
});

/** A tag's value: what a paper-style table groups configurations by (`"cDNI"`, `4`). */
const tagValue = z.union([z.string().min(1), z.number(), z.boolean()]);

const seedList = z.array(z.number().int().nonnegative()).min(1);

/**
 * A swept setting's path: `network.<field>`, `options.<trainer option>` or `training.<field>`
 * (`"network.learningRate"`, `"options.generatorLearningRate"`, `"options.generatorHiddenLayers"`).
 */
const settingPath = z.string().regex(/^(network|options|training)\.[A-Za-z][A-Za-z0-9]*$/, 'expected "network.<field>", "options.<option>" or "training.<field>"');

/** A swept setting's values: a list (the grid's, or the choices random samples pick from), or a range (random samples only). */
const settingValues = z.union([
  z.array(z.unknown()).min(1),
  z.strictObject({ min: z.number(), max: z.number(), scale: z.enum(['linear', 'log']).default('linear'), integer: z.boolean().optional() }),
]);

/** A search space: setting path → values. */
export const searchSpaceSchema = z.record(settingPath, settingValues);

/** What a suite sweeps; see apps/compare/README.md, "Sweeps". */
export const sweepSchema = z.strictObject({
  /** The space of every configuration that declares none of its own (`runs[].sweep`). */
  space: searchSpaceSchema.optional(),
  /** Draw this many seeded random settings instead of the whole grid. */
  samples: z.number().int().positive().optional(),
  /** Seed of the random settings (default 0). */
  seed: z.number().int().nonnegative().default(0),
  /** Successive halving: at each of these epochs, the worse half of each configuration's settings stops (on validation). */
  halving: z.array(z.number().int().positive()).optional(),
});

/** One configuration of a suite: it runs once per seed. */
export const runSchema = z.strictObject({
  /** Unique within the suite; what tables and reports call the configuration. */
  label: z.string().min(1),
  trainer: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
  network: networkOverrideSchema.optional(),
  /** Overrides of the suite's training settings for this configuration. */
  training: trainingSchema.partial().optional(),
  /** Named facts about the configuration (`{ "method": "cDNI", "hiddenLayers": 4 }`) that `table` groups by. */
  tags: z.record(z.string().min(1), tagValue).optional(),
  /** This configuration's search space (replaces the suite's `sweep.space`). */
  sweep: searchSpaceSchema.optional(),
  /** Set by the sweep's expansion: the configuration this setting belongs to, and the setting. */
  sweepOf: z.string().min(1).optional(),
  setting: z.record(settingPath, z.unknown()).optional(),
});

/**
 * A named size of a suite (`"quick"`), chosen with `--size <name>` (`--quick` = `--size quick`).
 * Each field replaces the suite's value and every configuration's own value of the same field,
 * as `--epochs` does; dataset options are merged over the suite's.
 */
export const sizeSchema = z.strictObject({
  /** What this size runs, in a sentence (shown by `list`, the terminal and the report). */
  description: z.string().optional(),
  dataset: z.strictObject({ options: z.record(z.string(), z.unknown()) }).optional(),
  network: networkOverrideSchema.optional(),
  training: trainingSchema.partial().optional(),
  seeds: seedList.optional(),
});

/** The size a suite.json was resolved with (written by `compare`; `--resume` keeps it). */
export const appliedSizeSchema = z.strictObject({ name: z.string().min(1), description: z.string().optional() });

/** What a paper-style table shows in its cells: final test metrics in percent. */
export const TABLE_METRICS = ['testError', 'testAccuracy'] as const;

/**
 * A table laid out like a paper's (rows × columns of tag values, mean ± std over seeds in each
 * cell), shown above the summary in the report and printed at the end of `compare`.
 */
export const tableSchema = z.strictObject({
  /** The tag whose values are the rows (`"method"`). */
  rows: z.string().min(1),
  /** The tag whose values are the columns (`"hiddenLayers"`). */
  columns: z.string().min(1),
  /** `testError` = 100 × (1 − final test accuracy; exact-sum accuracy for binary digits), `testAccuracy` = 100 × accuracy. */
  metric: z.enum(TABLE_METRICS).default('testError'),
  title: z.string().min(1).optional(),
  /** What the table's header calls the rows and the columns (default: the tag names). */
  rowsTitle: z.string().min(1).optional(),
  columnsTitle: z.string().min(1).optional(),
});

/**
 * A suite file (`suites/*.json`): one dataset and network, the configurations to compare, the seeds.
 * See /work/notes/compare-app.md and apps/compare/README.md.
 */
export const suiteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: kebabCase,
    description: z.string().default(''),
    dataset: z.strictObject({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
    network: networkSchema,
    training: trainingSchema,
    seeds: seedList,
    /** Modules exporting a `ContainerModule` (default export or `module`), relative to the suite file. */
    plugins: z.array(z.string().min(1)).optional(),
    /** Tensor backend name (default `"wasm"` where it loads, else `"cpu"`; `--backend` overrides it). */
    backend: z.string().min(1).optional(),
    /** The dtype of the backend's matrices (default `"float64"`; `--dtype` overrides it). */
    dtype: z.enum(['float64', 'float32']).optional(),
    runs: z.array(runSchema).min(1),
    /** Named sizes (`"quick"`); the suite as written is the size `full`. */
    sizes: z.record(kebabCase, sizeSchema).optional(),
    /** Set in a run folder's suite.json: the size it was resolved with. */
    size: appliedSizeSchema.optional(),
    /** A paper-style table of the configurations' tags. */
    table: tableSchema.optional(),
    /** The configuration (label) the report compares every other against, seed by seed (default: one labelled or training backprop). */
    baseline: z.string().min(1).optional(),
    /** A search space over settings, expanded into one configuration per setting; the report picks each configuration's best on validation. */
    sweep: sweepSchema.optional(),
  })
  .superRefine((suite, context) => {
    const seen = new Map<string, number>();
    suite.runs.forEach((run, i) => {
      const first = seen.get(run.label);
      if (first !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['runs', i, 'label'],
          input: run.label,
          message: `duplicate label (runs[${first}] has it too); labels must be unique`,
        });
      } else seen.set(run.label, i);
    });
    const duplicateSeeds = (seeds: readonly number[], path: readonly PropertyKey[]) => {
      const seen = new Set<number>();
      seeds.forEach((seed, i) => {
        if (seen.has(seed)) context.addIssue({ code: 'custom', path: [...path, i], input: seed, message: 'duplicate seed' });
        seen.add(seed);
      });
    };
    duplicateSeeds(suite.seeds, ['seeds']);
    for (const [name, size] of Object.entries(suite.sizes ?? {})) if (size.seeds) duplicateSeeds(size.seeds, ['sizes', name, 'seeds']);
    if (suite.baseline !== undefined && !suite.sweep && !suite.runs.some((run) => run.label === suite.baseline)) {
      context.addIssue({
        code: 'custom',
        path: ['baseline'],
        input: suite.baseline,
        message: `no configuration is labelled "${suite.baseline}" (labels: ${suite.runs.map((run) => `"${run.label}"`).join(', ')}${didYouMean(
          suite.baseline,
          suite.runs.map((run) => run.label),
        )})`,
      });
    }
    if (suite.table) checkTable(suite.table, suite.runs, (issue) => context.addIssue(issue));
  });

/**
 * A table needs two different tags that some configuration carries, and at most one configuration
 * per cell (else the cell would mix them).
 */
function checkTable(
  table: z.output<typeof tableSchema>,
  runs: readonly z.output<typeof runSchema>[],
  addIssue: (issue: { code: 'custom'; path: PropertyKey[]; input: unknown; message: string }) => void,
): void {
  if (table.rows === table.columns) {
    addIssue({ code: 'custom', path: ['table', 'columns'], input: table.columns, message: 'must be a different tag from table.rows' });
    return;
  }
  for (const axis of ['rows', 'columns'] as const) {
    const tag = table[axis];
    if (!runs.some((run) => run.tags?.[tag] !== undefined)) {
      const tags = [...new Set(runs.flatMap((run) => Object.keys(run.tags ?? {})))];
      const known = tags.map((t) => `"${t}"`).join(', ') + didYouMean(tag, tags);
      addIssue({
        code: 'custom',
        path: ['table', axis],
        input: tag,
        message: `no configuration has the tag "${tag}" (tags used: ${known || 'none'})`,
      });
    }
  }
  const cells = new Map<string, number>();
  runs.forEach((run, i) => {
    const row = run.tags?.[table.rows];
    const column = run.tags?.[table.columns];
    if (row === undefined || column === undefined) return;
    const key = JSON.stringify([row, column]);
    const first = cells.get(key);
    if (first === undefined) cells.set(key, i);
    else {
      addIssue({
        code: 'custom',
        path: ['runs', i, 'tags'],
        input: run.tags,
        message: `runs[${first}] has the same ${table.rows} (${String(row)}) and ${table.columns} (${String(column)}); a table cell holds one configuration`,
      });
    }
  });
}

/** A suite as written in its JSON file. */
export type SuiteInput = z.input<typeof suiteSchema>;
/** A suite after validation (defaults filled in). */
export type Suite = z.output<typeof suiteSchema>;
export type SuiteRun = Suite['runs'][number];
export type SuiteTraining = Suite['training'];
export type SuiteSize = z.output<typeof sizeSchema>;
export type SuiteTable = z.output<typeof tableSchema>;
export type TableMetric = (typeof TABLE_METRICS)[number];
export type SearchSpace = z.output<typeof searchSpaceSchema>;
export type SuiteSweep = z.output<typeof sweepSchema>;
