import type { Dataset } from '@synthgrad/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTrainer, tutorialNetwork, type DniOptions, type FeedbackOptions, type TrainerOptions } from '../src/index.js';
import { testContainer } from './support.js';

// A plugin package adds its trainer's options the way a user's package would.
declare module '../src/index.js' {
  interface TrainerOptionsMap {
    'typed-test-trainer': { readonly depth?: number };
  }
}

const network = tutorialNetwork(8);
const dataset = { inputSize: 16, labelSize: 9, task: 'binary-digits' } as unknown as Dataset;

describe('createTrainer options types', () => {
  it('maps each known name to its options type, unknown names to unknown', () => {
    expectTypeOf<TrainerOptions<'dni'>>().toEqualTypeOf<DniOptions>();
    expectTypeOf<TrainerOptions<'backprop'>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<TrainerOptions<'feedback-alignment'>>().toEqualTypeOf<FeedbackOptions>();
    expectTypeOf<TrainerOptions<'direct-feedback-alignment'>>().toEqualTypeOf<FeedbackOptions>();
    expectTypeOf<TrainerOptions<'last-layer-only'>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<TrainerOptions<'typed-test-trainer'>>().toEqualTypeOf<{ readonly depth?: number }>();
    expectTypeOf<TrainerOptions<'not-in-the-map'>>().toBeUnknown();
    expectTypeOf<TrainerOptions<string>>().toBeUnknown();
  });

  it('refuses a misspelt dni option at compile time and at run time', () => {
    const container = testContainer();
    expect(() =>
      createTrainer(container, dataset, {
        algorithm: 'dni',
        network,
        // @ts-expect-error: generatorImput is not a DniOptions key
        options: { generatorImput: 'labels' },
      }),
    ).toThrow('unknown option "generatorImput"');
    expect(() =>
      // @ts-expect-error: lastLayer takes "true-gradient" or "synthetic"
      createTrainer(container, dataset, { algorithm: 'dni', network, options: { lastLayer: 'true' } }),
    ).toThrow('dni.lastLayer');
    expect(() =>
      // @ts-expect-error: backprop takes no options
      createTrainer(container, dataset, { algorithm: 'backprop', network, options: { learningRate: 1 } }),
    ).toThrow('unknown option "learningRate"');
    expect(() =>
      createTrainer(container, dataset, {
        algorithm: 'feedback-alignment',
        network,
        // @ts-expect-error: feedbackInitializer is not a FeedbackOptions key (feedbackInitialiser is)
        options: { feedbackInitializer: 'tutorial' },
      }),
    ).toThrow('unknown option "feedbackInitializer"');
    expect(() =>
      // @ts-expect-error: last-layer-only takes no options
      createTrainer(container, dataset, { algorithm: 'last-layer-only', network, options: { seed: 1 } }),
    ).toThrow('unknown option "seed"');
  });

  it('accepts any options for a name only known at run time, and checks them then', () => {
    const container = testContainer();
    const name: string = 'dni';
    expect(() => createTrainer(container, dataset, { algorithm: name, network, options: { anything: 1 } })).toThrow(
      'unknown option "anything"',
    );
    expect(() => createTrainer(container, dataset, { algorithm: 'not-registered', network, options: 42 })).toThrow(
      'not-registered',
    );
  });
});
