import { all, create, type MathJsInstance } from 'mathjs';

/**
 * The mathjs instance formulas and schedules are parsed, differentiated and evaluated with: a
 * private one, so nothing a formula does can reach the global instance other code uses, and
 * `predictable`, so `sqrt(-1)` is NaN instead of a complex number.
 */
export const scalarMath: MathJsInstance = create(all, { predictable: true });
