// The published packages as a user gets them: build, `npm pack` every public workspace package, install
// the tarballs into an empty project outside the repository (third-party dependencies from the npm
// cache), write a plugin there and run the installed `synthgrad` command on a suite naming it.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTargets } from './exportTargets.js';
import { missingSourceMapSources } from './missingSourceMapSources.js';
import { publicPackages, workspaceRoot, type WorkspacePackage } from './publicPackages.js';

const PLUGIN = `import { ContainerModule } from 'inversify';
import { GeneratorInputPlugin, Matrix } from 'synthgrad';

// The layer's output, doubled: a generator input written in the user's project.
export default new ContainerModule((options) => {
  options.bind(GeneratorInputPlugin).toConstantValue({
    name: 'doubled-output',
    description: "twice the layer's output (an end-to-end test plugin)",
    create(shape) {
      return {
        size: shape.outputSize,
        features({ layerOutput }) {
          const features = Matrix.zeros(layerOutput.rows, layerOutput.cols);
          for (let i = 0; i < features.data.length; i++) features.data[i] = 2 * layerOutput.data[i];
          return features;
        },
      };
    },
  });
});
`;

const SUITE = {
  name: 'e2e',
  description: 'one tiny DNI run whose generator input comes from a plugin of the project',
  plugins: ['./my-input.js'],
  dataset: { name: 'binary-addition', options: { bits: 4, trainSize: 20, testSize: 10 } },
  network: {
    layers: [
      { units: 8, activation: 'sigmoid', bias: false },
      { units: 4, activation: 'sigmoid', bias: false },
    ],
    loss: 'tutorial-delta',
    initialiser: 'tutorial',
    optimiser: 'sgd',
    learningRate: 0.1,
  },
  training: { epochs: 2, batchSize: 10 },
  seeds: [1],
  runs: [{ label: 'DNI (doubled-output)', trainer: 'dni', options: { generatorInput: 'doubled-output' } }],
};

const LAYER_PLUGIN = `import { ContainerModule } from 'inversify';
import { ConfigError, LayerPlugin, Matrix, featureSize, readOptions } from 'synthgrad';

// y = factor · x: a layer kind written in the user's project, with no parameters.
class ScaleLayer {
  constructor(backend, size, factor) {
    this.backend = backend;
    this.inputSize = this.outputSize = size;
    this.factor = factor;
  }
  forward(input) {
    return this.backend.scale(input, this.factor, Matrix.zeros(input.rows, input.cols));
  }
  backward(gradOutput) {
    return this.backend.scale(gradOutput, this.factor, Matrix.zeros(gradOutput.rows, gradOutput.cols));
  }
  update() {}
  parameters() {
    return [];
  }
  state() {
    return {};
  }
}

export default new ContainerModule((options) => {
  options.bind(LayerPlugin).toConstantValue({
    name: 'scale',
    description: 'multiplies its input by a constant factor (an end-to-end test plugin)',
    optionNames: ['factor'],
    readOptions(spec, path) {
      const { factor } = readOptions(path, spec, ['factor']);
      if (typeof factor !== 'number') throw new ConfigError(path + '.factor', 'expected a number, got ' + factor);
      return { factor };
    },
    outputShape: (input) => input,
    tensorShapes: () => ({ parameters: [], buffers: [] }),
    create: (input, { factor }, { backend }) => new ScaleLayer(backend, featureSize(input), factor),
    describe: ({ factor }) => 'scale ' + factor,
  });
});
`;

const LAYER_SUITE = {
  ...SUITE,
  name: 'e2e-layer',
  description: "one tiny backprop run through a layer kind of the project's own, and dropout",
  plugins: ['./my-layer.js'],
  network: {
    ...SUITE.network,
    layers: [SUITE.network.layers[0], { type: 'scale', factor: 0.5 }, { type: 'dropout', rate: 0.25 }, SUITE.network.layers[1]],
  },
  runs: [{ label: 'backprop through scale', trainer: 'backprop' }],
};

let project: string;
let packages: WorkspacePackage[];
const run = (command: string, args: string[], options: ExecFileSyncOptions = {}) =>
  execFileSync(command, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }) as string;

beforeAll(() => {
  packages = publicPackages();
  project = mkdtempSync(join(tmpdir(), 'synthgrad-e2e-'));
  const tarballs = join(project, 'tarballs');
  mkdirSync(tarballs);
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static', ...packages.map((p) => `--projects=${p.name}`)], {
    cwd: workspaceRoot,
    env,
  });
  run('npm', ['pack', '--silent', '--pack-destination', tarballs, ...packages.flatMap((p) => ['-w', p.name])], { cwd: workspaceRoot });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'synthgrad-user', private: true, type: 'module' }, null, 2));
  const files = packages.map((p) => `./tarballs/${p.tarball}`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...files]);
  writeFileSync(join(project, 'my-input.js'), PLUGIN);
  writeFileSync(join(project, 'suite.json'), JSON.stringify(SUITE, null, 2));
  writeFileSync(join(project, 'my-layer.js'), LAYER_PLUGIN);
  writeFileSync(join(project, 'layer-suite.json'), JSON.stringify(LAYER_SUITE, null, 2));
}, 600_000);

// Removing the installed node_modules can take a while on a busy machine.
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
}, 120_000);

describe('the packed packages, installed in a project outside the repository', () => {
  it('discovers the public packages, the command among them', () => {
    expect(packages.map((p) => p.name)).toEqual(expect.arrayContaining(['synthgrad', '@synthgrad/core', '@synthgrad/cli']));
  });

  it('ship every file their export conditions and bins name', () => {
    const missing = packages.flatMap((p) => {
      const installed = join(project, 'node_modules', p.name);
      return exportTargets(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')))
        .filter((target) => !exists(join(installed, target)))
        .map((target) => `${p.name}: ${target}`);
    });
    expect(missing).toEqual([]);
  });

  it('ship the sources their source maps point at', () => {
    const missing = packages.flatMap((p) => missingSourceMapSources(join(project, 'node_modules', p.name)).map((m) => `${p.name}: ${m}`));
    expect(missing).toEqual([]);
  });

  it('ship the MIT LICENSE, each of them', () => {
    const unlicensed = packages.filter((p) => {
      const file = join(project, 'node_modules', p.name, 'LICENSE');
      if (!exists(file)) return true;
      const text = readFileSync(file, 'utf8');
      return !text.startsWith('MIT License') || !text.includes('Copyright (c) 2026 the synthgrad authors');
    });
    expect(unlicensed.map((p) => p.name)).toEqual([]);
  });

  it('@synthgrad/cli ships the suite JSON Schema for editors', () => {
    const schema = JSON.parse(readFileSync(join(project, 'node_modules', '@synthgrad/cli', 'schema', 'suite.schema.json'), 'utf8')) as { title: string };
    expect(schema.title).toBe('synthgrad suite');
  });

  it('@synthgrad/cli ships the example its README names (examples/custom-input)', () => {
    const example = join(project, 'node_modules', '@synthgrad/cli', 'examples', 'custom-input');
    expect(exists(join(example, 'suite.json'))).toBe(true);
    expect(exists(join(example, 'centered-layer-input.js'))).toBe(true);
    // its plugin resolves synthgrad and inversify from the project's node_modules
    expect(run('npx', ['synthgrad', 'check', 'node_modules/@synthgrad/cli/examples/custom-input/suite.json'])).toMatch(/ready to run \(4 configurations × 2 seeds = 8 runs\)/);
  });

  it('`npx synthgrad --version` prints the version of @synthgrad/cli', () => {
    const cli = packages.find((p) => p.name === '@synthgrad/cli')!;
    expect(run('npx', ['synthgrad', '--version']).trim()).toBe(cli.version);
  });

  it('`npx synthgrad list --plugin ./my-input.js` lists the project\'s generator input as added by a plugin', () => {
    expect(run('npx', ['synthgrad', 'list', '--plugin', './my-input.js'])).toMatch(/^ {2}doubled-output \* +twice the layer's output/m);
  });

  it('`npx synthgrad compare ./suite.json` trains with the plugin from the compiled dist, without a TypeScript loader', () => {
    const out = run('npx', ['synthgrad', 'compare', './suite.json', '--workers', '1', '--quiet', '--out', 'results']);
    const resultsFile = /runs recorded in (\S+results\.jsonl)/.exec(out)?.[1];
    expect(resultsFile, out).toBeDefined();
    const records = readFileSync(resolve(project, resultsFile!), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; history: unknown[]; provenance?: { packages: Record<string, string>; gitCommit?: string } });
    expect(records).toHaveLength(1);
    expect(records[0].status).toBe('completed');
    expect(records[0].history).toHaveLength(2);
    expect(JSON.stringify(records[0])).toContain('"doubled-output"');
    // the project is not a git repository: the record names the installed versions and no commit
    expect(records[0].provenance?.packages['@synthgrad/cli']).toBe(packages.find((p) => p.name === '@synthgrad/cli')!.version);
    expect(records[0].provenance).not.toHaveProperty('gitCommit');
    expect(exists(join(project, 'node_modules', 'tsx'))).toBe(false);
  });

  it('`npx synthgrad list --plugin ./my-layer.js` lists the project\'s layer kind as added by a plugin', () => {
    expect(run('npx', ['synthgrad', 'list', '--plugin', './my-layer.js'])).toMatch(/^ {2}scale \* +multiplies its input by a constant factor/m);
  });

  it('`npx synthgrad compare ./layer-suite.json` trains through the project\'s layer kind', () => {
    const out = run('npx', ['synthgrad', 'compare', './layer-suite.json', '--workers', '1', '--quiet', '--out', 'layer-results']);
    const resultsFile = /runs recorded in (\S+results\.jsonl)/.exec(out)?.[1];
    expect(resultsFile, out).toBeDefined();
    const records = readFileSync(resolve(project, resultsFile!), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; history: unknown[]; network: { layers: unknown[] } });
    expect(records).toHaveLength(1);
    expect(records[0].status).toBe('completed');
    expect(records[0].history).toHaveLength(2);
    expect(records[0].network.layers[1]).toEqual({ type: 'scale', factor: 0.5 });
  });

  it('a plugin that cannot resolve its imports reports the missing package', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'synthgrad-e2e-plugin-'));
    try {
      writeFileSync(join(lonely, 'plugin.js'), PLUGIN);
      let stderr = '';
      try {
        run('npx', ['synthgrad', 'list', '--plugin', join(lonely, 'plugin.js')]);
      } catch (error) {
        stderr = String((error as { stderr: string }).stderr);
      }
      expect(stderr).toContain("Cannot find package 'inversify'");
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});

function exists(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
