import type { Initialiser } from './Initialiser.js';

/** Fills with zeros; draws nothing from the generator. */
export const zerosInitialiser: Initialiser = {
  name: 'zeros',
  initialise: (weights) => {
    weights.data.fill(0);
  },
};
