import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { readTableFile } from '@synthgrad/datasets-files';
import { Matrix, toNpy } from 'synthgrad';
import { loadModel } from 'synthgrad/node';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';

export interface PredictOptions {
  /** A `.csv` or `.npy` file for the predictions, instead of printing them. */
  readonly out?: string;
}

/**
 * `synthgrad predict <model-folder> <inputs>`: rebuilds the model a self-describing folder holds
 * (`loadModel`), reads the inputs (a `.npy` or `.csv` file, one row per example) and prints the
 * network's outputs as CSV (`output0`, …), for classification with the `class` they pick (the
 * largest output); `--out` writes them to a `.csv` or `.npy` file instead (same columns).
 * Returns the exit code.
 */
export async function predictCommand(modelFolder: string, inputsFile: string, options: PredictOptions, io: CliIo): Promise<number> {
  const outExtension = options.out === undefined ? undefined : extname(options.out).toLowerCase();
  if (outExtension !== undefined && outExtension !== '.csv' && outExtension !== '.npy') {
    throw new CliError(`predict: --out "${options.out}": unknown file type "${outExtension || '(no extension)'}"; known: ".csv", ".npy"`);
  }
  const model = await loadModel(resolve(io.cwd, modelFolder));
  const { inputSize, labelSize, task, name } = model.spec.dataset;
  const { table } = await readTableFile(resolve(io.cwd, inputsFile), 'predict');
  if (table.cols !== inputSize) {
    throw new CliError(
      `predict: "${inputsFile}" is ${table.rows} rows × ${table.cols} columns, but the model in "${modelFolder}" takes ${inputSize} inputs per row ` +
        `(it was trained on "${name}", ${inputSize} inputs → ${labelSize} outputs)`,
    );
  }
  const outputs = model.predict(table);
  const withClass = task === 'classification';
  const columns = [...Array.from({ length: labelSize }, (_, c) => `output${c}`), ...(withClass ? ['class'] : [])];
  const rows = new Matrix(outputs.rows, columns.length);
  for (let r = 0; r < outputs.rows; r++) {
    let best = 0;
    for (let c = 0; c < labelSize; c++) {
      const value = outputs.get(r, c);
      rows.set(r, c, value);
      if (value > outputs.get(r, best)) best = c;
    }
    if (withClass) rows.set(r, labelSize, best);
  }
  if (options.out === undefined) {
    io.out(toCsv(columns, rows));
    return 0;
  }
  const out = resolve(io.cwd, options.out);
  await writeFile(out, outExtension === '.npy' ? toNpy(rows) : `${toCsv(columns, rows)}\n`).catch((error: Error) => {
    throw new CliError(`predict: cannot write "${options.out}": ${error.message}`);
  });
  io.err(`${rows.rows} predictions (columns ${columns.join(', ')}) written to ${out}`);
  return 0;
}

function toCsv(columns: readonly string[], rows: Matrix): string {
  const lines = [columns.join(',')];
  for (let r = 0; r < rows.rows; r++) lines.push(Array.from({ length: rows.cols }, (_, c) => String(rows.get(r, c))).join(','));
  return lines.join('\n');
}
