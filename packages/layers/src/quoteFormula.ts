/** A formula as quoted in error messages: at most 80 characters, so a message stays one line. */
export function quoteFormula(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `"${short.replace(/\s+/g, ' ')}"`;
}
