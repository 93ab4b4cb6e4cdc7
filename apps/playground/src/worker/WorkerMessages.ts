import type { PlaygroundState } from '../state/stateProperties.js';
import type { SessionReport } from './TrainingSession.js';

/** A plugin as the page lists it. */
export interface CatalogEntry {
  readonly name: string;
  readonly description: string;
}

/** A trainer as the page lists it, and whether it trains generators (asked of its plugin: `trainerUsesGenerators`). */
export interface TrainerEntry extends CatalogEntry {
  readonly usesGenerators: boolean;
}

/** Page → worker. */
export type ToWorker =
  | { readonly type: 'configure'; readonly state: PlaygroundState }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' };

/** Worker → page. */
export type FromWorker =
  | {
      readonly type: 'catalog';
      readonly backend: string;
      readonly trainers: readonly TrainerEntry[];
      readonly generatorInputs: readonly CatalogEntry[];
      readonly activations: readonly CatalogEntry[];
    }
  | { readonly type: 'configured'; readonly usesGenerators: boolean; readonly first: SessionReport }
  | { readonly type: 'report'; readonly report: SessionReport; readonly running: boolean }
  | { readonly type: 'error'; readonly message: string };
