import type { Provenance, RunRecord } from '../RunRecord.js';
import { redactUrlPasswords } from '../output/redactUrlPasswords.js';
import { escapeHtml } from './escapeHtml.js';

/**
 * The report's "Provenance" section: what made the records, one block per distinct provenance
 * (one for a single `synthgrad compare`; several for folders merged by `synthgrad report`), with the
 * backends and dtypes its runs used and how many runs it made; records from before provenance was
 * recorded are counted apart.
 *
 * @example
 * ```ts
 * provenanceSection(records); // '<section id="provenance" …'
 * ```
 */
export function provenanceSection(records: readonly RunRecord[]): string {
  const groups = new Map<string, { provenance: Provenance; runs: RunRecord[] }>();
  const without: RunRecord[] = [];
  for (const record of records) {
    if (!record.provenance) {
      without.push(record);
      continue;
    }
    const key = JSON.stringify(record.provenance);
    const group = groups.get(key);
    if (group) group.runs.push(record);
    else groups.set(key, { provenance: record.provenance, runs: [record] });
  }
  const blocks = [...groups.values()].map(({ provenance: p, runs }) => {
    const backends = [...new Set(runs.map((r) => `${r.backend} (${r.dtype ?? 'float64'})`))].join(', ');
    const rows: [string, string][] = [
      ['Runs', `${runs.length} <span class="muted">(${escapeHtml(labelsOf(runs))})</span>`],
      ['Command', `<code>${escapeHtml(['synthgrad', ...redactUrlPasswords(p.command)].map(shellWord).join(' '))}</code>`],
      ['Packages', escapeHtml(Object.entries(p.packages).map(([name, version]) => `${name} ${version}`).join(', ') || 'none found')],
      ['Node', escapeHtml(p.node)],
      ['Machine', escapeHtml(`${p.cpu.model} × ${p.cpu.count} · ${p.os.platform} ${p.os.release} ${p.os.arch}`)],
      ['Backend', escapeHtml(backends)],
      ['Trained by', p.workers === 'queue' ? 'queue workers (<code>synthgrad worker</code>; the machine above is the coordinating one)' : 'worker threads on this machine'],
      [
        'Git commit',
        p.gitCommit === undefined
          ? '<span class="muted">not run inside a git repository</span>'
          : `<code>${escapeHtml(p.gitCommit)}</code>${p.gitDirty ? ' <span class="badge warn">uncommitted changes</span>' : ''}`,
      ],
      ['Suite sha256', `<code>${escapeHtml(p.suiteSha256)}</code>`],
    ];
    return `<dl class="facts provenance">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
  });
  if (without.length > 0) {
    blocks.push(`<p class="muted">${without.length} run record${without.length === 1 ? '' : 's'} ${without.length === 1 ? 'carries' : 'carry'} no provenance (written before synthgrad recorded it).</p>`);
  }
  if (blocks.length === 0) return '';
  return `<section id="provenance" aria-labelledby="provenance-title">
<h2 id="provenance-title">Provenance</h2>
<p class="section-intro">What made these results: the software, the machine and the command. <code>sha256sum suite.json</code> in the run folder checks the suite hash.</p>
${blocks.join('\n')}
</section>`;
}

function labelsOf(runs: readonly RunRecord[]): string {
  const labels = [...new Set(runs.map((r) => r.label))];
  return labels.length <= 4 ? labels.join(', ') : `${labels.slice(0, 4).join(', ')} and ${labels.length - 4} more`;
}

/** A word of the command as a shell would need it typed. */
function shellWord(word: string): string {
  return /^[\w./:=@,+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
