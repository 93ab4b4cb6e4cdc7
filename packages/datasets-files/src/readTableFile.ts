import { extname } from 'node:path';
import { ConfigError, SynthgradError } from '@synthgrad/core';
import { fromNpy } from '@synthgrad/layers';
import { DataFormatError, parseNumericCsv, type NumericCsv, type ParseNumericCsvOptions } from '@synthgrad/datasets';
import { MAX_DATA_FILE_BYTES, readDataFile } from './readDataFile.js';

/** Options of {@link readTableFile}. */
export interface ReadTableFileOptions extends ParseNumericCsvOptions {
  /** Refuse a larger file (default {@link MAX_DATA_FILE_BYTES}). */
  readonly maxBytes?: number;
}

/**
 * A table of numbers from a `.csv` file (see `parseNumericCsv`; UTF-8) or a NumPy `.npy` file
 * (float64 or float32, 1-D or 2-D, read by `fromNpy` of `@synthgrad/layers`), chosen by the file's
 * extension. The file is read by {@link readDataFile} (regular files only, size-bounded); a missing or
 * refused file or another extension is a `ConfigError` at `label`, a malformed one a `DataFormatError`
 * naming the file.
 *
 * @example
 * ```ts
 * const { columns, table } = await readTableFile('/data/train.csv', 'arrays.train');
 * ```
 */
export async function readTableFile(path: string, label: string, options: ReadTableFileOptions = {}): Promise<NumericCsv> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.npy') {
    throw new ConfigError(label, `"${path}": unknown file type "${extension || '(no extension)'}"; known: ".csv", ".npy"`);
  }
  const bytes = await readDataFile(path, label, options.maxBytes ?? MAX_DATA_FILE_BYTES);
  if (extension === '.npy') {
    try {
      return { table: fromNpy(bytes) };
    } catch (error) {
      if (!(error instanceof SynthgradError)) throw error;
      const hint = /dtype/.test(error.message) ? ' (save it as float64: np.save(path, a.astype("float64")))' : '';
      throw new DataFormatError(path, `${error.message}${hint}`);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataFormatError(path, 'is not UTF-8 text');
  }
  return parseNumericCsv(text, path, options.header === undefined ? {} : { header: options.header });
}
