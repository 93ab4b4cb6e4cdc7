import { describe, expect, it } from 'vitest';
import { DataFormatError } from './DataFormatError.js';
import { parseNumericCsv } from './parseNumericCsv.js';

const rowsOf = (text: string, header?: boolean) => {
  const { columns, table } = parseNumericCsv(text, 'data.csv', header === undefined ? {} : { header });
  return { columns, rows: Array.from({ length: table.rows }, (_, i) => Array.from(table.row(i))) };
};

function errorOf(text: string): string {
  try {
    parseNumericCsv(text, 'data.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(DataFormatError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseNumericCsv', () => {
  it('reads a header, quoted names, CRLF, spaces, exponents and signs, and skips blank lines', () => {
    const text = '\uFEFFx1,"x, two","say ""hi""",label\r\n0.5, -1 ,2e-1,0\r\n\r\n+3,.25,1E2,2\r\n';
    expect(rowsOf(text)).toEqual({
      columns: ['x1', 'x, two', 'say "hi"', 'label'],
      rows: [
        [0.5, -1, 0.2, 0],
        [3, 0.25, 100, 2],
      ],
    });
  });

  it('reads numbers only (no header) when the first line is numbers, or when told', () => {
    expect(rowsOf('1,2\n3,4')).toEqual({ columns: undefined, rows: [[1, 2], [3, 4]] });
    expect(rowsOf('1,2\n3,4', true)).toEqual({ columns: ['1', '2'], rows: [[3, 4]] });
    expect(rowsOf('"1","2"\n')).toEqual({ columns: undefined, rows: [[1, 2]] });
  });

  it('names the line and column (and column name) of a field that is not a finite number', () => {
    expect(errorOf('a,b\n1,2\n3,x\n')).toBe('data.csv: line 3, column 2 ("b"): "x" is not a finite number');
    expect(errorOf('1,2\n3,\n')).toBe('data.csv: line 2, column 2: is empty');
    expect(errorOf('1,2\nNaN,1\n')).toBe('data.csv: line 2, column 1: "NaN" is not a finite number');
    expect(errorOf('1,2\n1,Infinity\n')).toBe('data.csv: line 2, column 2: "Infinity" is not a finite number');
    expect(errorOf('1,2\n0x10,1\n')).toBe('data.csv: line 2, column 1: "0x10" is not a finite number');
    expect(errorOf('1,2\n1e999,1\n')).toBe('data.csv: line 2, column 1: "1e999" is not a finite number');
  });

  it('refuses lines of another width, unclosed quotes and files without data', () => {
    expect(errorOf('a,b\n1,2\n\n3,4,5\n')).toBe('data.csv: line 4 has 3 fields but line 1 has 2');
    expect(errorOf('a,b\n1,"2\n')).toBe('data.csv: line 2: a quoted field is not closed before the end of the file');
    expect(errorOf('a,b\n')).toBe('data.csv: has a header line but no lines of data');
    expect(errorOf('\n\n')).toBe('data.csv: has no lines of data');
    expect(errorOf('a,b\n1,2"3"\n')).toBe('data.csv: line 2: a quote inside an unquoted field');
  });
});
