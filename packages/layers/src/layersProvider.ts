import type { TokenProvider } from '@synthgrad/core';

/** The module that binds this package's registries: named by errors of containers that lack it. */
export const layersProvider: TokenProvider = { module: 'layersModule', package: '@synthgrad/layers' };
