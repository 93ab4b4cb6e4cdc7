import { ConfigError, PluginRegistry, type LayerSpec } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { builtinLayerKinds } from './builtinLayerKinds.js';
import { resolveLayers } from './resolveLayers.js';

const kinds = new PluginRegistry('layer kind', builtinLayerKinds);

describe('resolveLayers', () => {
  it('reads each spec through its kind, chaining the shapes from the data input', () => {
    const layers = resolveLayers([{ units: 8 }, { type: 'dropout', rate: 0.5 }, { type: 'dense', units: 3 }], [24], kinds);
    expect(layers.map((l) => [l.path, l.plugin.name, l.inputShape, l.outputShape])).toEqual([
      ['network.layers[0]', 'dense', [24], [8]],
      ['network.layers[1]', 'dropout', [8], [8]],
      ['network.layers[2]', 'dense', [8], [3]],
    ]);
    expect(layers[1].options).toEqual({ rate: 0.5 });
  });

  it('names the path of an unknown type and lists the known kinds', () => {
    expect(() => resolveLayers([{ units: 2 }, { type: 'conv', filters: 3 } as unknown as LayerSpec], [4], kinds)).toThrow(
      new ConfigError('network.layers[1].type', 'unknown layer kind "conv"; known: "dense", "dropout"'),
    );
  });

  it("passes the kind's own errors through with the layer's path", () => {
    expect(() => resolveLayers([{ type: 'dropout', rate: 2 }], [4], kinds, 'runs[0].network.layers')).toThrow(
      'runs[0].network.layers[0].rate: expected a probability in [0, 1), got 2',
    );
  });
});
