import { nearestNames } from './nearestNames.js';

/** Set on every synthgrad error, by whichever copy of this package made it. */
const SYNTHGRAD_ERROR: unique symbol = Symbol.for('synthgrad.error') as never;

/**
 * Base class of every error synthgrad throws on purpose; `instanceof SynthgradError` tells them apart.
 *
 * `instanceof` holds across copies of this package: a plugin installed with its own
 * `@synthgrad/core` throws a `ConfigError` of its copy, and `error instanceof ConfigError` is still
 * true here. An error counts when it carries the mark every copy sets (`Symbol.for('synthgrad.error')`)
 * and a class of the same name is in its prototype chain.
 */
export class SynthgradError extends Error {
  override name = 'SynthgradError';
  readonly [SYNTHGRAD_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null || (value as { [SYNTHGRAD_ERROR]?: unknown })[SYNTHGRAD_ERROR] !== true) {
      return false;
    }
    for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
      if ((proto as { constructor?: { name?: unknown } }).constructor?.name === this.name) return true;
    }
    return false;
  }
}

/** A configuration value is invalid; the message names where (`path`) and what was expected. */
export class ConfigError extends SynthgradError {
  override name = 'ConfigError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/**
 * A name was looked up in a registry that does not know it. The message lists the known names and
 * ends with the nearest ones (`suggestions`, by edit distance) when one is close.
 *
 * @example
 * ```ts
 * new UnknownPluginError('generator input', 'lables', ['labels', 'layer-output']).message;
 * // 'unknown generator input "lables"; known: "labels", "layer-output"; did you mean "labels"?'
 * ```
 */
export class UnknownPluginError extends SynthgradError {
  override name = 'UnknownPluginError';
  /** The known names nearest to `requested` (a typo's likely fix); empty when none is near. */
  readonly suggestions: readonly string[];
  constructor(
    readonly kind: string,
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    const suggestions = nearestNames(requested, known);
    super(
      `unknown ${kind} "${requested}"; known: ${known.length ? known.map((n) => `"${n}"`).join(', ') : '(none registered)'}` +
        (suggestions.length ? `; did you mean ${suggestions.map((n) => `"${n}"`).join(' or ')}?` : ''),
    );
    this.suggestions = suggestions;
  }
}

/** Two plugins of one kind share a name: the second would silently shadow the first. */
export class DuplicatePluginError extends SynthgradError {
  override name = 'DuplicatePluginError';
  constructor(
    readonly kind: string,
    readonly duplicate: string,
  ) {
    super(`two ${kind} plugins are named "${duplicate}"; plugin names must be unique`);
  }
}

/** A container lacks a binding that a package's module provides; the message names the module to load. */
export class MissingModuleError extends SynthgradError {
  override name = 'MissingModuleError';
  constructor(
    /** The unbound token's name, e.g. `ActivationRegistry`. */
    readonly token: string,
    readonly module: string,
    readonly packageName: string,
  ) {
    super(
      `${token} is not bound: load ${module} from ${packageName} ` +
        `(createContainer({ modules: [${module}, …] }), or use createSynthgradContainer() from synthgrad, which loads every built-in)`,
    );
  }
}
