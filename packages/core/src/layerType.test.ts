import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import type { LayerSpec } from './NetworkSpec.js';
import { layerType } from './layerType.js';

describe('layerType', () => {
  it('reads a spec without type as dense, its fields as the options', () => {
    expect(layerType({ units: 8, activation: 'relu' })).toEqual({ type: 'dense', options: { units: 8, activation: 'relu' } });
    expect(layerType({ type: 'dense', units: 3 })).toEqual({ type: 'dense', options: { units: 3 } });
  });

  it('separates the type of another kind from its options', () => {
    expect(layerType({ type: 'dropout', rate: 0.25 })).toEqual({ type: 'dropout', options: { rate: 0.25 } });
  });

  it('names the path of a type that is not a name, and of a spec that is not an object', () => {
    expect(() => layerType({ type: 3 } as unknown as LayerSpec, 'network.layers[1]')).toThrow(
      new ConfigError('network.layers[1].type', 'expected the name of a layer kind (a string), got 3'),
    );
    expect(() => layerType('dense' as unknown as LayerSpec, 'network.layers[0]')).toThrow(
      'network.layers[0]: expected a layer spec (an object), got "dense"',
    );
  });
});
