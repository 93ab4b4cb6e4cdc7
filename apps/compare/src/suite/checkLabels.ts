import { weightsFolderOf } from '../run/weightsFolderOf.js';
import { SuiteError } from './SuiteError.js';
import { SuiteLimits } from './SuiteLimits.js';
import type { Suite } from './suiteSchema.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Refuses labels that cannot name what they name: one holding a control character (a newline, ESC,
 * BEL: they would reach the terminal and tables), one longer than {@link SuiteLimits.labelLength}
 * (its folder name could not be created, at the end of training), and two labels whose folder names
 * are the same (`dni labels`, `dni/labels`, `dni_labels` all give `dni_labels`, and `DNI` and `dni`
 * meet on a case-insensitive disk): their saved weights and halving states would mix. Checked
 * before a run folder exists, so existing folders keep their names. Throws one {@link SuiteError}.
 *
 * @example
 * ```ts
 * checkLabels(suite, 'my-suite.json'); // throws: runs[1].label "dni/labels": its folder name "dni_labels" is also that of runs[0] ("dni labels")
 * ```
 */
export function checkLabels(suite: Suite, source: string): void {
  const problems: string[] = [];
  const folders = new Map<string, number>();
  suite.runs.forEach((run, i) => {
    const at = `runs[${i}].label ${JSON.stringify(run.label.length > 80 ? `${run.label.slice(0, 77)}...` : run.label)}`;
    if (CONTROL.test(run.label)) {
      problems.push(`${at}: holds a control character (a newline, tab, ESC or BEL); a label is one line of plain text`);
      return;
    }
    if (run.label.length > SuiteLimits.labelLength) {
      problems.push(`${at}: ${run.label.length} characters; a label names a folder and holds at most ${SuiteLimits.labelLength}`);
      return;
    }
    const folder = folderName(run.label);
    const first = folders.get(folder.toLowerCase());
    if (first === undefined) folders.set(folder.toLowerCase(), i);
    else if (suite.runs[first].label === run.label) return; // one setting drawn twice by sweep.samples
    else {
      problems.push(
        `${at}: its folder name "${folder}" is also that of runs[${first}] (${JSON.stringify(suite.runs[first].label)}), so their saved weights would mix; ` +
          'make the labels differ in letters or digits',
      );
    }
  });
  if (problems.length) throw new SuiteError(source, problems.length > 20 ? [...problems.slice(0, 20), `and ${problems.length - 20} more`] : problems);
}

/** The folder a label's runs save into, as {@link weightsFolderOf} names it. */
function folderName(label: string): string {
  const folder = weightsFolderOf('', { label, seed: 0 });
  return folder.slice(0, folder.lastIndexOf('/'));
}
