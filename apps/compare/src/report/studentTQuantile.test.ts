import { describe, expect, it } from 'vitest';
import { studentTQuantile } from './studentTQuantile.js';

describe('studentTQuantile', () => {
  it('matches the printed t table (two-sided 95% and 99%)', () => {
    // Critical values from a standard t table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), 3 decimals.
    const table: [number, number, number][] = [
      [0.975, 1, 12.706],
      [0.975, 2, 4.303],
      [0.975, 3, 3.182],
      [0.975, 4, 2.776],
      [0.975, 9, 2.262],
      [0.975, 30, 2.042],
      [0.995, 2, 9.925],
      [0.995, 10, 3.169],
      [0.95, 5, 2.015],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(t, 3);
  });

  it('has the closed forms of 1 and 2 degrees of freedom, symmetry, and the normal limit', () => {
    // df = 1 is Cauchy: tan(π(p − ½)); df = 2: (2p − 1)·√(2 / (4p(1 − p))).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 9);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025)), 9);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-studentTQuantile(0.975, 4), 12);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
  });

  it('refuses a probability outside (0, 1) or non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/p must lie in \(0, 1\), got 1/);
    expect(() => studentTQuantile(0.975, 0)).toThrow(/degrees of freedom must be positive, got 0/);
  });
});
