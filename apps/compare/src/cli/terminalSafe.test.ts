import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminalSafe.js';

describe('terminalSafe (injection into the terminal)', () => {
  it.each([
    ['a\u001b[31mred\u001b[0m b', 'ared b'],
    ['title\u001b]0;pwned\u0007 end', 'title end'],
    ['link \u001b]8;;http://evil\u001b\\x\u001b]8;;\u001b\\', 'link x'],
    ['bell\u0007', 'bell\ufffd'],
    ['cr\roverwrite', 'cr\ufffdoverwrite'],
    ['c1 \u009b31m', 'c1 \ufffd31m'],
    ['plain (labels) [learningRate=0.1]', 'plain (labels) [learningRate=0.1]'],
  ])('strips control codes from %j', (text, safe) => {
    expect(terminalSafe(text)).toBe(safe);
  });

  it('keeps newlines and tabs between lines, and shows them in a one-line label', () => {
    expect(terminalSafe('one\n\ttwo')).toBe('one\n\ttwo');
    expect(terminalSafe('fake\nsynthgrad: done', { oneLine: true })).toBe('fake\ufffdsynthgrad: done');
  });
});
