import { didYouMean } from 'synthgrad';
import { CliError } from '../cli/CliError.js';
import type { Suite, SuiteSize } from './suiteSchema.js';

/** The size that is the suite as written (unless the suite defines a size of that name itself). */
export const FULL_SIZE = 'full';

/**
 * The suite at a named size: the size's dataset options are merged over the suite's; its network
 * and training fields and its seeds replace the suite's and every configuration's own (as `--epochs`
 * does). The result has no `sizes` and records `size: { name, description }`, so a run folder's
 * suite.json says which size ran and `--resume` runs the same. Without a name, or with `full` when
 * the suite defines no size of that name, the suite is unchanged except that a suite with sizes
 * records `full`.
 *
 * @example
 * ```ts
 * applySize(suite, 'quick').seeds; // the quick size's seeds
 * ```
 */
export function applySize(suite: Suite, name: string | undefined): Suite {
  if (suite.size !== undefined && name !== undefined) {
    throw new CliError(`--size ${name}: this suite was already resolved at size "${suite.size.name}" (it is a run folder's suite.json; use --resume)`);
  }
  const { sizes, ...rest } = suite;
  const chosen = name ?? FULL_SIZE;
  const size = sizes?.[chosen];
  if (size === undefined) {
    if (chosen !== FULL_SIZE) throw new CliError(`--size ${chosen}: ${unknownSize(suite, chosen)}`);
    return sizes === undefined ? suite : { ...rest, size: { name: FULL_SIZE, description: 'the suite as written' } };
  }
  return resize(rest, chosen, size);
}

/** The names `--size` accepts for a suite: `full` first, then the suite's own. */
export function sizeNames(suite: Suite): string[] {
  return [...new Set([FULL_SIZE, ...Object.keys(suite.sizes ?? {})])];
}

function unknownSize(suite: Suite, name: string): string {
  const known = sizeNames(suite).map((n) => (n === FULL_SIZE && !suite.sizes?.[n] ? `"${n}" (the suite as written)` : `"${n}"`));
  return `suite "${suite.name}" has no size "${name}"; known sizes: ${known.join(', ')}${didYouMean(name, sizeNames(suite))}`;
}

function resize(suite: Omit<Suite, 'sizes'>, name: string, size: SuiteSize): Suite {
  const network = size.network ?? {};
  const training = size.training ?? {};
  const without = <T extends object>(own: T | undefined, replaced: object): T | undefined => {
    if (own === undefined) return undefined;
    const kept = Object.fromEntries(Object.entries(own).filter(([key]) => !(key in replaced))) as T;
    return Object.keys(kept).length ? kept : undefined;
  };
  return {
    ...suite,
    dataset: size.dataset
      ? { ...suite.dataset, options: { ...suite.dataset.options, ...size.dataset.options } }
      : suite.dataset,
    network: { ...suite.network, ...network },
    training: { ...suite.training, ...training },
    seeds: size.seeds ? [...size.seeds] : suite.seeds,
    runs: suite.runs.map((run) => {
      const { network: ownNetwork, training: ownTraining, ...others } = run;
      const keptNetwork = without(ownNetwork, network);
      const keptTraining = without(ownTraining, training);
      return { ...others, ...(keptNetwork ? { network: keptNetwork } : {}), ...(keptTraining ? { training: keptTraining } : {}) };
    }),
    size: { name, ...(size.description ? { description: size.description } : {}) },
  };
}
