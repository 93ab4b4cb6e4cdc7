/** `'l'` or `'r'` per column; columns without an entry are right-aligned. */
export type Alignment = readonly ('l' | 'r')[];

/**
 * Plain-text table with a header rule, columns padded to their widest cell.
 *
 * @example
 * ```ts
 * formatTable(['shape', 'GFLOP/s'], [['256³', '5.1']], ['l']);
 * ```
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: Alignment = [],
): string {
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    widths
      .map((w, c) => (align[c] === 'l' ? (cells[c] ?? '').padEnd(w) : (cells[c] ?? '').padStart(w)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Three significant figures, no exponent for large values. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

/** `[min–max]`. */
export function formatRange(min: number, max: number): string {
  return `[${formatNumber(min)}–${formatNumber(max)}]`;
}
