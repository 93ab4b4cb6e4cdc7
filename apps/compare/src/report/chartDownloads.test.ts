import { describe, expect, it } from 'vitest';
import { chartDownloads } from './chartDownloads.js';
import { curveChartSpec } from './curveChartSpec.js';

const decode = (html: string, extension: string) => {
  const match = new RegExp(`download="test-loss\\.${extension}" href="data:[^;]+;base64,([^"]+)"`).exec(html);
  return match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
};

describe('chartDownloads', () => {
  it('links the rows a chart was drawn from as CSV and the chart as SVG, in data: URIs', () => {
    const spec = curveChartSpec({
      title: 'Test loss',
      yTitle: 'loss',
      yFormat: 'number',
      series: [{ label: 'DNI, wide', points: [{ epoch: 1, n: 2, mean: 0.5, std: 0.1, min: 0.4, max: 0.6 }] }],
      colours: new Map([['DNI, wide', '#4e79a7']]),
    });
    const html = chartDownloads('test-loss', spec, '<svg><text>Test loss</text></svg>');
    expect(decode(html, 'csv')).toBe('configuration,panel,epoch,mean,min,max,n\n"DNI, wide",,1,0.5,0.4,0.6,2\n');
    expect(decode(html, 'svg')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<svg><text>Test loss</text></svg>');
  });
});
