import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../run/RunSpec.js';
import { checkRunJob } from './checkRunJob.js';

const spec: RunSpec = {
  suite: 's',
  label: 'cDNI',
  seed: 1,
  trainer: 'dni',
  options: { generatorInput: 'labels' },
  network: { layers: [{ units: 4, activation: 'sigmoid' }], learningRate: 0.1 } as RunSpec['network'],
  dataset: { name: 'mnist', options: {} },
  training: { epochs: 2, batchSize: 10 },
  backend: 'cpu',
  index: 0,
  total: 1,
};
const limits = { concurrency: 2, dataDirs: ['/data/mnist'] };
const job = (changes: Partial<RunSpec>) => ({ spec: { ...spec, ...changes }, plugins: [] });

describe('checkRunJob (records nobody made: job payloads)', () => {
  it('takes a job the suite could have made', () => {
    expect(checkRunJob(job({}), limits)).toEqual([]);
    expect(checkRunJob(job({ dataset: { name: 'mnist', options: { dataDir: '/data/mnist/copy' } } }), limits)).toEqual([]);
  });

  it.each([
    [{ training: { epochs: 1e12, batchSize: 10 } }, 'spec.training.epochs: expected number to be <=1000000'],
    [{ training: { epochs: 2, batchSize: 0 } }, 'spec.training.batchSize: expected number to be >0'],
    [{ network: { layers: [] } as unknown as RunSpec['network'] }, 'spec.network.layers'],
    [{ seed: -1 }, 'spec.seed: expected an integer from 0 to 4294967295, got -1'],
    [{ label: 'x'.repeat(300) }, 'spec.label: expected a label of 1 to 255 characters'],
    [{ options: { generatorInput: 'labels', stages: 4 } }, 'spec.options.stages: the run trains on 4 threads; this worker runs 2 at once'],
    [{ dataset: { name: 'mnist', options: { dataDir: '/etc' } } }, 'spec.dataset.options.dataDir: "/etc" is not inside a folder this worker may read'],
    [{ dataset: { name: 'mnist', options: { dataDir: '/data/mnist/../../etc' } } }, 'spec.dataset.options.dataDir'],
  ])('refuses %j, naming the field', (changes, problem) => {
    expect(checkRunJob(job(changes), limits).join('\n')).toContain(problem);
  });

  it('refuses a data directory that leads out of an allowed folder through a link', () => {
    const allowed = mkdtempSync(join(tmpdir(), 'data-dirs-'));
    symlinkSync('/etc', join(allowed, 'escape'));
    const problems = checkRunJob(job({ dataset: { name: 'mnist', options: { dataDir: join(allowed, 'escape') } } }), { concurrency: 1, dataDirs: [allowed] });
    expect(problems.join('\n')).toContain('is not inside a folder this worker may read');
  });

  it('refuses a payload that is not a job', () => {
    expect(checkRunJob(null, limits)).toEqual(['the job holds no run']);
    expect(checkRunJob({ spec: 'x', plugins: [] }, limits)).toEqual(['spec: expected a run']);
  });
});
