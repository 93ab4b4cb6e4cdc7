// A custom generator input, as a plain ES module: the layer's input h_{i-1}, shifted so that a sigmoid
// unit at rest (0.5) reads 0. Load it with `"plugins": ["./centered-layer-input.js"]` in a suite, or
// `synthgrad compare <suite> --plugin ./centered-layer-input.js`; its name then works anywhere a
// generator input is named, combinations included: ["centered-layer-input", "labels"].
import { ContainerModule } from 'inversify';
import { ConfigError, GeneratorInputPlugin, Matrix } from 'synthgrad';

const NAME = 'centered-layer-input';

/** @type {import('synthgrad').GeneratorInputPlugin<{ center?: number }>} */
export const centeredLayerInput = {
  name: NAME,
  description: "the layer's input h_{i-1} minus options.center (default 0.5): the compare app's example plugin",
  // Called once per decoupled layer: `shape` says where the layer sits, `options` come from the suite.
  create(shape, options = {}) {
    for (const key of Object.keys(options)) {
      if (key !== 'center') throw new ConfigError(NAME, `unknown option "${key}"; known: "center"`);
    }
    const center = options.center ?? 0.5;
    if (typeof center !== 'number' || !Number.isFinite(center)) {
      throw new ConfigError(`${NAME}.center`, `expected a finite number, got ${JSON.stringify(center)}`);
    }
    let features; // reused while the batch size holds: features() runs at every step
    return {
      size: shape.inputSize,
      features({ layerInput }) {
        if (layerInput.cols !== shape.inputSize) {
          throw new RangeError(`${NAME}: layer input has ${layerInput.cols} columns, expected ${shape.inputSize}`);
        }
        if (features === undefined || features.rows !== layerInput.rows) features = Matrix.zeros(layerInput.rows, shape.inputSize);
        const from = layerInput.data;
        const to = features.data;
        for (let i = 0; i < to.length; i++) to[i] = from[i] - center;
        return features;
      },
    };
  },
};

/** The plugin module: binds the input under core's token, so the generator-input registry finds it by name. */
export default new ContainerModule((options) => {
  options.bind(GeneratorInputPlugin).toConstantValue(centeredLayerInput);
});
