import type { Suite, SuiteRun } from '../RunRecord.js';
import { escapeHtml } from './escapeHtml.js';

/**
 * A configuration's full settings as a collapsed `<details>`: trainer, its options, the overrides
 * of the suite's network and training settings, and the learning rates that result.
 *
 * @example
 * ```ts
 * configurationDetails({ label: 'cDNI', trainer: 'dni', options: { generatorInput: 'labels' } }, suite);
 * // '<details class="config"><summary>dni · 1 option</summary>…'
 * ```
 */
export function configurationDetails(run: SuiteRun | undefined, suite: Suite): string {
  if (run === undefined) return '<span class="none">not in the suite file</span>';
  const options = run.options ?? {};
  const optionCount = Object.keys(options).length;
  const overrides = Object.keys(run.network ?? {}).length + Object.keys(run.training ?? {}).length;
  const summary = [
    run.trainer,
    optionCount > 0 ? `${optionCount} option${optionCount === 1 ? '' : 's'}` : '',
    overrides > 0 ? `${overrides} override${overrides === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const layersRate = run.network?.learningRate ?? suite.network.learningRate;
  const rows: [string, string][] = [
    ['Trainer', code(run.trainer)],
    ['Options', optionCount > 0 ? json(options) : '<span class="muted">none (the trainer\'s defaults)</span>'],
    ['Network overrides', run.network && Object.keys(run.network).length > 0 ? json(run.network) : '<span class="muted">none (the suite\'s network)</span>'],
    ['Training overrides', run.training && Object.keys(run.training).length > 0 ? json(run.training) : '<span class="muted">none</span>'],
    ['Layers\' learning rate', layersRate === undefined ? '<span class="muted">the trainer\'s default</span>' : code(String(layersRate))],
  ];
  if ('generatorLearningRate' in options) rows.push(['Generators\' learning rate', code(String(options.generatorLearningRate))]);
  return `<details class="config"><summary>${escapeHtml(summary.join(' · '))}</summary><dl>${rows
    .map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`)
    .join('')}</dl></details>`;
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function json(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}
