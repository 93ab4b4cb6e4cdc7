import { describe, expect, it } from 'vitest';
import { curveChartSpec, type CurveSeries } from './curveChartSpec.js';
import { renderChartSvg } from './renderChartSvg.js';

const point = (epoch: number, mean: number) => ({ epoch, n: 2, mean, std: 0.01, min: mean - 0.01, max: mean + 0.01 });
const series: CurveSeries[] = [
  { label: 'backprop', points: [point(1, 0.5), point(2, 0.75)] },
  { label: 'DNI', points: [point(1, 0.5)] },
];
const colours = new Map([
  ['backprop', '#4e79a7'],
  ['never drawn', '#f28e2b'],
  ['DNI', '#e15759'],
]);

// The spec is plain JSON: read it as such rather than through vega-lite's union types.
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('curveChartSpec', () => {
  it('layers a min–max band under a mean line per configuration, coloured by configuration', () => {
    const spec = json(curveChartSpec({ title: 'Test bit accuracy', yTitle: 'bit accuracy', yFormat: 'percent', series, colours }));
    expect(spec.title.text).toBe('Test bit accuracy');
    const [band, line] = spec.layer;
    expect(band.mark.type).toBe('area');
    expect([band.encoding.y.field, band.encoding.y2.field]).toEqual(['min', 'max']);
    expect(line.mark.type).toBe('line');
    expect(line.encoding.y.field).toBe('mean');
    expect(line.encoding.x.field).toBe('epoch');
    expect(line.encoding.color.scale).toEqual({ domain: ['backprop', 'DNI'], range: ['#4e79a7', '#e15759'] });
    expect(line.encoding.y.axis.format).toBe('.0%');
    expect(spec.data.values).toHaveLength(3);
    expect(spec.data.values[0]).toEqual({ configuration: 'backprop', panel: '', epoch: 1, mean: 0.5, min: 0.49, max: 0.51, n: 2 });
  });

  it('adds a dashed threshold rule, a log or cut-off y scale, and facets by panel', () => {
    const ruled = json(
      curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'number', series, colours, rule: { value: 0.75, label: 'threshold 75%' }, yScale: { log: true, max: 20 } }),
    );
    expect(ruled.layer[2].data.values).toEqual([{ value: 0.75, label: 'threshold 75%' }]);
    expect(ruled.layer[2].layer[0].mark.strokeDash).toEqual([5, 4]);
    expect(ruled.layer[1].encoding.y.scale).toEqual({ type: 'log', nice: false, domainMax: 20 });
    expect(ruled.layer[1].encoding.y.title).toBe('y (log scale)');
    expect(ruled.layer[1].mark.clip).toBe(true);

    const faceted = json(
      curveChartSpec({
        title: 't',
        yTitle: 'cosine',
        yFormat: 'number',
        series: series.map((s, i) => ({ ...s, panel: `Layer ${i + 1}` })),
        colours,
        panels: ['Layer 1', 'Layer 2'],
      }),
    );
    expect(faceted.facet).toMatchObject({ field: 'panel', sort: ['Layer 1', 'Layer 2'] });
    expect(faceted.spec.layer.map((l: { mark: { type: string } }) => l.mark.type)).toEqual(['area', 'line']);
  });

  it('renders to a standalone SVG with its title and legend', async () => {
    const svg = await renderChartSvg(curveChartSpec({ title: 'Test loss', yTitle: 'loss', yFormat: 'number', series, colours }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Test loss</text>');
    expect(svg).toContain('>backprop</text>');
    expect(svg).toContain('>DNI</text>');
    expect(svg).not.toContain('never drawn');
  });
});

describe('curveChartSpec y domain', () => {
  it('keeps a visible band around an accuracy that never moves', () => {
    const flat = [{ label: 'backprop', points: [point(1, 0), point(2, 0)].map((p) => ({ ...p, min: 0, max: 0 })) }];
    const spec = json(curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'percent', series: flat, colours }));
    expect(spec.layer[1].encoding.y.scale.domain).toEqual([0, 0.05]);
  });
});

describe('curveChartSpec styles and carried values', () => {
  it('dashes a configuration by its pattern, in the line and the legend', async () => {
    const dashes = new Map([['backprop', []], ['DNI', [7, 3]]]);
    const spec = json(curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'number', series, colours, dashes }));
    expect(spec.layer[1].encoding.strokeDash.scale).toEqual({ domain: ['backprop', 'DNI'], range: [[], [7, 3]] });
    const svg = await renderChartSvg(curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'number', series, colours, dashes }));
    expect(svg).toContain('stroke-dasharray="7,3"');
  });

  it('draws the solid line up to the last point with no carried value and a faded line from it on', () => {
    const carried = (epoch: number, mean: number, count: number) => ({ ...point(epoch, mean), carried: count });
    const withCarried: CurveSeries[] = [{ label: 'DNI', points: [carried(1, 0.5, 0), carried(2, 0.6, 0), carried(3, 0.7, 1), carried(4, 0.7, 1)] }];
    const spec = json(curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'percent', series: withCarried, colours }));
    expect(spec.data.values.map((r: { epoch: number; tail: boolean }) => [r.epoch, r.tail])).toEqual([[1, false], [2, true], [3, true], [4, true]]);
    expect(spec.layer[1].transform).toEqual([{ filter: '!(datum.carried > 0)' }]);
    const faded = spec.layer[spec.layer.length - 1];
    expect(faded.transform).toEqual([{ filter: 'datum.tail' }]);
    expect(faded.mark.opacity).toBeLessThan(1);
  });

  it('writes axis numbers without exponents (a time axis tick of 10 s reads "10", not "1e+1")', async () => {
    const timed: CurveSeries[] = [{ label: 'DNI', points: [point(2, 0.5), point(14, 0.75)] }];
    const svg = await renderChartSvg(curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'percent', series: timed, colours, x: { title: 'seconds' } }));
    expect(svg).toContain('>10</text>');
    expect(svg).not.toMatch(/e\+\d/);
  });
});
