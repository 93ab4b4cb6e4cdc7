import type { RunRecord, Suite } from '../RunRecord.js';
import { describeNetwork } from './describeNetwork.js';
import { describeOptions } from './describeOptions.js';
import { escapeHtml } from './escapeHtml.js';
import type { ReportTask } from './ReportTask.js';
import { extremes } from './extremes.js';

/**
 * The page header: suite name and description, then dataset, network, training, seeds, how many
 * runs are recorded of those expected, when they finished and when the report was made.
 *
 * @example
 * ```ts
 * reportHeader(suite, records, 'binary-digits', new Date());
 * ```
 */
export function reportHeader(suite: Suite, records: readonly RunRecord[], task: ReportTask, generatedAt: Date): string {
  const { dataset, training } = suite;
  const expected = suite.runs.length * suite.seeds.length;
  const finished = records.map((r) => Date.parse(r.finishedAt)).filter(Number.isFinite);
  const finishedRange = extremes(finished);
  const backends = [...new Set(records.map((r) => (r.dtype === 'float32' ? `${r.backend} (float32)` : r.backend)))];
  const trainingText = [
    `${training.epochs} epochs`,
    training.stopWhen ? `stopping early: ${describeStopWhen(training.stopWhen)}` : '',
    `batch size ${training.batchSize}`,
    training.shuffle === false ? 'fixed order' : 'reshuffled every epoch',
    training.measureGradients ? 'gradient alignment measured' : '',
  ].filter(Boolean);
  const facts: [string, string][] = [
    ['Dataset', `<code>${escapeHtml(dataset.name)}</code> ${escapeHtml(describeOptions(dataset.options))} <span class="muted">(${task === 'binary-digits' ? 'binary digits' : 'classification'})</span>`],
    ['Network', escapeHtml(networkText(suite))],
    ['Training', escapeHtml(trainingText.join(' · '))],
    ...(suite.size
      ? [['Size', `<code>${escapeHtml(suite.size.name)}</code>${suite.size.description ? ` ${escapeHtml(suite.size.description)}` : ''}`] as [string, string]]
      : []),
    ['Seeds', escapeHtml(suite.seeds.join(', '))],
    [
      'Runs',
      `${records.length} recorded of ${expected} expected <span class="muted">(${suite.runs.length} configurations × ${suite.seeds.length} seeds)</span>`,
    ],
    ['Finished', finished.length === 0 ? '<span class="muted">no run yet</span>' : escapeHtml(timeRange(finishedRange.min, finishedRange.max))],
    ...(backends.length > 0 ? [['Backend', escapeHtml(backends.join(', '))] as [string, string]] : []),
  ];
  return `<header class="report-header">
<p class="eyebrow">synthgrad comparison report</p>
<h1>${escapeHtml(suite.name)}</h1>
${suite.description ? `<p class="description">${escapeHtml(suite.description)}</p>` : ''}
<dl class="facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>
<p class="generated muted">Report generated ${escapeHtml(utc(generatedAt.getTime()))}</p>
</header>`;
}

/**
 * The suite's network; its learning rate only when every configuration trains at it, else the rates
 * the configurations use (a configuration's network override wins over the suite's default).
 */
export function networkText(suite: Suite): string {
  const rates = [...new Set(suite.runs.map((run) => run.network?.learningRate ?? suite.network.learningRate))];
  if (rates.length <= 1) return describeNetwork(rates.length === 1 ? { ...suite.network, learningRate: rates[0] } : suite.network);
  const { learningRate: _default, ...network } = suite.network;
  const known = rates.filter((rate): rate is number => rate !== undefined).sort((a, b) => a - b);
  const trainerDefault = rates.includes(undefined) ? ', or the trainer\'s default' : '';
  return `${describeNetwork(network)} · learning rate per configuration (${known.join(', ')}${trainerDefault}; see Settings)`;
}

function utc(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function timeRange(first: number, last: number): string {
  const [from, to] = [utc(first), utc(last)];
  if (from === to) return from;
  return from.slice(0, 10) === to.slice(0, 10) ? `${from.slice(0, 16)} – ${to.slice(11)}` : `${from} – ${to}`;
}

function describeStopWhen({ reached, plateau }: NonNullable<Suite['training']['stopWhen']>): string {
  return [
    reached ? `${reached.metric} ≥ ${reached.atLeast} for ${reached.forEpochs ?? 1} epochs` : '',
    plateau ? `${plateau.metric} no better by ${plateau.minDelta ?? 0} for ${plateau.patience} epochs` : '',
  ]
    .filter(Boolean)
    .join(' or ');
}
