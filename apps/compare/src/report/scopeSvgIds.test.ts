import { describe, expect, it } from 'vitest';
import { scopeSvgIds } from './scopeSvgIds.js';

describe('scopeSvgIds', () => {
  it('renumbers ids and their references in order of appearance, leaving other text alone', () => {
    const svg =
      '<svg><defs><clipPath id="clip12"/><clipPath id="clip9"/></defs>' +
      '<g clip-path="url(#clip9)"/><use href="#clip12"/><text>url(#other)</text></svg>';
    expect(scopeSvgIds(svg, 'loss')).toBe(
      '<svg><defs><clipPath id="loss-1"/><clipPath id="loss-2"/></defs>' +
        '<g clip-path="url(#loss-2)"/><use href="#loss-1"/><text>url(#other)</text></svg>',
    );
  });

  it('returns an SVG without ids unchanged', () => {
    expect(scopeSvgIds('<svg><g/></svg>', 'p')).toBe('<svg><g/></svg>');
  });
});
