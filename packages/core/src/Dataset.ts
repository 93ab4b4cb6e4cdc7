import type { Matrix } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import type { NamedPlugin } from './NamedPlugin.js';
import type { PluginRegistry } from './PluginRegistry.js';

/** Examples as rows: `inputs` is n × inputSize, `labels` n × labelSize. */
export interface DatasetSplit {
  readonly inputs: Matrix;
  readonly labels: Matrix;
}

/**
 * What the labels mean, which decides the metrics:
 * - `binary-digits`: each label column is a bit (bit accuracy, exact-match accuracy);
 * - `classification`: labels are one-hot (classification accuracy).
 */
export type DatasetTask = 'binary-digits' | 'classification';

export interface Dataset {
  readonly name: string;
  readonly task: DatasetTask;
  readonly inputSize: number;
  readonly labelSize: number;
  readonly train: DatasetSplit;
  /**
   * Held out from `train` and `test` alike, for every choice made while experimenting (best epoch,
   * learning rates, which configuration wins), so that `test` stays a measurement of what was chosen.
   * Absent when the dataset was loaded without one.
   */
  readonly validation?: DatasetSplit;
  readonly test: DatasetSplit;
}

/** A named source of datasets: `binary-addition`, `mnist`, … */
export interface DatasetPlugin<O = unknown> extends NamedPlugin {
  load(options?: O): Dataset | Promise<Dataset>;
}
export const DatasetPlugin: ServiceIdentifier<DatasetPlugin> = Symbol.for('synthgrad.DatasetPlugin');

export type DatasetRegistry = PluginRegistry<DatasetPlugin>;
export const DatasetRegistry: ServiceIdentifier<DatasetRegistry> = Symbol.for('synthgrad.DatasetRegistry');
