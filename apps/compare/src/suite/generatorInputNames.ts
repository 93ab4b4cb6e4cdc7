/** A generator input named somewhere in a spec, with the JSON path of the name. */
export interface NamedGeneratorInput {
  readonly name: string;
  readonly path: readonly PropertyKey[];
}

/**
 * Every generator input a `GeneratorInputSpec` names, combinations included: `"labels"`,
 * `["labels", "batch-normalized-output"]`, `{ name, options }` and `{ name: "combination", options: { inputs } }`.
 * Malformed parts are skipped: building the trainer reports them.
 */
export function generatorInputNames(spec: unknown, path: readonly PropertyKey[]): NamedGeneratorInput[] {
  if (typeof spec === 'string') return [{ name: spec, path }];
  if (Array.isArray(spec)) return spec.flatMap((part, i) => generatorInputNames(part, [...path, i]));
  if (typeof spec !== 'object' || spec === null) return [];
  const { name, options } = spec as { name?: unknown; options?: { inputs?: unknown } };
  if (typeof name !== 'string') return [];
  const inputs = options?.inputs;
  return [
    { name, path: [...path, 'name'] },
    ...(name === 'combination' && Array.isArray(inputs) ? generatorInputNames(inputs, [...path, 'options', 'inputs']) : []),
  ];
}
