/** Characters of one line of an error message, and of a whole message. */
export const MESSAGE_LIMITS = { line: 600, total: 6000 } as const;

/**
 * An error message cut to a size a terminal can show: each line at most {@link MESSAGE_LIMITS}.line
 * characters, the whole at most {@link MESSAGE_LIMITS}.total, saying how much was left out — so a
 * message that quotes a whole matrix or a function's source stays readable.
 */
export function capMessage(message: string): string {
  const lines = message.split('\n').map((line) =>
    line.length > MESSAGE_LIMITS.line ? `${line.slice(0, MESSAGE_LIMITS.line)}… (${line.length - MESSAGE_LIMITS.line} more characters)` : line,
  );
  let text = lines.join('\n');
  if (text.length > MESSAGE_LIMITS.total) {
    const kept = text.slice(0, MESSAGE_LIMITS.total);
    text = `${kept.slice(0, kept.lastIndexOf('\n') > 0 ? kept.lastIndexOf('\n') : kept.length)}\n  … (${text.length - MESSAGE_LIMITS.total} more characters left out)`;
  }
  return text;
}
