import { defaultState, STATE_PROPERTIES, type PlaygroundState } from './stateProperties.js';

/** The state as a URL hash (`#bits=8&trainer=dni&…`); defaults are written too, so a link never changes meaning. */
export function stateToHash(state: PlaygroundState): string {
  const params = new URLSearchParams();
  for (const property of STATE_PROPERTIES) params.set(property.key, property.serialise(state[property.key] as never));
  return `#${params.toString()}`;
}

/**
 * The state a hash describes: missing keys take their default. An unknown key or a bad value
 * throws, naming the key (and the known keys).
 */
export function hashToState(hash: string): PlaygroundState {
  const state = defaultState() as unknown as Record<string, unknown>;
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const known = new Map(STATE_PROPERTIES.map((property) => [property.key as string, property]));
  for (const [key, value] of params) {
    const property = known.get(key);
    if (property === undefined) throw new Error(`unknown setting "${key}" in the URL; known: ${[...known.keys()].join(', ')}`);
    state[key] = property.deserialise(value);
  }
  return state as unknown as PlaygroundState;
}
