import { layerType, type DenseLayerSpec, type LayerRegistry, type NetworkSpec, type PluginSpec } from 'synthgrad';
import { describeLayer } from './describeLayer.js';

/**
 * A plugin spec as written: `"adam"` or `adam {"beta1":0.8}`.
 *
 * @example
 * ```ts
 * describePluginSpec({ name: 'adam', options: { beta1: 0.8 } }); // 'adam {"beta1":0.8}'
 * ```
 */
export function describePluginSpec(spec: PluginSpec): string {
  if (typeof spec === 'string') return spec;
  return spec.options && Object.keys(spec.options).length > 0 ? `${spec.name} ${JSON.stringify(spec.options)}` : spec.name;
}

/**
 * A network on one line: its layers (a stack of dense layers as widths, with the activation when
 * every layer shares it; otherwise each layer as its kind describes it), loss, initialiser,
 * optimiser, learning rate. `layerKinds` (default: the built-in kinds) describes the layers.
 *
 * @example
 * ```ts
 * describeNetwork(tutorialNetwork(12));
 * // "128 → 64 → 12 units, sigmoid, no bias · loss tutorial-delta · initialiser tutorial · optimiser sgd · learning rate 0.1"
 * describeNetwork({ layers: [{ units: 64, activation: 'relu' }, { type: 'dropout', rate: 0.5 }, { units: 10 }] });
 * // "64 relu → dropout 0.5 → 10 units"
 * ```
 */
export function describeNetwork(network: NetworkSpec, layerKinds?: Pick<LayerRegistry, 'has' | 'get'>): string {
  const parts = [
    describeLayers(network, layerKinds),
    network.loss && `loss ${network.loss}`,
    network.initialiser && `initialiser ${describePluginSpec(network.initialiser)}`,
    network.optimiser && `optimiser ${describePluginSpec(network.optimiser)}`,
    network.learningRate !== undefined && `learning rate ${network.learningRate}`,
  ];
  return parts.filter((part): part is string => typeof part === 'string').join(' · ');
}

function describeLayers(network: NetworkSpec, layerKinds: Pick<LayerRegistry, 'has' | 'get'> | undefined): string {
  if (!network.layers.every((layer) => layerType(layer).type === 'dense')) {
    return network.layers.map((layer) => describeLayer(layer, layerKinds)).join(' → ');
  }
  // Dense only: the compact form every report has shown.
  const layers = network.layers as readonly DenseLayerSpec[];
  const activation = (l: DenseLayerSpec) => `${l.activation ?? 'sigmoid'}${l.batchNorm ? ' + batch norm' : ''}`;
  const shared = new Set(layers.map(activation)).size === 1;
  const widths = shared ? layers.map((l) => l.units).join(' → ') : layers.map((l) => `${l.units} ${activation(l)}`).join(' → ');
  const bias = new Set(layers.map((l) => l.bias ?? true));
  return `${widths} units${shared ? `, ${activation(layers[0])}` : ''}${bias.size === 1 ? (bias.has(false) ? ', no bias' : '') : ', some without bias'}`;
}
