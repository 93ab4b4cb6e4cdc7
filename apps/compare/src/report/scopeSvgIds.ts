/**
 * Renames every `id` of an SVG (and the `url(#…)` / `href="#…"` references to it) to
 * `<prefix>-1`, `<prefix>-2`, … in order of appearance. Vega numbers its clip paths with a
 * process-wide counter: scoping makes ids unique within a page and the page the same on every render.
 *
 * @example
 * ```ts
 * scopeSvgIds('<clipPath id="clip7"/><g clip-path="url(#clip7)"/>', 'test-loss');
 * // '<clipPath id="test-loss-1"/><g clip-path="url(#test-loss-1)"/>'
 * ```
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (match, lead: string, id: string) => {
    const scoped = renamed.get(id);
    return scoped === undefined ? match : `${lead}${scoped}`;
  });
}
