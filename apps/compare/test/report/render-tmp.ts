import { readFileSync } from 'node:fs';
import { writeReport } from '../../src/report/index.js';
const dir = new URL('./fixtures/', import.meta.url);
const records = readFileSync(new URL('results.jsonl', dir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const suite = JSON.parse(readFileSync(new URL('suite.json', dir), 'utf8'));
console.log(await writeReport('/tmp/report-out', records, suite));
