import { resolve } from 'node:path';
import {
  ActivationRegistry,
  DatasetRegistry,
  GeneratorInputRegistry,
  InitialiserRegistry,
  LayerRegistry,
  LossRegistry,
  OptimiserRegistry,
  TensorBackendRegistry,
  TrainerAlgorithmRegistry,
  defaultBackendName,
  type NamedPlugin,
  type PluginRegistry,
} from 'synthgrad';
import type { Container, ServiceIdentifier } from 'inversify';
import { announcePlugins } from '../plugins/announcePlugins.js';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import { findSuiteFile } from '../suite/findSuiteFile.js';
import { listBuiltInSuites } from '../suite/listBuiltInSuites.js';
import { readSuiteFile } from '../suite/readSuiteFile.js';
import type { CliIo } from './CliIo.js';

export interface ListOptions {
  readonly plugin?: readonly string[];
  /** A suite whose plugins to load too. */
  readonly suite?: string;
}

const KINDS: [string, ServiceIdentifier<PluginRegistry<NamedPlugin>>][] = [
  ['Datasets', DatasetRegistry],
  ['Trainers', TrainerAlgorithmRegistry],
  ['Generator inputs', GeneratorInputRegistry],
  ['Layer kinds (a layer\'s "type"; none = dense)', LayerRegistry],
  ['Activations (or a mathjs formula of x)', ActivationRegistry],
  ['Losses', LossRegistry],
  ['Optimisers', OptimiserRegistry],
  ['Initialisers', InitialiserRegistry],
  ['Tensor backends', TensorBackendRegistry],
];

/** `synthgrad list`: built-in suites, then every named plugin by kind; plugins' additions are marked. */
export async function listCommand(options: ListOptions, io: CliIo): Promise<number> {
  const suitePlugins = options.suite ? ((await readSuiteFile(await findSuiteFile(options.suite, io.cwd))).plugins ?? []) : [];
  const plugins = [...suitePlugins, ...(options.plugin ?? []).map((p) => resolve(io.cwd, p))];
  announcePlugins(plugins, io);
  const container = await createSuiteContainer(plugins);
  const builtIn = plugins.length ? await createSuiteContainer([]) : container;
  const suites = await listBuiltInSuites();
  const sections = [
    section('Built-in suites (synthgrad compare <name>)', suites.map((s) => ({
      name: s.name,
      description: s.sizes.length ? `${s.description} [sizes: full, ${s.sizes.join(', ')}]` : s.description,
    }))),
    ...KINDS.map(([title, token]) => {
      const known = new Set(builtIn.get(token).names());
      const backends = token === TensorBackendRegistry;
      return section(
        title,
        registryOf(container, token)
          .list()
          .map((p) => ({ name: p.name, description: backends ? backendDescription(p) : p.description, fromPlugin: !known.has(p.name) })),
      );
    }),
  ];
  io.out(sections.join('\n\n'));
  if (plugins.length) io.out(`\n* added by a plugin (${plugins.join(', ')})`);
  return 0;
}

/** A backend's own word on being the default is dropped: the default is whichever `defaultBackendName()` picks here (wasm where it loads). */
function backendDescription(backend: NamedPlugin): string {
  const description = backend.description.replace(/\s*\(default\)\s*$/, '');
  return backend.name === defaultBackendName() ? `${description} (default)` : description;
}

function registryOf(container: Container, token: ServiceIdentifier<PluginRegistry<NamedPlugin>>): PluginRegistry<NamedPlugin> {
  return container.get(token);
}

function section(title: string, entries: readonly { name: string; description: string; fromPlugin?: boolean }[]): string {
  const width = Math.max(0, ...entries.map((e) => e.name.length + (e.fromPlugin ? 2 : 0)));
  const lines = entries.map((e) => `  ${(e.fromPlugin ? `${e.name} *` : e.name).padEnd(width)}  ${e.description}`);
  return [`${title}:`, ...(lines.length ? lines : ['  (none)'])].join('\n');
}
