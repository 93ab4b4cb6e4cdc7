import type { NetworkSpec, PluginSpec } from 'synthgrad';

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
 * A network on one line: widths (with the activation when every layer shares it), loss,
 * initialiser, optimiser, learning rate.
 *
 * @example
 * ```ts
 * describeNetwork(tutorialNetwork(12));
 * // "128 → 64 → 12 units, sigmoid, no bias · loss tutorial-delta · initialiser tutorial · optimiser sgd · learning rate 0.1"
 * ```
 */
export function describeNetwork(network: NetworkSpec): string {
  const { layers } = network;
  const activation = (l: NetworkSpec['layers'][number]) => `${l.activation ?? 'sigmoid'}${l.batchNorm ? ' + batch norm' : ''}`;
  const shared = new Set(layers.map(activation)).size === 1;
  const widths = shared ? layers.map((l) => l.units).join(' → ') : layers.map((l) => `${l.units} ${activation(l)}`).join(' → ');
  const bias = new Set(layers.map((l) => l.bias ?? true));
  const parts = [
    `${widths} units${shared ? `, ${activation(layers[0])}` : ''}${bias.size === 1 ? (bias.has(false) ? ', no bias' : '') : ', some without bias'}`,
    network.loss && `loss ${network.loss}`,
    network.initialiser && `initialiser ${describePluginSpec(network.initialiser)}`,
    network.optimiser && `optimiser ${describePluginSpec(network.optimiser)}`,
    network.learningRate !== undefined && `learning rate ${network.learningRate}`,
  ];
  return parts.filter((part): part is string => typeof part === 'string').join(' · ');
}
