import { describe, expect, it } from 'vitest';
import { capMessage, MESSAGE_LIMITS } from './capMessage.js';

describe('capMessage', () => {
  it('keeps a short message as it is', () => {
    expect(capMessage('a\nb')).toBe('a\nb');
  });

  it('cuts a long line and says how much was left out', () => {
    const capped = capMessage(`x ${'1,'.repeat(1_000_000)}`);
    expect(capped.length).toBeLessThan(MESSAGE_LIMITS.line + 40);
    expect(capped).toContain(`… (${2_000_002 - MESSAGE_LIMITS.line} more characters)`);
  });

  it('cuts a message of many lines', () => {
    const capped = capMessage(Array.from({ length: 10_000 }, (_, i) => `  - problem ${i}`).join('\n'));
    expect(capped.length).toBeLessThan(MESSAGE_LIMITS.total + 60);
    expect(capped).toMatch(/more characters left out\)$/);
  });
});
