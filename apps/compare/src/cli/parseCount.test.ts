import { describe, expect, it } from 'vitest';
import { parseCount } from './parseCount.js';

describe('parseCount', () => {
  it('reads decimal digits', () => {
    expect(parseCount('--epochs', '20', 1)).toBe(20);
    expect(parseCount('--epochs', ' 3 ', 1, 5)).toBe(3);
  });

  it.each(['0x2', '1e3', '2.0', '', ' ', '-1', 'Infinity', '0b1'])('rejects %j naming the option', (text) => {
    expect(() => parseCount('--epochs', text, 1)).toThrow(`--epochs: expected an integer ≥ 1 in decimal digits, got ${JSON.stringify(text)}`);
  });

  it('refuses values out of range', () => {
    expect(() => parseCount('--epochs', '0', 1)).toThrow('--epochs: expected an integer ≥ 1 in decimal digits, got "0"');
    expect(() => parseCount('--workers', '1000', 1, 256)).toThrow('--workers: expected an integer from 1 to 256 in decimal digits, got "1000"');
  });
});
