import type { RunRecord, Suite } from '../RunRecord.js';
import { alignmentFigures } from './alignmentFigures.js';
import { chartStyles } from './chartStyles.js';
import { chooseBaseline } from './chooseBaseline.js';
import { configurationConfidence } from './configurationConfidence.js';
import { confidenceMetrics } from './confidenceMetrics.js';
import { confidenceSection } from './confidenceSection.js';
import { escapeHtml } from './escapeHtml.js';
import { groupByConfiguration } from './groupByConfiguration.js';
import { learningCurveFigures } from './learningCurveFigures.js';
import { timeToAccuracyFigure } from './timeToAccuracyFigure.js';
import { pageTemplate } from './pageTemplate.js';
import { provenanceSection } from './provenanceSection.js';
import { paperTable } from './paperTable.js';
import { paperTableSection } from './paperTableSection.js';
import { rankConfigurations } from './rankConfigurations.js';
import { readingGuide } from './readingGuide.js';
import { reportHeader } from './reportHeader.js';
import { reportTaskOf } from './ReportTask.js';
import { runNotes } from './runNotes.js';
import { summariseConfiguration } from './summariseConfiguration.js';
import { summaryTable } from './summaryTable.js';
import { sweepResults } from './sweepResults.js';
import { sweepSection } from './sweepSection.js';
import { selectionSplitOf, taskCriteria, type SelectionSplit } from './taskCriteria.js';

/** The most configurations a chart draws (the best ranked, see `chartedConfigurations`); the tables list all. */
export const CHART_MAX_CONFIGURATIONS = 20;

export interface RenderReportOptions {
  /** The time the page says it was made (default now). */
  readonly generatedAt?: Date;
  /** The configuration the Confidence section compares every other against (default: the suite's `baseline`, else see `chooseBaseline`). */
  readonly baseline?: string;
}

/**
 * The self-contained HTML report of a suite's runs: header, notes on runs that did not complete,
 * the paper-style table when the suite declares one (`table`), the ranked summary table, a learning-curve chart per metric and, when measured, per-layer
 * synthetic-vs-true gradient charts. Charts are inline SVG; the page has no script and loads nothing.
 *
 * @example
 * ```ts
 * const html = await renderReport(records, suite);
 * ```
 */
export async function renderReport(
  records: readonly RunRecord[],
  suite: Suite,
  options: RenderReportOptions = {},
): Promise<string> {
  const groups = groupByConfiguration(records, suite);
  const runs = [...groups.values()].flat();
  const task = reportTaskOf(runs);
  const criteria = taskCriteria(task, selectionSplitOf(runs));
  const summaries = [...groups].map(([label, group]) => summariseConfiguration(label, group, suite, criteria));
  const styles = chartStyles([...groups.keys()]);
  const ranked = rankConfigurations(summaries, criteria);
  const baseline = reportBaseline(groups, suite, options.baseline);
  const metrics = confidenceMetrics(criteria);
  const confidence = configurationConfidence(groups, metrics, baseline);
  const drawn = chartedConfigurations(groups, ranked.map((s) => s.label), baseline);
  const [curveFigures, timeFigure, alignment, sweep] = await Promise.all([
    learningCurveFigures(drawn.groups, criteria, styles),
    timeToAccuracyFigure(drawn.groups, styles),
    alignmentFigures(drawn.groups, styles),
    sweepSection(sweepResults(runs, suite, criteria), criteria, suite),
  ]);
  const curves = timeFigure === '' ? curveFigures : [...curveFigures, timeFigure];
  const sections = [
    reportHeader(suite, runs, task, options.generatedAt ?? new Date()),
    runNotes(summaries),
    paperTableSection(paperTable(records, suite)),
    `<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<p class="section-intro">${runs.some((r) => r.history.length > 0) ? summaryIntro(criteria.selection) : 'No run has finished an epoch yet: nothing is ranked.'}</p>
${summaryTable(ranked, criteria, suite, styles)}
${readingGuide(criteria)}
</section>`,
    confidenceSection(ranked.map((s) => s.label), metrics, confidence, baseline),
    sweep,
    curves.length === 0
      ? ''
      : `<section id="learning-curves" aria-labelledby="curves-title">
<h2 id="curves-title">Learning curves</h2>
<p class="section-intro">Each metric at the end of every epoch, one line per configuration.${drawn.note}</p>
<div class="charts">
${curves.join('\n')}
</div>
</section>`,
    alignment.length === 0
      ? ''
      : `<section id="gradient-alignment" aria-labelledby="alignment-title">
<h2 id="alignment-title">Synthetic vs true gradients</h2>
<p class="section-intro">How well each decoupled layer's synthetic gradient matches the true, backpropagated one, per layer (counted from the input side), for the configurations that measured it.${drawn.note}</p>
<div class="charts wide">
${alignment.join('\n')}
</div>
</section>`,
    provenanceSection(runs),
    `<footer>synthgrad · suite <code>${escapeHtml(suite.name)}</code> · ${runs.length} run records · charts drawn with Vega-Lite</footer>`,
  ];
  return pageTemplate(`${suite.name} — synthgrad comparison`, `<main>\n${sections.filter(Boolean).join('\n')}\n</main>`);
}

/**
 * The baseline of the paired comparisons: `chosen`, else the suite's `baseline`, else a configuration
 * labelled or trained by backprop.
 *
 * @example
 * ```ts
 * reportBaseline(groups, suite); // "backprop"
 * ```
 */
export function reportBaseline(groups: ReadonlyMap<string, readonly RunRecord[]>, suite: Suite, chosen?: string): string | undefined {
  const trainerOf = (label: string) => suite.runs.find((run) => run.label === label)?.trainer ?? groups.get(label)?.[0]?.trainer;
  return chooseBaseline([...groups.keys()], trainerOf, chosen ?? suite.baseline);
}

/**
 * The configurations a chart draws: all of them up to `CHART_MAX_CONFIGURATIONS`; beyond, the best ranked
 * ones and the baseline, in the report's order, with a sentence saying so (`note`, empty when all are drawn).
 * A chart of thousands of lines is unreadable and its SVG tens of megabytes each.
 */
function chartedConfigurations(
  groups: ReadonlyMap<string, readonly RunRecord[]>,
  rankedLabels: readonly string[],
  baseline: string | undefined,
): { groups: ReadonlyMap<string, readonly RunRecord[]>; note: string } {
  if (groups.size <= CHART_MAX_CONFIGURATIONS) return { groups, note: '' };
  const kept = new Set(rankedLabels.slice(0, CHART_MAX_CONFIGURATIONS));
  const withBaseline = baseline !== undefined && groups.has(baseline) && !kept.has(baseline);
  if (withBaseline) kept.add(baseline);
  const note =
    ` <strong>Only the ${CHART_MAX_CONFIGURATIONS} best-ranked configurations of ${groups.size}${withBaseline ? ' and the baseline' : ''} are drawn</strong>;` +
    ' the Summary table lists every one.';
  return { groups: new Map([...groups].filter(([label]) => kept.has(label))), note };
}

function summaryIntro(selection: SelectionSplit): string {
  return selection === 'validation'
    ? 'One row per configuration, best first: ranked and best epochs chosen on the <strong>validation</strong> split; train and test metrics are only reported. Final metrics over seeds.'
    : 'One row per configuration, best first; final metrics over seeds. <strong>Ranked on the test split</strong>: the dataset was loaded without a validation split (set <code>validationSize</code>), so nothing was held out for choosing.';
}
