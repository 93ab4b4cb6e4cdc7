import * as vegaLite from 'vega-lite';
import { curveChartSpec } from '../../src/report/curveChartSpec.js';
const spec = curveChartSpec({ title: 't', yTitle: 'y', yFormat: 'number', series: [{ label: 'a', points: [{ epoch: 1, n: 1, mean: 1, std: 0, min: 1, max: 1 }] }], colours: new Map([['a', '#f00']]) });
console.log(JSON.stringify(vegaLite.compile(spec).spec.legends, null, 1));
