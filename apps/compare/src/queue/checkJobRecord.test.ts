import { describe, expect, it } from 'vitest';
import type { EpochRecord } from 'synthgrad';
import type { RunSpec } from '../run/RunSpec.js';
import { runRecord } from '../run/runRecord.js';
import { checkJobRecord } from './checkJobRecord.js';

const spec: RunSpec = {
  suite: 's',
  label: 'cDNI',
  seed: 1,
  trainer: 'dni',
  options: { generatorInput: 'labels' },
  network: { layers: [{ units: 4, activation: 'sigmoid' }], learningRate: 0.1 } as RunSpec['network'],
  dataset: { name: 'binary-addition', options: { bits: 4 } },
  training: { epochs: 2, batchSize: 10 },
  backend: 'cpu',
  index: 3,
  total: 8,
};
const epoch = { epoch: 0, trainLoss: 0.5, train: { loss: 0.5 }, seconds: 0.1, test: { loss: 0.5, bitAccuracy: 0.75 } } as unknown as EpochRecord;
const real = runRecord(spec, { status: 'completed', history: [epoch, { ...epoch, epoch: 1 }], seconds: 1.5 });

describe('checkJobRecord (records nobody made)', () => {
  it("takes the run's own record, through JSON as Redis returns it", () => {
    expect(checkJobRecord(JSON.parse(JSON.stringify(real)), spec)).toBeUndefined();
  });

  it.each([
    [{ history: [] }, 'its "label" is not a string'],
    [{ ...real, history: [] }, 'it is completed with an empty history'],
    [{ ...real, seconds: undefined }, 'its "seconds" is not a number of seconds'],
    [{ ...real, history: [{ epoch: 0, test: { accuracy: 'high' } }] }, 'its history[0].test is not a set of metrics'],
    [{ ...real, label: 'backprop' }, 'it is the record of "backprop" seed 1, not of "cDNI" seed 1'],
    [{ ...real, seed: 99 }, 'it is the record of "cDNI" seed 99, not of "cDNI" seed 1'],
    [{ ...real, training: { epochs: 2, batchSize: 11 } }, 'its configuration (trainer, options, network, dataset, training or backend) is not that of "cDNI"'],
    [{ ...real, options: { generatorInput: 'none' } }, 'its configuration'],
    [{ ...real, history: [epoch, epoch, epoch] }, 'it has 3 epochs; the run trains 2'],
  ])('refuses %j', (record, problem) => {
    expect(checkJobRecord(record, spec)).toContain(problem);
  });

  it('judges a record by its run, whatever provenance it carries (the coordinator writes its own)', () => {
    const provenance = { packages: {}, node: 'v20.0.0', os: { platform: 'linux', release: '6', arch: 'x64' }, cpu: { model: 'x', count: 1 }, command: ['compare', 's'], suiteSha256: '0'.repeat(64), workers: 'queue' };
    expect(checkJobRecord({ ...real, provenance }, spec)).toBeUndefined();
    expect(checkJobRecord({ ...real, label: 'backprop', provenance }, spec)).toContain('it is the record of "backprop" seed 1, not of "cDNI" seed 1');
    expect(checkJobRecord({ ...real, network: { ...real.network, learningRate: 0.5 }, provenance }, spec)).toContain('its configuration');
  });

  it('keeps a failed record that finished no epoch, and a run of 0 epochs', () => {
    expect(checkJobRecord({ ...real, status: 'failed', reason: 'out of memory', history: [] }, spec)).toBeUndefined();
    const none = { ...spec, training: { epochs: 0, batchSize: 10 } };
    expect(checkJobRecord(runRecord(none, { status: 'completed', history: [], seconds: 0 }), none)).toBeUndefined();
  });
});
