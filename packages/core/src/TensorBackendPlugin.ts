import type { DType, TensorBackend as TensorBackendContract } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import type { NamedPlugin } from './NamedPlugin.js';
import type { PluginRegistry } from './PluginRegistry.js';

/** The backend every component of a container computes with (chosen by `createContainer`). */
export type TensorBackend = TensorBackendContract;
export const TensorBackend: ServiceIdentifier<TensorBackend> = Symbol.for('synthgrad.TensorBackend');

/** What a backend is made with. */
export interface TensorBackendOptions {
  /** The dtype of the matrices it makes (default `'float64'`); one of the plugin's `dtypes`. */
  readonly dtype?: DType;
}

/** A named way to make a backend: `cpu`, `mathjs`, or one a package adds. */
export interface TensorBackendPlugin extends NamedPlugin {
  /** The dtypes `create` accepts (default `['float64']`). */
  readonly dtypes?: readonly DType[];
  create(options?: TensorBackendOptions): TensorBackend;
}
export const TensorBackendPlugin: ServiceIdentifier<TensorBackendPlugin> = Symbol.for('synthgrad.TensorBackendPlugin');

export type TensorBackendRegistry = PluginRegistry<TensorBackendPlugin>;
export const TensorBackendRegistry: ServiceIdentifier<TensorBackendRegistry> = Symbol.for(
  'synthgrad.TensorBackendRegistry',
);
