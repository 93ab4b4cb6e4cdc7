import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/RunRecord.js';
import { cli, fixture, readRecords, runFolder, spawnCli, tempDir } from './helpers.js';

// A real Redis (Debian's redis-server: `.ci/run` and npm test's pretest install it) on a loopback port,
// with no persistence, and real `synthgrad worker` processes.

let redis: ChildProcess;
let url: string;
let client: Redis;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: apt-get install redis-server (.ci/run and `npm test` install it when run as root)');
  }
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  url = `redis://127.0.0.1:${port}`;
  client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: (n) => (n > 50 ? null : 100) });
  client.on('error', () => {}); // refused until redis-server listens
  await until(async () => client.connect().then(() => true, () => false), 10_000, 'redis-server to start');
});

afterAll(async () => {
  client?.disconnect();
  redis?.kill('SIGTERM');
});

beforeEach(async () => {
  await client.flushall();
});

/** Every `synthgrad` process a test starts: one left running by a failing test would take the next test's jobs. */
const started: ChildProcess[] = [];

afterEach(async () => {
  const running = started.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  })));
});

/** {@link spawnCli}, stopped after the test if it is still running. */
function spawnTracked(...args: Parameters<typeof spawnCli>): ReturnType<typeof spawnCli> {
  const spawned = spawnCli(...args);
  started.push(spawned.child);
  return spawned;
}

interface WorkerProcess {
  readonly child: ChildProcess;
  log: string;
  readonly exited: Promise<number | null>;
}

/** `synthgrad worker` as its own process, with short lock and stall-check times so a killed one is noticed fast. */
function startWorker(...extra: string[]): WorkerProcess {
  const { child } = spawnTracked(['worker', '--queue', url, '--concurrency', '1', '--lock-ms', '1500', '--stalled-check-ms', '500', ...extra]);
  const worker = {
    child,
    log: '',
    exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stderr!.on('data', (d: Buffer) => (worker.log += d.toString()));
  return worker;
}

async function stopWorkers(workers: readonly WorkerProcess[]): Promise<(number | null)[]> {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  return Promise.all(workers.map((w) => w.exited));
}

/**
 * A record without what differs between two trainings of the same run: the time it took, when it
 * ended, and its provenance (the command line and how it was trained; {@link sameMachineAndSoftware}
 * compares the rest of it).
 */
function withoutTimings(record: RunRecord): unknown {
  const { provenance: _provenance, ...rest } = record;
  return withoutTimingFields(rest);
}

function withoutTimingFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimingFields);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['seconds', 'trainSeconds', 'finishedAt', 'examplesPerSecond'].includes(key))
        .map(([key, v]) => [key, withoutTimingFields(v)]),
    );
  }
  return value;
}

const byRun = (records: readonly RunRecord[]) =>
  Object.fromEntries(records.map((r) => [`${r.label} / seed ${r.seed}`, withoutTimings(r)]));

/**
 * The provenance of each record that two trainings of the same suite on this machine share: not the
 * command line, how it was trained (threads or queue) or the git commit of the folder it ran in.
 */
const sameMachineAndSoftware = (records: readonly RunRecord[]) =>
  records.map((r) => {
    expect(r.provenance, `${r.label} / seed ${r.seed} has no provenance`).toBeDefined();
    const { packages, node, os, cpu, suiteSha256 } = r.provenance!;
    return { packages, node, os, cpu, suiteSha256 };
  });

/** 4 configurations × 2 seeds, long enough (~1 s a run) that a worker can be killed mid-run. */
function writeSuite(dir: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, 'queue-suite.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'queue-suite',
      dataset: { name: 'binary-addition', options: { bits: 6, trainSize: 200, testSize: 20 } },
      network: {
        layers: [
          { units: 16, activation: 'sigmoid', bias: false },
          { units: 6, activation: 'sigmoid', bias: false },
        ],
        loss: 'tutorial-delta',
        initialiser: 'tutorial',
        optimiser: 'sgd',
        learningRate: 0.1,
      },
      training: { epochs: 40, batchSize: 10 },
      seeds: [1, 2],
      runs: [
        { label: 'backprop', trainer: 'backprop' },
        { label: 'cDNI (labels)', trainer: 'dni', options: { generatorInput: 'labels', generatorLearningRate: 0.001 } },
        { label: 'DNI (layer-output)', trainer: 'dni', options: { generatorInput: 'layer-output', generatorLearningRate: 0.001 } },
        { label: 'backprop lr 0.5', trainer: 'backprop', network: { learningRate: 0.5 } },
      ],
      ...extra,
    }),
  );
  return file;
}

describe('compare --queue and synthgrad worker (real Redis, real worker processes)', () => {
  it('records every run exactly once, equal to a local run, when a worker is SIGKILLed mid-run; resubmitting trains nothing', async () => {
    const dir = tempDir();
    const suite = writeSuite(dir);
    const local = await cli(['compare', suite, '--out', join(dir, 'local'), '--workers', '2', '--quiet']);
    expect(local.code, local.err).toBe(0);
    const localRecords = readRecords(runFolder(join(dir, 'local'), 'queue-suite')!);
    expect(localRecords).toHaveLength(8);

    const doomed = startWorker();
    const coordinator = spawnTracked(['compare', suite, '--queue', url, '--out', join(dir, 'queue')], dir);
    await until(() => doomed.log.includes('started '), 60_000, 'the first worker to start a run');
    const survivor = startWorker();
    // Kill it while it holds a run it has started and not finished.
    const inFlight = () => {
      const started = [...doomed.log.matchAll(/started (run-\w+)/g)].map((m) => m[1]);
      const finished = new Set([...doomed.log.matchAll(/finished (run-\w+)/g)].map((m) => m[1]));
      return started.filter((id) => !finished.has(id));
    };
    await until(() => inFlight().length > 0 && /finished run-/.test(doomed.log), 60_000, 'the first worker to be mid-run');
    doomed.child.kill('SIGKILL');
    const [killedJob] = inFlight();
    const result = await coordinator.done;
    expect(result.code, result.err).toBe(0);
    const queued = readRecords(runFolder(join(dir, 'queue'), 'queue-suite')!);
    expect(queued.map((r) => `${r.label} / seed ${r.seed}`).sort()).toEqual(localRecords.map((r) => `${r.label} / seed ${r.seed}`).sort());
    expect(queued.every((r) => r.status === 'completed')).toBe(true);
    expect(byRun(queued)).toEqual(byRun(localRecords));
    expect(queued.map((r) => r.provenance?.workers)).toEqual(queued.map(() => 'queue'));
    expect(localRecords.map((r) => r.provenance?.workers)).toEqual(localRecords.map(() => 'threads'));
    expect(queued.map((r) => r.provenance?.command)).toEqual(queued.map(() => ['compare', suite, '--queue', url, '--out', join(dir, 'queue')]));
    expect(sameMachineAndSoftware(queued)).toEqual(sameMachineAndSoftware(localRecords));
    expect(survivor.log, "the survivor trained the killed worker's run").toContain(`finished ${killedJob}`);

    // The same suite again: every job id is already on the queue and finished, so nothing is trained.
    const [survivorCode] = await stopWorkers([survivor]);
    expect(survivorCode, survivor.log).toBe(0);
    const again = await spawnTracked(['compare', suite, '--queue', url, '--out', join(dir, 'again'), '--quiet'], dir).done;
    expect(again.code, again.err).toBe(0);
    const resubmitted = readRecords(runFolder(join(dir, 'again'), 'queue-suite')!);
    expect(byRun(resubmitted)).toEqual(byRun(queued));
    expect(sameMachineAndSoftware(resubmitted)).toEqual(sameMachineAndSoftware(queued));
    const counts = await client.keys('bull:synthgrad-runs:run-*');
    expect(new Set(counts.map((k) => k.split(':')[2])).size, 'one job per run').toBe(8);
  }, 240_000);

  it('a coordinator interrupted with runs on the queue picks them up with --resume', async () => {
    const dir = tempDir();
    const suite = writeSuite(dir, { seeds: [1], training: { epochs: 5, batchSize: 10 } });
    // No worker yet: the jobs wait on the queue while the coordinator is stopped.
    const first = spawnTracked(['compare', suite, '--queue', url, '--out', join(dir, 'out')], dir);
    let folder: string | undefined;
    await until(async () => (folder = runFolder(join(dir, 'out'), 'queue-suite')) !== undefined && (await client.keys('bull:synthgrad-runs:run-*')).length >= 4, 60_000, 'jobs on the queue');
    first.child.kill('SIGINT');
    const interrupted = await first.done;
    expect(interrupted.code, interrupted.err).toBe(130);
    expect(interrupted.err).toContain(`synthgrad compare --resume ${folder} --queue ${url}`);
    expect(readRecords(folder!)).toHaveLength(0);
    const worker = startWorker();
    const resumed = await spawnTracked(['compare', '--resume', folder!, '--queue', url, '--quiet'], dir).done;
    await stopWorkers([worker]);
    expect(resumed.code, resumed.err).toBe(0);
    expect(readRecords(folder!).map((r) => r.label).sort()).toEqual(['DNI (layer-output)', 'backprop', 'backprop lr 0.5', 'cDNI (labels)']);
  }, 120_000);

  it('fails the jobs of a worker that lacks a plugin the suite names, naming it; the suite ends', async () => {
    const dir = tempDir();
    const suite = writeSuite(dir, {
      plugins: [fixture('exploding-input.js')],
      seeds: [1],
      runs: [{ label: 'backprop', trainer: 'backprop' }],
    });
    const worker = startWorker();
    const result = await spawnTracked(['compare', suite, '--queue', url, '--out', join(dir, 'out'), '--quiet'], dir).done;
    await stopWorkers([worker]);
    expect(result.code, result.err).toBe(1);
    const [record] = readRecords(runFolder(join(dir, 'out'), 'queue-suite')!);
    expect(record.status).toBe('failed');
    expect(record.reason).toContain(`plugin "${fixture('exploding-input.js')}" is not installed on this worker`);
  }, 120_000);

  it('says which Redis cannot be reached, exit 2, before creating a run folder', async () => {
    const dir = tempDir();
    const port = await freePort();
    const result = await cli(['compare', writeSuite(dir), '--queue', `redis://:secret@127.0.0.1:${port}`, '--out', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${port}: connect ECONNREFUSED`);
    expect(result.err).not.toContain('secret');
    expect(runFolder(join(dir, 'out'), 'queue-suite')).toBeUndefined();
    const worker = await cli(['worker', '--queue', `redis://127.0.0.1:${port}`]);
    expect(worker.code).toBe(2);
    expect(worker.err).toContain(`cannot reach Redis at redis://127.0.0.1:${port}`);
  });

  it('refuses URLs that are not Redis URLs', async () => {
    for (const [bad, message] of [
      ['http://localhost:6379', 'got the scheme "http:"'],
      ['redis://localhost:6379/abc', 'must be a number 0–99'],
      ['not a url', 'expected redis://'],
    ] as const) {
      const result = await cli(['worker', '--queue', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.err, bad).toContain(message);
    }
  });

  it('messages: refuses a database that does not exist instead of using database 0', async () => {
    const result = await cli(['worker', '--queue', `${url}/99`]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`Redis at ${url}/99 has no database 99`);
  });

  it('records nobody made: a job returning another run\'s record, or an empty one, is saved as this run failed, never appended as is', async () => {
    const dir = tempDir();
    const suite = writeSuite(dir, { seeds: [1], training: { epochs: 2, batchSize: 10 }, runs: [{ label: 'backprop', trainer: 'backprop' }, { label: 'other', trainer: 'backprop', network: { learningRate: 0.5 } }] });
    const { Worker } = await import('bullmq');
    const [host, port] = url.replace('redis://', '').split(':');
    const forger = new Worker(
      'synthgrad-runs',
      async (job) => {
        const { spec } = job.data as { spec: { label: string } };
        if (spec.label === 'backprop') return { ...spec, label: 'other', seed: 1, status: 'completed', history: [{ epoch: 0 }], seconds: 1, finishedAt: 'now' };
        return { history: [] };
      },
      { connection: { host: host!, port: Number(port), maxRetriesPerRequest: null } },
    );
    try {
      const result = await spawnTracked(['compare', suite, '--queue', url, '--out', join(dir, 'out'), '--quiet'], dir).done;
      expect(result.code, result.err).toBe(1);
      expect(result.err).not.toContain('unexpected error');
      const records = readRecords(runFolder(join(dir, 'out'), 'queue-suite')!);
      expect(records.map((r) => [r.label, r.status])).toEqual(expect.arrayContaining([['backprop', 'failed'], ['other', 'failed']]));
      expect(records).toHaveLength(2);
      expect(records.find((r) => r.label === 'backprop')!.reason).toContain('it is the record of "other" seed 1, not of "backprop" seed 1');
      expect(records.find((r) => r.label === 'other')!.reason).toContain('not this run\'s');
    } finally {
      await forger.close();
    }
  }, 120_000);

  it('records nobody made: a worker refuses a job over the suite\'s limits, naming the field', async () => {
    const { Queue } = await import('bullmq');
    const [host, port] = url.replace('redis://', '').split(':');
    const queue = new Queue('synthgrad-runs', { connection: { host: host!, port: Number(port) } });
    const worker = startWorker();
    try {
      const spec = { suite: 'queue-suite', label: 'forged', seed: 1, trainer: 'backprop', options: {}, network: { layers: [{ units: 2 }] }, dataset: { name: 'binary-addition', options: { bits: 4 } }, training: { epochs: 1e12, batchSize: 10 }, backend: 'cpu', index: 0, total: 1 };
      const job = await queue.add('forged', { spec, plugins: [] }, { jobId: 'forged-1' });
      await until(async () => (await job.getState()) === 'failed', 60_000, 'the forged job to fail');
      expect((await queue.getJob('forged-1'))!.failedReason).toContain('spec.training.epochs: expected number to be <=1000000');
    } finally {
      await stopWorkers([worker]);
      await queue.close();
    }
  }, 120_000);

  it('work lost: a job whose thread dies late keeps the epochs it finished', async () => {
    const dir = tempDir();
    const plugin = fixture('dying-input.js');
    const suite = writeSuite(dir, {
      plugins: [plugin],
      seeds: [1],
      training: { epochs: 8, batchSize: 10 },
      runs: [{ label: 'dying', trainer: 'dni', options: { generatorInput: 'dying', generatorLearningRate: 0.001 } }],
    });
    const worker = startWorker('--plugin', plugin);
    try {
      const result = await spawnTracked(['compare', suite, '--queue', url, '--out', join(dir, 'out'), '--quiet'], dir).done;
      expect(result.code, result.err).toBe(1);
      const [record] = readRecords(runFolder(join(dir, 'out'), 'queue-suite')!);
      expect(record.status).toBe('failed');
      expect(record.history.length).toBeGreaterThanOrEqual(1);
      expect(record.history.length).toBeLessThan(8);
    } finally {
      await stopWorkers([worker]);
    }
  }, 120_000);
});
