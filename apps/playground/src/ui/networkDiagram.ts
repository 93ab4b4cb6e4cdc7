import { builtinLayerKinds, layerType, PluginRegistry, type GradientAlignment, type LayerSpec } from 'synthgrad';
import type { PlaygroundState } from '../state/stateProperties.js';
import { networkOf } from '../state/toSuite.js';
import { escape } from './settingsForm.js';

const LAYER_KINDS = new PluginRegistry('layer kind', builtinLayerKinds);

/** A hidden layer as its kind describes it (`LayerPlugin.describe`): `"128 sigmoid"`, `"dropout 0.5"`. */
function describeLayer(spec: LayerSpec): string {
  const { type, options } = layerType(spec);
  const kind = LAYER_KINDS.get(type);
  return kind.describe(kind.readOptions(options, 'layer'));
}

/** What a generator input looks at, drawn as where its arrow into the generator starts. */
const SOURCES: Record<string, string> = {
  'layer-output': 'hᵢ',
  'batch-normalized-output': 'BN(hᵢ)',
  inputs: 'x',
  labels: 'y',
};

const COLUMN = 150;
const BOX = { width: 96, height: 46 };
const LAYER_Y = 34;
const GENERATOR_Y = 150;
const LABELS_Y = 262;

/**
 * The network as an SVG: the input, every layer (units, activation), and for a trainer that takes
 * generators, each hidden layer's generator Mᵢ with an arrow from everything it looks at (the layer's
 * output, its batch-normalised output, the inputs x, the labels y, or any other plugin by name) and
 * the synthetic gradient ĝᵢ it sends back, with its cosine to the true gradient when measured. The
 * last layer learns from the loss. Elements carry `data-*` attributes naming what they draw.
 */
export function networkDiagram(state: PlaygroundState, usesGenerators: boolean, alignment?: readonly GradientAlignment[], id = 'network'): string {
  const mnist = state.task === 'mnist';
  const layers = [
    { name: 'x', text: mnist ? '784 pixels' : `${2 * state.bits} digits (a, b)` },
    ...networkOf(state).layers.slice(0, -1).map((spec, i) => ({ name: `h${i + 1}`, text: describeLayer(spec) })),
    // The output as the loss reads it: MNIST's logits through a softmax.
    { name: 'out', text: mnist ? '10 softmax' : `${state.bits} sigmoid` },
  ];
  const width = COLUMN * (layers.length + 1);
  const x = (i: number) => 20 + COLUMN * i;
  const middle = (i: number) => x(i) + BOX.width / 2;
  const parts: string[] = [];

  layers.forEach((layer, i) => {
    const title = i === 0 ? 'inputs' : i === layers.length - 1 ? 'output layer' : `layer ${i}`;
    parts.push(
      `<g class="layer" data-layer="${i}"><rect x="${x(i)}" y="${LAYER_Y}" width="${BOX.width}" height="${BOX.height}" rx="5" class="box"/>` +
        `<text x="${middle(i)}" y="${LAYER_Y + 18}" class="name">${escape(i === 0 ? 'x' : i === layers.length - 1 ? 'output' : `h${i}`)}</text>` +
        `<text x="${middle(i)}" y="${LAYER_Y + 36}" class="detail">${escape(truncate(layer.text, 16))}</text><title>${escape(`${title}: ${layer.text}`)}</title></g>`,
    );
    if (i > 0) parts.push(arrow(x(i - 1) + BOX.width, LAYER_Y + 16, x(i), LAYER_Y + 16, 'forward'));
  });
  const last = layers.length - 1;
  const lossX = x(last) + BOX.width + 30;
  parts.push(
    `<g class="loss"><rect x="${lossX}" y="${LAYER_Y}" width="${COLUMN - 50}" height="${BOX.height}" rx="5" class="box loss-box"/>` +
      `<text x="${lossX + (COLUMN - 50) / 2}" y="${LAYER_Y + 18}" class="name">loss</text>` +
      `<text x="${lossX + (COLUMN - 50) / 2}" y="${LAYER_Y + 36}" class="detail">${mnist ? 'cross-entropy' : 'out − y'}</text></g>`,
    arrow(x(last) + BOX.width, LAYER_Y + 14, lossX, LAYER_Y + 14, 'forward'),
    arrow(lossX, LAYER_Y + 32, x(last) + BOX.width, LAYER_Y + 32, 'true-gradient', 'g'),
  );

  if (!usesGenerators) {
    for (let i = last; i > 1; i--) parts.push(arrow(x(i), LAYER_Y + 32, x(i - 1) + BOX.width, LAYER_Y + 32, 'true-gradient', 'g'));
    parts.push(`<text x="${width / 2}" y="${GENERATOR_Y}" class="note">${escape(state.trainer)}: every layer waits for the gradient from above</text>`);
  } else {
    const others = state.generatorInput.filter((name) => !(name in SOURCES));
    const drawsLabels = state.generatorInput.includes('labels');
    if (drawsLabels) {
      const labelsWidth = Math.max(190, x(last - 1) + BOX.width - x(1));
      parts.push(
        `<g class="source" data-source="labels"><rect x="${x(1)}" y="${LABELS_Y}" width="${labelsWidth}" height="24" rx="5" class="box labels-box"/>` +
          `<text x="${x(1) + labelsWidth / 2}" y="${LABELS_Y + 16}" class="detail">y: the labels (${mnist ? '10 one-hot' : `${state.bits} bits`})</text></g>`,
      );
    }
    for (let i = 1; i < last; i++) {
      const cosine = alignment?.find((a) => a.layer === i - 1)?.cosine;
      const gx = x(i);
      parts.push(
        `<g class="generator" data-layer="${i}" data-sees="${escape(state.generatorInput.join(','))}">` +
          `<rect x="${gx}" y="${GENERATOR_Y}" width="${BOX.width}" height="${BOX.height}" rx="5" class="box generator-box"/>` +
          `<text x="${middle(i)}" y="${GENERATOR_Y + 18}" class="name">M${i}</text>` +
          `<text x="${middle(i)}" y="${GENERATOR_Y + 36}" class="detail">${cosine === undefined ? 'generator' : `cos ${cosine.toFixed(2)}`}</text>` +
          `<title>${escape(`generator M${i} sees ${state.generatorInput.join(' + ')}`)}</title></g>`,
        arrow(gx + 14, GENERATOR_Y, gx + 14, LAYER_Y + BOX.height, 'synthetic-gradient', 'ĝ', i),
      );
      state.generatorInput.forEach((name, k) => {
        const n = state.generatorInput.length;
        const into = gx + 34 + (n > 1 ? (k * (BOX.width - 40)) / (n - 1) : 0);
        const attrs = { source: name, layer: i };
        if (name === 'layer-output') parts.push(feed(`M ${into} ${LAYER_Y + BOX.height} L ${into} ${GENERATOR_Y}`, attrs, 'hᵢ', into + 3, 100));
        else if (name === 'batch-normalized-output') parts.push(feed(`M ${into} ${LAYER_Y + BOX.height} L ${into} ${GENERATOR_Y}`, attrs, 'BN', into + 3, 118));
        else if (name === 'inputs') parts.push(feed(`M ${middle(0)} ${LAYER_Y + BOX.height} C ${middle(0)} ${GENERATOR_Y + 60}, ${into} ${GENERATOR_Y + 70}, ${into} ${GENERATOR_Y + BOX.height}`, attrs, 'x', into + 3, GENERATOR_Y + BOX.height + 14));
        else if (name === 'labels') parts.push(feed(`M ${into} ${LABELS_Y} L ${into} ${GENERATOR_Y + BOX.height}`, attrs, 'y', into + 3, LABELS_Y - 8));
        else {
          const ox = gx + BOX.width + 4;
          const oy = GENERATOR_Y + 60 + 16 * others.indexOf(name);
          parts.push(`<text x="${ox}" y="${oy}" class="detail other" text-anchor="start">${escape(truncate(name, 18))}</text>`, feed(`M ${ox} ${oy - 4} L ${gx + BOX.width} ${GENERATOR_Y + BOX.height - 6}`, attrs, '', 0, 0));
        }
      });
    }
  }
  const height = LABELS_Y + 34;
  return (
    `<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" data-trainer="${escape(state.trainer)}">` +
    `<title>${escape(describe(state, usesGenerators))}</title>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>` +
    parts.join('').replaceAll('url(#arrowhead)', `url(#${id}-arrow)`) +
    `</svg>`
  );
}

function arrow(x1: number, y1: number, x2: number, y2: number, kind: string, label?: string, layer?: number): string {
  const text = label ? `<text x="${(x1 + x2) / 2 + 4}" y="${(y1 + y2) / 2 - 3}" class="edge-label">${label}</text>` : '';
  return `<g class="${kind}"${layer === undefined ? '' : ` data-layer="${layer}"`}><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" marker-end="url(#arrowhead)"/>${text}</g>`;
}

function feed(d: string, { source, layer }: { source: string; layer: number }, label: string, lx: number, ly: number): string {
  const text = label ? `<text x="${lx}" y="${ly}" class="edge-label">${label}</text>` : '';
  return `<g class="feed" data-source="${escape(source)}" data-layer="${layer}"><path d="${d}" fill="none" marker-end="url(#arrowhead)"/>${text}</g>`;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function describe(state: PlaygroundState, usesGenerators: boolean): string {
  const base = `${state.trainer} on ${state.task}: ${[state.task === 'mnist' ? 784 : 2 * state.bits, ...state.hidden].join(' → ')} → output`;
  return usesGenerators ? `${base}; each hidden layer's generator sees ${state.generatorInput.join(' + ')}` : base;
}
