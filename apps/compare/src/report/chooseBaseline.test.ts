import { describe, expect, it } from 'vitest';
import { chooseBaseline } from './chooseBaseline.js';

const trainers: Record<string, string> = { DNI: 'dni', Backprop: 'backprop', 'backprop, wide': 'backprop', DFA: 'dfa' };
const trainerOf = (label: string) => trainers[label];

describe('chooseBaseline', () => {
  it('takes a configuration labelled backprop, else the first trained by backprop, else none', () => {
    expect(chooseBaseline(['DNI', 'backprop, wide', 'Backprop'], trainerOf)).toBe('Backprop');
    expect(chooseBaseline(['DNI', 'backprop, wide'], trainerOf)).toBe('backprop, wide');
    expect(chooseBaseline(['DNI', 'DFA'], trainerOf)).toBeUndefined();
  });

  it('takes the chosen one, and names the configurations when it is not one', () => {
    expect(chooseBaseline(['DNI', 'Backprop'], trainerOf, 'DNI')).toBe('DNI');
    expect(() => chooseBaseline(['DNI', 'Backprop'], trainerOf, 'dfa')).toThrow('baseline "dfa" is not a configuration of these results (configurations: "DNI", "Backprop")');
  });
});
