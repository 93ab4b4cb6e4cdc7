import { describe, expect, it } from 'vitest';
import { defaultState } from '../state/stateProperties.js';
import { networkDiagram } from './networkDiagram.js';

/** Per generator (layer), the sources its arrows come from, read back from the SVG text. */
function feedsOf(svg: string): Record<string, string[]> {
  const feeds: Record<string, string[]> = {};
  for (const [, source, layer] of svg.matchAll(/<g class="feed" data-source="([^"]*)" data-layer="(\d+)"/g)) (feeds[layer] ??= []).push(source);
  return feeds;
}

describe('the network drawn as SVG', () => {
  it('gives each hidden layer a generator with an arrow from each generator input, and the output layer none', () => {
    const state = { ...defaultState(), hidden: [16, 8, 4], generatorInput: ['labels', 'batch-normalized-output', 'inputs', 'layer-output'] };
    const svg = networkDiagram(state, true);
    expect([...svg.matchAll(/<g class="generator" data-layer="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(feedsOf(svg)).toEqual({ 1: state.generatorInput, 2: state.generatorInput, 3: state.generatorInput });
    expect([...svg.matchAll(/class="synthetic-gradient"/g)]).toHaveLength(3);
    expect(svg).toContain('y: the labels (8 bits)');
  });

  it('draws only the inputs chosen (no labels box without labels) and a plugin of any other name by its name', () => {
    const svg = networkDiagram({ ...defaultState(), hidden: [8], generatorInput: ['layer-output', 'my-plugin'] }, true);
    expect(feedsOf(svg)).toEqual({ 1: ['layer-output', 'my-plugin'] });
    expect(svg).not.toContain('data-source="labels"');
    expect(svg).toContain('>my-plugin</text>');
  });

  it('draws true gradients between the layers for a trainer without generators', () => {
    const svg = networkDiagram({ ...defaultState(), trainer: 'backprop', hidden: [8, 8] }, false);
    expect(svg).not.toContain('class="generator"');
    expect([...svg.matchAll(/class="true-gradient"/g)]).toHaveLength(3);
  });

  it('shows MNIST as 784 pixels in, 10 softmax out, with the measured cosines', () => {
    const svg = networkDiagram(defaultState('mnist'), true, [{ layer: 0, cosine: 0.4321, relativeError: 0.9 }]);
    expect(svg).toContain('784 pixels');
    expect(svg).toContain('10 softmax');
    expect(svg).toContain('cos 0.43');
  });

  it('escapes what a visitor typed (an activation formula, a plugin name)', () => {
    const svg = networkDiagram({ ...defaultState(), hidden: [4], activation: '<img src=x onerror=alert(1)>', generatorInput: ['"><script>'] }, true);
    expect(svg).not.toMatch(/<img|<script/);
    expect(svg).toContain('&lt;img');
  });
});
