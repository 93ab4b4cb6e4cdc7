import { suiteSchema } from '../src/suite/suiteSchema.js';
const r = suiteSchema.safeParse({ name: 'Bad Name', dataset: { name: 'x', foo: 1 }, network: { layers: [{ units: -1 }], learningRate: true, optimiser: 5 }, training: { epochs: '10', batchSize: 10 }, seeds: [], runs: [{ label: 'a', trainer: 'dni' }, { label: 'a', trainer: 'b', extra: 1 }] }, { reportInput: true });
console.log(JSON.stringify(r.error!.issues, null, 1));
