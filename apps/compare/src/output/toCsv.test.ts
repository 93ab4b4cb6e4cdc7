import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './toCsv.js';

describe('toCsv', () => {
  it('quotes what RFC 4180 requires and leaves the rest bare', () => {
    expect(csvCell('backprop')).toBe('backprop');
    expect(csvCell('cDNI (labels, bn)')).toBe('"cDNI (labels, bn)"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(undefined)).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+1+cmd|', "'+1+cmd|"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "\"'\r=1\""],
  ])('injection: neutralises the formula-like text %j with a leading quote', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves negative numbers as numbers', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
  });

  it('writes numbers to 6 significant digits', () => {
    expect(csvCell(0.123456789)).toBe('0.123457');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(1e-7)).toBe('1e-7');
  });

  it('joins a header and rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [undefined, 2]])).toBe('a,b\n1,"x,y"\n,2\n');
  });
});
