import type { ServiceIdentifier } from 'inversify';

/** Which `ContainerModule` of which package binds a token. */
export interface TokenProvider {
  /** The module's export name, e.g. `layersModule`. */
  readonly module: string;
  /** The package that exports it, e.g. `@synthgrad/layers`. */
  readonly package: string;
}

// Kept on globalThis under a registered symbol: two copies of this package (the CLI's and a
// plugin's) share one table, as their tokens (`Symbol.for`) are the same.
const PROVIDERS = Symbol.for('synthgrad.tokenProviders');
const table = ((globalThis as Record<symbol, unknown>)[PROVIDERS] ??= new Map<symbol, TokenProvider>()) as Map<symbol, TokenProvider>;

/**
 * Records which module binds `token` and returns the token, so a container missing that module
 * fails with a {@link MissingModuleError} naming it instead of inversify's "No bindings found".
 *
 * @example
 * ```ts
 * export const LossRegistry: ServiceIdentifier<LossRegistry> = boundBy(Symbol.for('synthgrad.LossRegistry'),
 *   { module: 'layersModule', package: '@synthgrad/layers' });
 * ```
 */
export function boundBy<T>(token: symbol, provider: TokenProvider): ServiceIdentifier<T> {
  table.set(token, provider);
  return token;
}

/** The module recorded for `token` by {@link boundBy}, if any. */
export function providerOf(token: ServiceIdentifier): TokenProvider | undefined {
  return typeof token === 'symbol' ? table.get(token) : undefined;
}

/** Every token with a recorded provider. */
export function tokensWithProvider(): symbol[] {
  return [...table.keys()];
}
