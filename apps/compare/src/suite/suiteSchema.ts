import { z } from 'zod';

/** A learning rate: a non-negative number, or a mathjs expression of `epoch` and `step`. */
const learningRate = z.union([z.number().nonnegative(), z.string().min(1)]);

/** `"adam"` or `{ name: "adam", options: {...} }`, as core's `PluginSpec`. */
const pluginSpec = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
]);

const layerSpec = z.strictObject({
  units: z.number().int().positive(),
  activation: z.string().min(1).optional(),
  batchNorm: z.boolean().optional(),
  bias: z.boolean().optional(),
});

/** Core's `NetworkSpec` as JSON. */
export const networkSchema = z.strictObject({
  layers: z.array(layerSpec).min(1),
  loss: z.string().min(1).optional(),
  initialiser: pluginSpec.optional(),
  optimiser: pluginSpec.optional(),
  learningRate: learningRate.optional(),
});

/** A per-run override of the suite's network, merged shallowly over it. */
export const networkOverrideSchema = networkSchema.partial();

const kebabCase = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case name such as "seed-smoke"');

export const trainingSchema = z.strictObject({
  epochs: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  shuffle: z.boolean().optional(),
  measureGradients: z.boolean().optional(),
  measurementSize: z.number().int().positive().optional(),
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
    seeds: z.array(z.number().int().nonnegative()).min(1),
    /** Modules exporting a `ContainerModule` (default export or `module`), relative to the suite file. */
    plugins: z.array(z.string().min(1)).optional(),
    /** Tensor backend name (default `"cpu"`; `--backend` overrides it). */
    backend: z.string().min(1).optional(),
    runs: z.array(runSchema).min(1),
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
    const seeds = new Set<number>();
    suite.seeds.forEach((seed, i) => {
      if (seeds.has(seed)) {
        context.addIssue({ code: 'custom', path: ['seeds', i], input: seed, message: 'duplicate seed' });
      }
      seeds.add(seed);
    });
  });

/** A suite as written in its JSON file. */
export type SuiteInput = z.input<typeof suiteSchema>;
/** A suite after validation (defaults filled in). */
export type Suite = z.output<typeof suiteSchema>;
export type SuiteRun = Suite['runs'][number];
export type SuiteTraining = Suite['training'];
