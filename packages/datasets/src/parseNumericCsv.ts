import { Matrix } from '@synthgrad/tensor';
import { DataFormatError } from './DataFormatError.js';

/** Options of {@link parseNumericCsv}. */
export interface ParseNumericCsvOptions {
  /**
   * Whether the first line holds column names: `true`, `false`, or (default) decided by that line —
   * a header when any of its fields is not a number.
   */
  readonly header?: boolean;
}

/** A CSV file's numbers, one row per data line, and its column names when it has a header. */
export interface NumericCsv {
  readonly columns?: readonly string[];
  readonly table: Matrix;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses CSV text of numbers (RFC 4180: comma-separated, fields may be double-quoted with `""` for a
 * quote, lines end in `\n` or `\r\n`; blank lines are skipped). Every data field must be a decimal
 * number (`1`, `-0.5`, `2e-3`; spaces around it are allowed); an empty field, `NaN`, `Infinity` or
 * text throws a {@link DataFormatError} naming `source`, the line and the column (from 1), and the
 * column's name when there is a header. Every line needs as many fields as the first.
 *
 * Written here rather than taken from a CSV library: only numbers are read, and each bad field must
 * be reported by line and column.
 *
 * @example
 * ```ts
 * const { columns, table } = parseNumericCsv('x1,x2,label\n0.5,1,0\n-1,2e-1,1\n', 'train.csv');
 * columns;     // ["x1", "x2", "label"]
 * table.shape; // "2×3"
 * ```
 */
export function parseNumericCsv(text: string, source: string, options: ParseNumericCsvOptions = {}): NumericCsv {
  const records = readRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, source);
  if (records.length === 0) throw new DataFormatError(source, 'has no lines of data');
  const [first] = records;
  const header = options.header ?? first.fields.some((field) => !NUMBER.test(field.trim()));
  const columns = header ? first.fields.map((field) => field.trim()) : undefined;
  const data = header ? records.slice(1) : records;
  if (data.length === 0) throw new DataFormatError(source, 'has a header line but no lines of data');
  const width = first.fields.length;
  const table = new Matrix(data.length, width);
  data.forEach(({ fields, line }, i) => {
    if (fields.length !== width) {
      throw new DataFormatError(source, `line ${line} has ${fields.length} fields but line ${first.line} has ${width}`);
    }
    fields.forEach((field, j) => {
      const text = field.trim();
      const value = NUMBER.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(value)) {
        const name = columns ? ` (${JSON.stringify(columns[j])})` : '';
        const shown = text === '' ? 'is empty' : `${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)} is not a finite number`;
        throw new DataFormatError(source, `line ${line}, column ${j + 1}${name}: ${shown}`);
      }
      table.data[i * width + j] = value;
    });
  });
  return { ...(columns ? { columns } : {}), table };
}

interface CsvRecord {
  readonly fields: string[];
  /** The line (from 1) the record starts on. */
  readonly line: number;
}

/** Splits CSV text into records of fields, RFC 4180 quoting; blank lines are dropped. */
function readRecords(text: string, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '' || wasQuoted) records.push({ fields, line: start });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"') {
        if (text[k + 1] === '"') {
          field += '"';
          k++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field.trim() !== '') throw new DataFormatError(source, `line ${line}: a quote inside an unquoted field`);
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new DataFormatError(source, `line ${start}: a quoted field is not closed before the end of the file`);
  endRecord();
  return records;
}
